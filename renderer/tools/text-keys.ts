/**
 * The Type tool's caret keys (text.editing): Up/Down by line (the caret keeps its x over
 * repeated presses), Home/End of the line, Alt or Ctrl/Cmd + Left/Right by word, Ctrl/Cmd +
 * Up/Down by paragraph, Ctrl/Cmd + Home/End to the story's ends. Shift extends the selection.
 * Positions come from the layout's line records (text-moves.ts); never a document change.
 */
import { storyLength, storyOf, storyText } from '../../engine/edit';
import type { KeyEvent, ToolEvent } from './events';
import type { ToolMachine } from './machine';
import { scratch } from './state';
import { caretX, lineEdge, lineIndexOf, lineMove, paragraphDown, paragraphUp, storyLines, wordLeft, wordRight } from './text-moves';

/** The x that Up/Down aim for, valid only while the focus is still `focus` in `story`. */
const sticky = scratch(() => ({ focus: -1, story: '', goalX: null as number | null }));

/** Moves the caret for a caret key; other keys are ignored. */
export function caretMove(m: ToolMachine, e: KeyEvent): void {
  const t = m.session.text;
  if (!t?.story) return;
  const st = sticky(m);
  const fresh = st.focus === t.focus && st.story === t.story;
  // After End the caret belongs to the end of its line, not to the start of the next one.
  const lineEnd = t.lineEndAt === t.focus;
  const story = storyOf(m.doc, t.story);
  const len = storyLength(story);
  const layout = m.host.layout();
  const lines = layout ? storyLines(layout, t.story) : [];
  let focus: number | null = null;
  let frame = t.frame;
  let goalX: number | null = null;
  let atLineEnd = false;
  const vertical = e.key === 'ArrowUp' || e.key === 'ArrowDown';
  const dir = e.key === 'ArrowUp' || e.key === 'ArrowLeft' || e.key === 'Home' ? -1 : 1;
  if (vertical && e.mod) focus = dir < 0 ? paragraphUp(storyText(story), t.focus) : paragraphDown(storyText(story), t.focus);
  else if (vertical) {
    const i = lineIndexOf(lines, t.focus, lineEnd);
    if (i < 0) return;
    goalX = fresh && st.goalX !== null ? st.goalX : caretX(lines[i]!.line, t.focus);
    const r = lineMove(lines, t.focus, dir, goalX, len, lineEnd);
    if (!r) return;
    focus = r.offset;
    if (r.frame) frame = r.frame;
  } else if ((e.key === 'Home' || e.key === 'End') && e.mod) focus = dir < 0 ? 0 : len;
  else if (e.key === 'Home' || e.key === 'End') {
    focus = lineEdge(lines, t.focus, dir, lineEnd);
    atLineEnd = dir > 0;
  } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && (e.alt || e.mod)) {
    const text = storyText(story);
    focus = dir < 0 ? wordLeft(text, t.focus, m.doc.issue.lang) : wordRight(text, t.focus, m.doc.issue.lang);
  } else return;
  if (focus === null) return;
  focus = Math.max(0, Math.min(len, focus));
  const next = e.shift ? { ...t, frame, focus } : { ...t, frame, anchor: focus, focus };
  if (atLineEnd) next.lineEndAt = focus;
  else delete next.lineEndAt;
  m.session.text = next;
  Object.assign(st, { focus, story: t.story, goalX });
}

/** Whether an event moves the caret other than by caretMove (typing, a click, plain arrows, deleting). */
export function endsLineEnd(e: ToolEvent): boolean {
  if (e.type === 'key_down') return !['ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key) && !((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && (e.alt || e.mod));
  return e.type === 'text_input' || e.type === 'pointer_down' || (e.type === 'composition' && e.phase === 'end');
}
