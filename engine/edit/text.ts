/**
 * Text editing on stories at story offsets. Offsets count UTF-16 units of the paragraphs'
 * text with one separator between paragraphs, as the flow and hit-testing count them
 * (engine/flow/paragraphs.ts): paragraph i starts at the lengths before it plus i.
 */
import type { CharacterStyleId, ParagraphStyleId } from '../model/ids';
import type { IssueDocument, Paragraph, Run, Story } from '../model/types';
import { EditError } from './errors';
import { storyOf } from './find';

/** Text of a paragraph. */
export function paragraphText(p: Paragraph): string {
  return p.runs.map((r) => r.text).join('');
}

/** A story's text with "\n" between paragraphs (offsets match story offsets). */
export function storyText(story: Story): string {
  return story.paragraphs.map(paragraphText).join('\n');
}

/** Length of a story in story offsets. */
export function storyLength(story: Story): number {
  return story.paragraphs.reduce((n, p) => n + paragraphText(p).length, 0) + Math.max(0, story.paragraphs.length - 1);
}

/** Paragraph and offset inside it of a story offset (the end of paragraph i, not the start of i+1, at a separator). */
export function locate(story: Story, offset: number): { para: number; at: number } {
  if (!Number.isInteger(offset) || offset < 0) throw new EditError(`story offset ${offset} is not a position in story "${story.id}"`);
  let start = 0;
  for (let i = 0; i < story.paragraphs.length; i++) {
    const len = paragraphText(story.paragraphs[i]!).length;
    if (offset <= start + len) return { para: i, at: offset - start };
    start += len + 1;
  }
  throw new EditError(`story offset ${offset} is past the end of story "${story.id}" (${storyLength(story)})`);
}

/** The story offset where paragraph `i` starts. */
export function paragraphStart(story: Story, i: number): number {
  let start = 0;
  for (let k = 0; k < i; k++) start += paragraphText(story.paragraphs[k]!).length + 1;
  return start;
}

/** Makes a run boundary at `at` in paragraph p; returns the index of the run starting there. */
function cut(p: Paragraph, at: number): number {
  let pos = 0;
  for (let i = 0; i < p.runs.length; i++) {
    const r = p.runs[i]!;
    if (at === pos) return i;
    if (at < pos + r.text.length) {
      const tail: Run = { ...r, text: r.text.slice(at - pos) };
      r.text = r.text.slice(0, at - pos);
      p.runs.splice(i + 1, 0, tail);
      return i + 1;
    }
    pos += r.text.length;
  }
  return p.runs.length;
}

/** Merges neighbouring runs of the same style and drops empty runs (keeping one if all are empty). */
function normalize(p: Paragraph): void {
  const out: Run[] = [];
  for (const r of p.runs) {
    const prev = out[out.length - 1];
    if (prev && prev.style === r.style) prev.text += r.text;
    else out.push(r);
  }
  const nonEmpty = out.filter((r) => r.text.length);
  // An empty paragraph keeps one empty run so that its character style survives for typing.
  p.runs = nonEmpty.length ? nonEmpty : out.slice(0, 1);
  if (p.runs.length === 1 && p.runs[0]!.text === '' && p.runs[0]!.style === undefined) p.runs = [];
}

/** The character style typing at `at` continues: the run before the caret, else the first run. */
function styleAt(p: Paragraph, at: number): CharacterStyleId | undefined {
  let pos = 0;
  for (const r of p.runs) {
    if (at > pos && at <= pos + r.text.length) return r.style;
    pos += r.text.length;
  }
  return p.runs[0]?.style;
}

function setStyle(r: Run, style: CharacterStyleId | undefined): void {
  if (style === undefined) delete r.style;
  else r.style = style;
}

function insertPlain(p: Paragraph, at: number, text: string, style: CharacterStyleId | undefined): void {
  const i = cut(p, at);
  const run: Run = { text };
  setStyle(run, style);
  p.runs.splice(i, 0, run);
  normalize(p);
}

/** Splits text into paragraph pieces on any line or paragraph separator. */
function pieces(text: string): string[] {
  return text.split(/\r\n|\r|\n|\u2029/);
}

/**
 * Inserts text at a story offset; line breaks in it start new paragraphs (with the style of
 * the paragraph they split). The text takes `charStyle` if given (null: no character style),
 * else the style of the character before the caret. Returns the offset after the insertion.
 */
export function insertText(doc: IssueDocument, storyId: string, offset: number, text: string, charStyle?: string | null): number {
  const story = storyOf(doc, storyId);
  if (!story.paragraphs.length) {
    if (offset !== 0) throw new EditError(`story offset ${offset} is past the end of story "${storyId}" (0)`);
    story.paragraphs.push({ style: defaultStyle(doc), runs: [] });
  }
  if (charStyle) requireCharacterStyle(doc, charStyle);
  let pos = offset;
  pieces(text).forEach((piece, i) => {
    if (i > 0) pos = splitParagraph(doc, storyId, pos);
    const { para, at } = locate(story, pos);
    const p = story.paragraphs[para]!;
    const style = charStyle === null ? undefined : charStyle !== undefined ? (charStyle as CharacterStyleId) : styleAt(p, at);
    if (piece) insertPlain(p, at, piece, style);
    pos += piece.length;
  });
  return pos;
}

function removeRange(p: Paragraph, a: number, b: number): void {
  if (b <= a) return;
  const i = cut(p, a);
  const j = cut(p, b);
  p.runs.splice(i, j - i);
}

/** Deletes story offsets [start, end): across runs and paragraphs (joined paragraphs keep the first's style). */
export function deleteText(doc: IssueDocument, storyId: string, start: number, end: number): void {
  const story = storyOf(doc, storyId);
  if (end < start) [start, end] = [end, start];
  if (end === start) return;
  const a = locate(story, start);
  const b = locate(story, end);
  const pa = story.paragraphs[a.para]!;
  if (a.para === b.para) {
    removeRange(pa, a.at, b.at);
    normalize(pa);
    return;
  }
  const pb = story.paragraphs[b.para]!;
  removeRange(pa, a.at, paragraphText(pa).length);
  removeRange(pb, 0, b.at);
  pa.runs.push(...pb.runs);
  story.paragraphs.splice(a.para + 1, b.para - a.para);
  normalize(pa);
}

/** Splits the paragraph at a story offset (Enter); the new paragraph keeps the style. Returns the offset after the break. */
export function splitParagraph(doc: IssueDocument, storyId: string, offset: number): number {
  const story = storyOf(doc, storyId);
  const { para, at } = locate(story, offset);
  const p = story.paragraphs[para]!;
  const trailingStyle = styleAt(p, at);
  const i = cut(p, at);
  const tail = p.runs.splice(i);
  const next: Paragraph = { style: p.style, runs: tail.length ? tail : [] };
  if (!tail.length && trailingStyle !== undefined) next.runs = [{ text: '', style: trailingStyle }];
  normalize(p);
  story.paragraphs.splice(para + 1, 0, next);
  return offset + 1;
}

/** Joins paragraph `index` with the next one (the separator between them is deleted). */
export function mergeParagraphs(doc: IssueDocument, storyId: string, index: number): void {
  const story = storyOf(doc, storyId);
  if (index < 0 || index >= story.paragraphs.length - 1) throw new EditError(`paragraph ${index + 1} of story "${storyId}" has no next paragraph to join`);
  const sep = paragraphStart(story, index) + paragraphText(story.paragraphs[index]!).length;
  deleteText(doc, storyId, sep, sep + 1);
}

/** Replaces story text [start, end) with `text` (typing over a selection). Returns the caret after it. */
export function replaceText(doc: IssueDocument, storyId: string, start: number, end: number, text: string): number {
  const s = Math.min(start, end);
  const story = storyOf(doc, storyId);
  // The replacement continues the style of the first replaced character, as in InDesign.
  const { para, at } = locate(story, s);
  const p = story.paragraphs[para]!;
  const style = at < paragraphText(p).length ? styleAt(p, at + 1) : styleAt(p, at);
  deleteText(doc, storyId, start, end);
  return insertText(doc, storyId, s, text, style ?? null);
}

function defaultStyle(doc: IssueDocument): ParagraphStyleId {
  return (doc.paragraphStyles.find((s) => s.id === 'body') ?? doc.paragraphStyles[0]!).id;
}

function requireCharacterStyle(doc: IssueDocument, id: string): void {
  if (!doc.characterStyles.some((s) => s.id === id)) throw new EditError(`no character style "${id}"`);
}

/** Applies a paragraph style to every paragraph that [start, end] touches. */
export function applyParagraphStyle(doc: IssueDocument, storyId: string, start: number, end: number, styleId: string): void {
  if (!doc.paragraphStyles.some((s) => s.id === styleId)) throw new EditError(`no paragraph style "${styleId}"`);
  const story = storyOf(doc, storyId);
  const a = locate(story, Math.min(start, end)).para;
  const b = locate(story, Math.max(start, end)).para;
  for (let i = a; i <= b; i++) story.paragraphs[i]!.style = styleId as ParagraphStyleId;
}

/** Applies a character style (null: none) to story text [start, end). */
export function applyCharacterStyle(doc: IssueDocument, storyId: string, start: number, end: number, styleId: string | null): void {
  if (styleId !== null) requireCharacterStyle(doc, styleId);
  const story = storyOf(doc, storyId);
  if (end < start) [start, end] = [end, start];
  if (start === end) return;
  const a = locate(story, start);
  const b = locate(story, end);
  for (let i = a.para; i <= b.para; i++) {
    const p = story.paragraphs[i]!;
    const from = i === a.para ? a.at : 0;
    const to = i === b.para ? b.at : paragraphText(p).length;
    if (to <= from) continue;
    const r0 = cut(p, from);
    const r1 = cut(p, to);
    for (let k = r0; k < r1; k++) setStyle(p.runs[k]!, (styleId ?? undefined) as CharacterStyleId | undefined);
    normalize(p);
  }
}

/** Replaces a story's whole text with plain paragraphs (import, story editor). */
export function setStoryParagraphs(doc: IssueDocument, storyId: string, paragraphs: readonly { style: string; text: string }[]): void {
  const story = storyOf(doc, storyId);
  for (const p of paragraphs) if (!doc.paragraphStyles.some((s) => s.id === p.style)) throw new EditError(`no paragraph style "${p.style}"`);
  story.paragraphs = paragraphs.map((p) => ({ style: p.style as ParagraphStyleId, runs: p.text ? [{ text: p.text }] : [] }));
}
