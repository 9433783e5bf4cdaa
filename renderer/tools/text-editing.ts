/**
 * text.editing: a caret or selection in a story. Typed text, IME commits, Enter, Backspace and
 * Delete edit the story at story offsets; consecutive typing in one story within BURST_MS is
 * one undo step (deleting is its own burst). IME pre-edit text stays out of the document.
 */
import { deleteText, ensureStory, insertText, replaceText, splitParagraph, storyLength, storyOf } from '../../engine/edit';
import { scratch, type ToolState } from './state';
import { BURST_MS, type ToolMachine } from './machine';
import { caretAt } from './text-caret';
import { caretMove, endsLineEnd } from './text-keys';

const gesture = scratch(() => ({ dragging: false }));

function range(m: ToolMachine): [number, number] {
  const t = m.session.text!;
  return [Math.min(t.anchor, t.focus), Math.max(t.anchor, t.focus)];
}

/** Inserts text at the caret (replacing a selection), creating the frame's story on first input. */
function write(m: ToolMachine, text: string, time: number): void {
  const t = m.session.text!;
  const [a, b] = range(m);
  let story = t.story;
  let caret = a;
  m.host.history.change(
    (d) => {
      if (!story) story = ensureStory(d, t.frame, m.host.newId);
      caret = b > a ? replaceText(d, story, a, b, text) : text === '\n' ? splitParagraph(d, story, a) : insertText(d, story, a, text);
    },
    { burst: { key: `type:${t.frame}`, at: time, window: BURST_MS } },
  );
  m.session.text = { ...t, story, anchor: caret, focus: caret };
}

function erase(m: ToolMachine, dir: -1 | 1, time: number): void {
  const t = m.session.text!;
  if (!t.story) return;
  let [a, b] = range(m);
  if (a === b) {
    const len = storyLength(storyOf(m.doc, t.story));
    if (dir < 0 ? a === 0 : b === len) return;
    if (dir < 0) a -= 1;
    else b += 1;
  }
  m.host.history.change((d) => deleteText(d, t.story, a, b), { burst: { key: `erase:${t.frame}`, at: time, window: BURST_MS } });
  m.session.text = { ...t, anchor: a, focus: a };
}

/** text.editing */
export const textEditing: ToolState = {
  path: 'text.editing',
  enter(m, i) {
    gesture(m).dragging = !!i['dragging'];
  },
  exit(m) {
    m.session.composing = null;
  },
  handle(m, e) {
    let t = m.session.text;
    if (!t) return m.transition('text.idle');
    // End's "caret at the line's end" lasts until something other than a caret key moves it.
    if (t.lineEndAt !== undefined && endsLineEnd(e)) {
      t = { story: t.story, frame: t.frame, anchor: t.anchor, focus: t.focus };
      m.session.text = t;
    }
    switch (e.type) {
      case 'pointer_down': {
        const c = caretAt(m, e.x, e.y);
        if (!c) return m.transition('text.idle');
        m.select([c.frame]);
        m.session.text = e.shift && c.story === t.story ? { ...t, focus: c.focus } : c;
        gesture(m).dragging = true;
        return;
      }
      case 'pointer_move': {
        if (!gesture(m).dragging) return;
        const c = caretAt(m, e.x, e.y);
        if (c && c.story === t.story && t.story) m.session.text = { ...t, focus: c.focus };
        return;
      }
      case 'pointer_up':
        gesture(m).dragging = false;
        return;
      case 'text_input':
        if (e.text) write(m, e.text, e.time);
        return;
      case 'composition':
        if (e.phase === 'end') {
          m.session.composing = null;
          if (e.text) write(m, e.text, e.time);
        } else m.session.composing = e.text;
        return;
      case 'cancel':
        gesture(m).dragging = false;
        return;
      case 'key_down':
        break;
      default:
        return;
    }
    if (m.session.composing !== null) return; // keys belong to the IME while it composes
    const len = t.story ? storyLength(storyOf(m.doc, t.story)) : 0;
    if (e.key === 'Escape') {
      m.select([t.frame]);
      m.session.text = null;
      return m.transition('select.idle');
    }
    if (e.key === 'Backspace') return erase(m, -1, e.time);
    if (e.key === 'Delete') return erase(m, 1, e.time);
    if (e.key === 'Enter') return write(m, '\n', e.time);
    if (e.mod && (e.key === 'a' || e.key === 'A')) {
      m.session.text = { ...t, anchor: 0, focus: len };
      return;
    }
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const [a, b] = range(m);
      const step = e.key === 'ArrowLeft' ? -1 : 1;
      if (!e.shift && a !== b && !e.alt && !e.mod) {
        const at = step < 0 ? a : b;
        m.session.text = { ...t, anchor: at, focus: at };
        return;
      }
      if (e.alt || e.mod) return caretMove(m, e);
      const focus = Math.max(0, Math.min(len, t.focus + step));
      m.session.text = e.shift ? { ...t, focus } : { ...t, anchor: focus, focus };
      return;
    }
    caretMove(m, e);
  },
};
