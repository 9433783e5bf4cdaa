/**
 * select.panning: dragging the picture inside its frame (content mode). Each move re-applies
 * the total pan from the press as a squashed change after a mark, so the whole drag is one
 * undo step; Escape or a cancel bails to the mark and leaves none. Back to select.content.
 */
import { panImage } from '../../engine/edit';
import { contentFrame } from './select-content';
import { endGesture, scratch, type ToolState } from './state';
import type { ToolMachine } from './machine';

const MARK = 'pan-image';

const gesture = scratch(() => ({ origin: { x: 0, y: 0 }, start: { x: 0, y: 0 }, moved: false }));

function finish(m: ToolMachine, commit: boolean): void {
  endGesture(m, MARK, commit, 'select.content');
}

/** select.panning */
export const selectPanning: ToolState = {
  path: 'select.panning',
  enter(m, i) {
    const g = gesture(m);
    const f = m.doc.frames.find((x) => x.id === contentFrame(m).id);
    g.origin = { x: i['x'] as number, y: i['y'] as number };
    g.start = f?.kind === 'image' ? { x: f.offsetX, y: f.offsetY } : { x: 0, y: 0 };
    g.moved = false;
    m.host.history.mark(MARK);
  },
  handle(m, e) {
    const g = gesture(m);
    const id = contentFrame(m).id;
    if (e.type === 'pointer_move') {
      let dx = e.x - g.origin.x;
      let dy = e.y - g.origin.y;
      if (e.shift) {
        if (Math.abs(dx) > Math.abs(dy)) dy = 0;
        else dx = 0;
      }
      m.host.history.change(
        (d) => {
          const f = d.frames.find((x) => x.id === id);
          if (f?.kind !== 'image') return;
          // Re-apply the whole pan from the start: the drag's end decides, not its path.
          f.offsetX = g.start.x;
          f.offsetY = g.start.y;
          panImage(d, id, dx, dy);
        },
        { capture: 'squash' },
      );
      g.moved = true;
      return;
    }
    if (e.type === 'pointer_up') return finish(m, g.moved);
    if (e.type === 'cancel' || (e.type === 'key_down' && e.key === 'Escape')) finish(m, false);
  },
};
