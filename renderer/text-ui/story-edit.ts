/**
 * The story editor's document operations, as pure functions over a document draft: a
 * paragraph's new text from its field (typing, IME commits, paste with line breaks), splitting
 * at Enter, joining at Backspace/Delete, and where the story's overset text begins. They use
 * engine/edit's text operations, so the story editor edits exactly as the Type tool does.
 */
import { deleteText, insertText, mergeParagraphs, paragraphStart, paragraphText, replaceText, storyLength, storyOf } from '../../engine/edit';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';

/** The smallest change turning `before` into `after`: [start, end) of before replaced by `insert`. */
export function textDiff(before: string, after: string): { start: number; end: number; insert: string } | null {
  if (before === after) return null;
  let a = 0;
  while (a < before.length && a < after.length && before[a] === after[a]) a++;
  let b = 0;
  while (b < before.length - a && b < after.length - a && before[before.length - 1 - b] === after[after.length - 1 - b]) b++;
  return { start: a, end: before.length - b, insert: after.slice(a, after.length - b) };
}

/**
 * Makes paragraph `index` of a story read `value` (line breaks in it start new paragraphs).
 * Returns what kind of edit it was (for undo bursts): 'erase' for a pure deletion.
 */
export function setParagraphText(d: IssueDocument, storyId: string, index: number, value: string): 'type' | 'erase' | null {
  const story = storyOf(d, storyId);
  const p = story.paragraphs[index];
  if (!p) return null;
  const diff = textDiff(paragraphText(p), value.replace(/\r\n?/g, '\n'));
  if (!diff) return null;
  const base = paragraphStart(story, index);
  if (!diff.insert) {
    deleteText(d, storyId, base + diff.start, base + diff.end);
    return 'erase';
  }
  if (diff.end > diff.start) replaceText(d, storyId, base + diff.start, base + diff.end, diff.insert);
  else insertText(d, storyId, base + diff.start, diff.insert);
  return 'type';
}

/** Enter in paragraph `index` with its field's selection [a, b]: the paragraph splits there. */
export function splitAt(d: IssueDocument, storyId: string, index: number, a: number, b: number): void {
  const story = storyOf(d, storyId);
  const base = paragraphStart(story, index);
  if (b > a) replaceText(d, storyId, base + a, base + b, '\n');
  else insertText(d, storyId, base + a, '\n');
}

/** Gives an empty story its first (empty) paragraph. */
export function addParagraph(d: IssueDocument, storyId: string): void {
  if (!storyOf(d, storyId).paragraphs.length) insertText(d, storyId, 0, '');
}

/** Backspace at the start of paragraph `index` (> 0): it joins the previous one. Returns the caret in that one. */
export function joinWithPrevious(d: IssueDocument, storyId: string, index: number): number {
  const story = storyOf(d, storyId);
  const at = paragraphText(story.paragraphs[index - 1]!).length;
  mergeParagraphs(d, storyId, index - 1);
  return at;
}

/** Delete at the end of paragraph `index`: the next one joins it. */
export function joinWithNext(d: IssueDocument, storyId: string, index: number): void {
  mergeParagraphs(d, storyId, index);
}

/** Where the story's overset text begins: { para, at } in paragraph terms; null when it all fits. */
export function oversetStart(doc: IssueDocument, layout: LaidOutIssue, storyId: string): { para: number; at: number; chars: number } | null {
  const rec = layout.stories.find((s) => s.id === storyId);
  if (!rec || rec.overset <= 0) return null;
  let end = 0;
  for (const p of layout.pages) for (const f of p.frames) for (const l of f.lines) if (l.story === storyId && l.end > end) end = l.end;
  const story = storyOf(doc, storyId);
  end = Math.min(end, storyLength(story));
  // A break at a paragraph's end means the overset begins with the next paragraph.
  let start = 0;
  for (let i = 0; i < story.paragraphs.length; i++) {
    const len = paragraphText(story.paragraphs[i]!).length;
    if (end < start + len || (end === start + len && i === story.paragraphs.length - 1)) return { para: i, at: end - start, chars: rec.overset };
    if (end === start + len) return { para: i + 1, at: 0, chars: rec.overset };
    start += len + 1;
  }
  return { para: story.paragraphs.length - 1, at: 0, chars: rec.overset };
}
