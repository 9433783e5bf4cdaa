/** select.brushing: dragging a marquee on empty page; frames it touches are selected (Shift adds). Escape restores. */
import { intersects, rectFromPoints } from '../../engine/edit';
import { scratch, type ToolState } from './state';

const gesture = scratch(() => ({ origin: { x: 0, y: 0 }, before: [] as string[], additive: false }));

/** select.brushing */
export const selectBrushing: ToolState = {
  path: 'select.brushing',
  enter(m, i) {
    const g = gesture(m);
    g.origin = { x: i['x'] as number, y: i['y'] as number };
    g.additive = !!i['additive'];
    g.before = [...m.session.selection];
  },
  exit(m) {
    m.session.brush = null;
  },
  handle(m, e) {
    const { origin, before, additive } = gesture(m);
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
