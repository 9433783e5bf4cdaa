/** text.idle: the Type tool with no caret; a click in a text frame places the caret there. */
import type { ToolState } from './state';
import { caretAt } from './text-caret';

/** text.idle */
export const textIdle: ToolState = {
  path: 'text.idle',
  enter(m) {
    m.session.text = null;
    m.session.composing = null;
  },
  handle(m, e) {
    if (e.type === 'pointer_down') {
      const caret = caretAt(m, e.x, e.y);
      if (!caret) return;
      m.select([caret.frame]);
      m.session.text = caret;
      m.transition('text.editing', { dragging: true });
      return;
    }
    if (e.type === 'key_down' && e.key === 'Escape') m.transition('select.idle');
  },
};
