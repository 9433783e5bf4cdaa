/** Rectangles and the page grid as the editor uses them (page points, y down). */
import { pageGrid, typeArea } from '../flow/geometry';
import type { IssueDocument, Template } from '../model/types';
import { EditError } from './errors';
import { pageOf } from './find';

/** An axis-aligned rectangle in page points. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Smallest frame side the editor makes (pt): a frame never collapses to nothing. */
export const MIN_SIDE = 1;

/** Rounds to 1/100 pt so that positions stay readable in the file and compare exactly. */
export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** A rectangle with positive width and height from two corners in any order. */
export function rectFromPoints(x0: number, y0: number, x1: number, y1: number): Rect {
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
}

/** Whether two rectangles overlap (touching edges do not). */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The smallest rectangle holding all of `rects` (null for none). */
export function bounds(rects: readonly Rect[]): Rect | null {
  if (!rects.length) return null;
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  const x1 = Math.max(...rects.map((r) => r.x + r.width));
  const y1 = Math.max(...rects.map((r) => r.y + r.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The template of a page. */
export function templateOfPage(doc: IssueDocument, pageId: string): Template {
  const p = pageOf(doc, pageId);
  const t = doc.templates.find((x) => x.id === p.template);
  if (!t) throw new EditError(`page "${pageId}" uses the missing template "${p.template}"`);
  return t;
}

/** Column `i` (0-based) of a template's type area: left edge and width. */
export function gridColumn(t: Template, i: number): { x: number; width: number } {
  const area = typeArea(t);
  const w = (area.width - (t.columns - 1) * t.gutter) / t.columns;
  return { x: area.x + i * (w + t.gutter), width: w };
}

/** Horizontal span of columns [first, first + count): the left edge and width gutters included. */
export function columnSpan(t: Template, first: number, count: number): { x: number; width: number } {
  if (first < 0 || count < 1 || first + count > t.columns) {
    throw new EditError(`columns ${first + 1}–${first + count} are outside the page's ${t.columns} columns`);
  }
  const a = gridColumn(t, first);
  const b = gridColumn(t, first + count - 1);
  return { x: round2(a.x), width: round2(b.x + b.width - a.x) };
}

/** Number of grid lines in the type area. */
export function gridLineCount(t: Template): number {
  const g = pageGrid(t);
  const area = typeArea(t);
  return Math.max(0, Math.floor((area.y + area.height - g.cellDescent - g.first) / g.pitch + 1e-6) + 1);
}

/**
 * Vertical span of grid lines [first, first + count): from the top of the first line's cell to
 * the bottom of the last one's (so the frame holds exactly `count` grid lines).
 */
export function lineSpan(t: Template, first: number, count: number): { y: number; height: number } {
  const total = gridLineCount(t);
  if (first < 0 || count < 1 || first + count > total) {
    throw new EditError(`grid lines ${first + 1}–${first + count} are outside the page's ${total} lines`);
  }
  const g = pageGrid(t);
  const y = g.first + first * g.pitch - g.cellAscent;
  return { y: round2(y), height: round2((count - 1) * g.pitch + g.cellAscent + g.cellDescent) };
}

/** The grid line (0-based) whose cell top is nearest to page y. */
export function nearestLine(t: Template, y: number): number {
  const g = pageGrid(t);
  return Math.max(0, Math.min(gridLineCount(t) - 1, Math.round((y + g.cellAscent - g.first) / g.pitch)));
}

/** The column (0-based) whose left edge is nearest to page x. */
export function nearestColumn(t: Template, x: number): number {
  let best = 0;
  for (let i = 1; i < t.columns; i++) if (Math.abs(gridColumn(t, i).x - x) < Math.abs(gridColumn(t, best).x - x)) best = i;
  return best;
}
