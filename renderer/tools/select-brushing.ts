/** select.brushing: dragging a marquee on empty page; frames it touches are selected (Shift adds). Escape restores. */
import { intersects, rectFromPoints } from '../../engine/edit';
import type { ToolState } from './state';

let origin = { x: 0, y: 0 };
let before: string[] = [];
let additive = false;

/** select.brushing */
export const selectBrushing: ToolState = {
  path: 'select.brushing',
  enter(m, i) {
    origin = { x: i['x'] as number, y: i['y'] as number };
    additive = !!i['additive'];
    before = [...m.session.selection];
  },
  exit(m) {
    m.session.brush = null;
  },
  handle(m, e) {
    if (e.type === 'pointer_move') {
      const r = rectFromPoints(origin.x, origin.y, e.x, e.y);
      m.session.brush = r;
      const page = m.host.page();
      const hit = m.doc.frames.filter((f) => f.page === page && intersects(r, f)).map((f) => f.id as string);
      m.select(additive ? [...before, ...hit] : hit);
      return;
    }
    if (e.type === 'pointer_up') return m.transition('select.idle');
    if (e.type === 'cancel' || (e.type === 'key_down' && e.key === 'Escape')) {
      m.select(before);
      m.transition('select.idle');
    }
  },
};
