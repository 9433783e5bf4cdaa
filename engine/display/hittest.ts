/**
 * Hit-testing on laid-out pages: a point → a story position (or the frame under it), and a
 * story position → the caret rectangle. Works on the line records, so the caret is exactly
 * where the glyphs were painted.
 */
import type { LaidOutIssue, LaidOutPage, LineRecord } from '../flow/types';
import type { FrameId, StoryId } from '../model/ids';

/** What is under a point. */
export type Hit = { story: StoryId; offset: number } | { frame: FrameId } | null;

/** The caret before a story offset, in page points (y = the caret's top). */
export interface CaretRect {
  page: number;
  x: number;
  y: number;
  height: number;
}

function inside(x: number, y: number, f: { x: number; y: number; width: number; height: number }): boolean {
  return x >= f.x && x <= f.x + f.width && y >= f.y && y <= f.y + f.height;
}

/** The offset in a line nearest to page x: the caret stop whose position is closest. */
function offsetInLine(line: LineRecord, x: number): number {
  let best = line.carets[0]!;
  for (const c of line.carets) if (Math.abs(c.x - x) < Math.abs(best.x - x)) best = c;
  return best.offset;
}

/**
 * What is at (x, y) on a page (page points): inside a story frame, the story offset of the
 * nearest caret stop on the nearest line of the column under the point; inside any other
 * frame, that frame; else null. Frames in front win.
 */
export function hitTest(page: LaidOutPage, x: number, y: number): Hit {
  const frames = page.frames.map((f, i) => ({ f, i })).sort((a, b) => b.f.z - a.f.z || b.i - a.i);
  for (const { f } of frames) {
    if (!inside(x, y, f)) continue;
    const lines = f.lines.filter((l) => l.story && l.carets.length);
    if (lines.length) {
      // The column under the point: lines whose horizontal extent covers x, or all of them.
      const inCol = lines.filter((l) => x >= l.x - 1 && x <= l.x + l.width + 1);
      const pool = inCol.length ? inCol : lines;
      let best = pool[0]!;
      let bestD = Infinity;
      for (const l of pool) {
        const d = y < l.y - l.ascent ? l.y - l.ascent - y : y > l.y + l.descent ? y - l.y - l.descent : 0;
        const dx = x < l.x ? l.x - x : x > l.x + l.width ? x - l.x - l.width : 0;
        if (d + dx < bestD) {
          bestD = d + dx;
          best = l;
        }
      }
      return { story: best.story!, offset: offsetInLine(best, x) };
    }
    if (f.source && f.role === 'frame') return { frame: f.source };
  }
  return null;
}

/**
 * The caret rectangle before `offset` in `story`: the first line that holds the offset
 * (at a line break, the start of the next line wins over the end of the previous one).
 * null when the offset is overset or not in the story.
 */
export function caretRect(laidOut: LaidOutIssue, story: StoryId, offset: number): CaretRect | null {
  let fallback: CaretRect | null = null;
  for (const page of laidOut.pages) {
    for (const f of page.frames) {
      for (const l of f.lines) {
        if (l.story !== story || l.start < 0 || offset < l.start || offset > l.end) continue;
        const stop = l.carets.find((c) => c.offset === offset) ?? l.carets.reduce((a, c) => (c.offset <= offset ? c : a), l.carets[0]!);
        const rect = { page: page.number, x: stop.x, y: l.y - l.ascent, height: l.ascent + l.descent };
        if (offset < l.end) return rect;
        fallback ??= rect;
      }
    }
  }
  return fallback;
}
