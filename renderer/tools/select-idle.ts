/** select.idle: nothing pressed. Presses pick frames, handles or out-ports; keys act on the selection. */
import { deleteFrames, duplicateFrames, nudgeFrames } from '../../engine/edit';
import type { ToolState } from './state';
import { framesAt, handleAt, onOutPort } from './hit';
import { HANDLE_PX } from './machine';
import { articleSelection } from '../articles/placement';

const ARROWS: Record<string, 'left' | 'right' | 'up' | 'down'> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** select.idle */
export const selectIdle: ToolState = {
  path: 'select.idle',
  enter(m) {
    m.session.guides = [];
    m.session.brush = null;
  },
  handle(m, e) {
    const doc = m.doc;
    const page = m.host.page();
    if (e.type === 'pointer_down') {
      const slop = m.px(HANDLE_PX);
      // Handles and out-ports of selected frames come first: they sit on the frame's edge.
      for (const id of m.session.selection) {
        const f = doc.frames.find((x) => x.id === id);
        if (!f || f.page !== page) continue;
        if (onOutPort(f, e.x, e.y, slop)) return m.transition('thread.picking', { source: f.id });
        const h = m.session.selection.length === 1 && !f.locked ? handleAt(f, e.x, e.y, slop) : null;
        if (h) return m.transition('select.resizing', { frame: f.id, handle: h, x: e.x, y: e.y });
      }
      const hit = framesAt(doc, page, e.x, e.y)[0];
      if (!hit) {
        if (!e.shift) m.select([]);
        return m.transition('select.brushing', { x: e.x, y: e.y, additive: !!e.shift });
      }
      const selected = m.session.selection.includes(hit.id);
      if (e.shift) {
        if (!selected) m.select([...m.session.selection, hit.id]);
      } else if (e.alt) m.select(articleSelection(doc, [hit.id], page)); // Alt-click: the whole article
      else if (!selected) m.select([hit.id]);
      return m.transition('select.pointing', { x: e.x, y: e.y, frame: hit.id, wasSelected: selected, shift: !!e.shift, alt: !!e.alt });
    }
    if (e.type === 'double_click') {
      const hit = framesAt(doc, page, e.x, e.y)[0];
      // An image frame: its content (InDesign's content grabber) — a drag then pans the picture.
      if (hit?.kind === 'image') return m.transition('select.content', { frame: hit.id });
      if (hit?.kind === 'text') {
        m.transition('text.idle');
        m.dispatch({ type: 'pointer_down', x: e.x, y: e.y });
      }
      return;
    }
    if (e.type !== 'key_down') return;
    const sel = m.session.selection;
    if (e.key === 'Escape') return m.select([]);
    if (!sel.length) return;
    const dir = ARROWS[e.key];
    if (dir) {
      m.host.history.change((d) => void nudgeFrames(d, sel, dir, !!e.shift));
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      m.host.history.change((d) => void deleteFrames(d, sel));
      m.pruneSelection();
    } else if (e.mod && e.alt && !e.shift && (e.key === 'd' || e.key === 'D')) {
      // Step and repeat's quick form (InDesign: Duplicate is Alt+Cmd/Ctrl+Shift+D, the command edit.duplicate; here Alt+Mod+D).
      let made: string[] = [];
      m.host.history.change((d) => {
        made = duplicateFrames(d, sel, m.host.newId);
      });
      m.select(made);
    }
  },
};
