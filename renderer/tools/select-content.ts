/**
 * select.content: InDesign's content grabber. Double-clicking an image frame with the
 * Selection tool enters it; a press inside that frame starts panning its picture
 * (select.panning); the overlay draws the whole picture's outline. Escape, or a press outside
 * the frame, goes back to selecting the frame itself (the press then acts as in select.idle).
 */
import { framesAt } from './hit';
import { scratch, type ToolState } from './state';
import type { ToolMachine } from './machine';

/** The frame whose content is being handled (per machine). */
export const contentFrame = scratch(() => ({ id: '' }));

function leave(m: ToolMachine): void {
  m.select(contentFrame(m).id ? [contentFrame(m).id] : []);
  m.transition('select.idle');
}

/** select.content */
export const selectContent: ToolState = {
  path: 'select.content',
  enter(m, i) {
    if (typeof i['frame'] === 'string') contentFrame(m).id = i['frame'];
    m.select([contentFrame(m).id]);
  },
  handle(m, e) {
    const id = contentFrame(m).id;
    const f = m.doc.frames.find((x) => x.id === id);
    if (!f || f.kind !== 'image' || f.page !== m.host.page()) return leave(m);
    if (e.type === 'pointer_down') {
      const inside = framesAt(m.doc, m.host.page(), e.x, e.y).some((x) => x.id === id);
      if (inside && !f.locked && f.src) return m.transition('select.panning', { x: e.x, y: e.y });
      if (inside) {
        m.session.message = f.locked ? `frame "${id}" is locked` : 'The frame is empty: place a picture into it first (Place…, Cmd/Ctrl+D)';
        return;
      }
      leave(m);
      m.dispatch(e);
      return;
    }
    if (e.type === 'key_down' && e.key === 'Escape') leave(m);
  },
};
