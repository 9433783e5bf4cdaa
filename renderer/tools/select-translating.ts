/**
 * select.translating: dragging the selection. Every move re-applies the total offset from the
 * press (snapped, Shift constrains to an axis) as a squashed change after a mark, so the whole
 * drag is one undo step and Escape (bail to the mark) leaves none.
 */
import { bounds, round2, snap, snapTargets, type Rect } from '../../engine/edit';
import { endGesture, scratch, type ToolState } from './state';
import { SNAP_PX, type ToolMachine } from './machine';

const MARK = 'translate';

const gesture = scratch(() => ({
  origin: { x: 0, y: 0 },
  start: new Map<string, { x: number; y: number }>(),
  startBounds: null as Rect | null,
  moved: false,
}));

function finish(m: ToolMachine, commit: boolean): void {
  endGesture(m, MARK, commit, 'select.idle');
}

/** select.translating */
export const selectTranslating: ToolState = {
  path: 'select.translating',
  enter(m, i) {
    const g = gesture(m);
    g.origin = { x: i['x'] as number, y: i['y'] as number };
    const frames = m.doc.frames.filter((f) => m.session.selection.includes(f.id) && !f.locked);
    g.start = new Map(frames.map((f) => [f.id as string, { x: f.x, y: f.y }]));
    g.startBounds = bounds(frames);
    g.moved = false;
    m.host.history.mark(MARK);
  },
  exit(m) {
    m.session.guides = [];
  },
  handle(m, e) {
    const g = gesture(m);
    const { origin, start, startBounds } = g;
    if (e.type === 'pointer_move') {
      if (!startBounds || !start.size) return;
      let dx = e.x - origin.x;
      let dy = e.y - origin.y;
      if (e.shift) {
        if (Math.abs(dx) > Math.abs(dy)) dy = 0;
        else dx = 0;
      }
      const targets = snapTargets(m.doc, m.host.page(), [...start.keys()]);
      const s = snap({ ...startBounds, x: startBounds.x + dx, y: startBounds.y + dy }, targets, m.px(SNAP_PX), e.shift ? { x: dy === 0 ? ['min', 'mid', 'max'] : [], y: dx === 0 ? ['min', 'mid', 'max'] : [] } : undefined);
      dx += s.dx;
      dy += s.dy;
      m.session.guides = s.guides;
      m.host.history.change(
        (d) => {
          for (const f of d.frames) {
            const p = start.get(f.id);
            if (!p) continue;
            f.x = round2(p.x + dx);
            f.y = round2(p.y + dy);
          }
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
