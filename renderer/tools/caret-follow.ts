/**
 * The text caret follows edits made elsewhere: when a story changes by something other than
 * the Type tool (the story editor, Place into the story, undo, a style command), the caret's
 * offsets move with the text around them, as in a text editor — before the change they stay,
 * after it they shift by the change's length, inside a replaced stretch they go to its end —
 * and are clamped to the story. The Type tool sets its caret after its own edits anyway.
 */
import { storyText } from '../../engine/edit';
import type { IssueDocument } from '../../engine/model/types';
import type { TextSelection } from './machine';
import { textDiff } from '../text-ui/story-edit';

/** The caret's selection moved for the change from `before` to `after` (the same object when nothing moved). */
export function followEdit(sel: TextSelection, before: IssueDocument, after: IssueDocument): TextSelection {
  const a = before.stories.find((s) => s.id === sel.story);
  const b = after.stories.find((s) => s.id === sel.story);
  if (!b || a === b) return sel;
  const now = storyText(b);
  const d = a ? textDiff(storyText(a), now) : null;
  const move = (o: number) => {
    let x = o;
    if (d && o > d.start) x = o >= d.end ? o + d.insert.length - (d.end - d.start) : d.start + d.insert.length;
    return Math.max(0, Math.min(now.length, x));
  };
  const anchor = move(sel.anchor);
  const focus = move(sel.focus);
  if (anchor === sel.anchor && focus === sel.focus) return sel;
  const { lineEndAt: _end, ...rest } = sel;
  return { ...rest, anchor, focus };
}
