/**
 * Caret movement for the Type tool, from the engine's line records (the same ones hit-testing
 * and the caret rectangle read): up/down by line keeping the caret's x (across columns, frames
 * and pages in story order), Home/End of the line, word left/right (Intl.Segmenter, which
 * segments Chinese into words in Chromium and Node), paragraph up/down and story start/end.
 * Pure functions of the layout and the story text; text-editing.ts applies them.
 */
import { caretRect, type CaretRect } from '../../engine/display/hittest';
import type { LaidOutIssue, LineRecord } from '../../engine/flow/types';
import type { StoryId } from '../../engine/model/ids';

/** A story line with the document frame it was set in (an image frame for a caption). */
export interface StoryLine {
  line: LineRecord;
  frame: string | null;
}

/** The story's lines with source text, in story order. */
export function storyLines(layout: LaidOutIssue, story: string): StoryLine[] {
  const out: StoryLine[] = [];
  for (const p of layout.pages) for (const f of p.frames) for (const l of f.lines) if (l.story === story && l.start >= 0 && l.carets.length) out.push({ line: l, frame: f.source });
  return out.sort((a, b) => a.line.start - b.line.start);
}

/**
 * Index of the line holding `offset`: the line where it is before the end, else the line it
 * ends (as caretRect decides); `preferEnd` picks the line that ends at `offset` (after End).
 */
export function lineIndexOf(lines: readonly StoryLine[], offset: number, preferEnd = false): number {
  let ending = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.line;
    if (offset < l.start || offset > l.end) continue;
    if (offset === l.end) {
      if (preferEnd) return i;
      if (ending < 0) ending = i;
      continue;
    }
    return i;
  }
  return ending;
}

/** The x of the caret before `offset` on a line. */
export function caretX(line: LineRecord, offset: number): number {
  const stop = line.carets.find((c) => c.offset === offset) ?? line.carets.reduce((a, c) => (c.offset <= offset ? c : a), line.carets[0]!);
  return stop.x;
}

/** The offset on a line whose caret stop is nearest to x. */
export function offsetNear(line: LineRecord, x: number): number {
  let best = line.carets[0]!;
  for (const c of line.carets) if (Math.abs(c.x - x) < Math.abs(best.x - x)) best = c;
  return best.offset;
}

/** Where Up (-1) or Down (+1) goes from `offset` with goal x `x`; null when the offset is not laid out. */
export function lineMove(lines: readonly StoryLine[], offset: number, dir: -1 | 1, x: number, storyEnd: number, preferEnd = false): { offset: number; frame: string | null } | null {
  const i = lineIndexOf(lines, offset, preferEnd);
  if (i < 0) return null;
  const target = lines[i + dir];
  // Past the first or last line: to the story's start or to the end of the set text.
  if (!target) return { offset: dir < 0 ? 0 : Math.min(storyEnd, lines[i]!.line.end), frame: lines[i]!.frame };
  return { offset: offsetNear(target.line, x), frame: target.frame };
}

/** Home (-1) or End (+1) of the line holding `offset`; null when the offset is not laid out. */
export function lineEdge(lines: readonly StoryLine[], offset: number, dir: -1 | 1, preferEnd = false): number | null {
  const i = lineIndexOf(lines, offset, preferEnd);
  if (i < 0) return null;
  const l = lines[i]!.line;
  return dir < 0 ? l.start : l.end;
}

function segmenter(lang: string): Intl.Segmenter {
  try {
    return new Intl.Segmenter(lang, { granularity: 'word' });
  } catch {
    return new Intl.Segmenter(undefined, { granularity: 'word' });
  }
}

/** Start of the word before `at` (Alt/Ctrl+Left); a paragraph start steps over the break. */
export function wordLeft(text: string, at: number, lang: string): number {
  if (at <= 0) return 0;
  const ps = text.lastIndexOf('\n', at - 1) + 1;
  if (ps === at) return at - 1;
  const segs = [...segmenter(lang).segment(text.slice(ps, at))];
  for (let i = segs.length - 1; i >= 0; i--) if (segs[i]!.isWordLike) return ps + segs[i]!.index;
  return ps;
}

/** End of the word after `at` (Alt/Ctrl+Right); a paragraph end steps over the break. */
export function wordRight(text: string, at: number, lang: string): number {
  if (at >= text.length) return text.length;
  const found = text.indexOf('\n', at);
  const pe = found < 0 ? text.length : found;
  if (pe === at) return at + 1;
  for (const s of segmenter(lang).segment(text.slice(at, pe))) if (s.isWordLike) return at + s.index + s.segment.length;
  return pe;
}

/** Start of the paragraph holding `at`, or of the previous one when already at a start (Mod+Up). */
export function paragraphUp(text: string, at: number): number {
  if (at <= 0) return 0;
  const ps = text.lastIndexOf('\n', at - 1) + 1;
  return ps < at ? ps : text.lastIndexOf('\n', at - 2) + 1;
}

/** Start of the next paragraph, or the story's end (Mod+Down). */
export function paragraphDown(text: string, at: number): number {
  const found = text.indexOf('\n', at);
  return found < 0 ? text.length : found + 1;
}

/**
 * The caret rectangle of a text selection's focus: at the end of its line after End (where
 * caretRect would show the start of the next line), else caretRect's.
 */
export function selectionCaretRect(layout: LaidOutIssue, t: { story: string; focus: number; lineEndAt?: number }): CaretRect | null {
  if (t.lineEndAt === t.focus) {
    for (const page of layout.pages)
      for (const f of page.frames)
        for (const l of f.lines) if (l.story === t.story && l.start >= 0 && l.end === t.focus && l.carets.length) return { page: page.number, x: caretX(l, t.focus), y: l.y - l.ascent, height: l.ascent + l.descent };
  }
  return caretRect(layout, t.story as StoryId, t.focus);
}
