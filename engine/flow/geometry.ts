/**
 * Page geometry for the flow: the type area, the page grid, a text frame's columns and the
 * wrap exclusions that narrow them. All coordinates are page points from the trim's top-left.
 */
import type { Frame, Template, TextFrame } from '../model/types';

/** An axis-aligned rectangle in page points. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The page's line grid. Baseline k sits at `first + k * pitch`. `cellAscent` is how far
 * above a baseline a grid cell starts: a line fits a grid line when its top (baseline −
 * cellAscent) is inside the frame.
 */
export interface PageGrid {
  first: number;
  pitch: number;
  cellAscent: number;
  cellDescent: number;
}

/** One column of a text frame: its box and the exclusions (wrap) that fall inside it. */
export interface ColumnRegion {
  x: number;
  width: number;
  top: number;
  bottom: number;
  exclusions: Rect[];
}

/** Geometric tolerance: positions closer than this are equal (pt). */
export const EPS = 0.01;

/** The type area (版心) of a template. */
export function typeArea(t: Template): Rect {
  return {
    x: t.margins.left,
    y: t.margins.top,
    width: t.trim.width - t.margins.left - t.margins.right,
    height: t.trim.height - t.margins.top - t.margins.bottom,
  };
}

/** Ideographic em-box split: CJK faces put 0.88 em above the baseline and 0.12 below. */
export const EM_ASCENT = 0.88;
export const EM_DESCENT = 0.12;

/**
 * The grid of a template. Character grid: the first line's em box starts at the type-area
 * top, so the first baseline is 0.88 em below it and the pitch is the grid leading.
 * Baseline grid: the first baseline is `offset` below the type-area top (or one leading's
 * worth of ascent when the offset is 0, so the first line is inside the type area).
 */
export function pageGrid(t: Template): PageGrid {
  const area = typeArea(t);
  const g = t.grid;
  if (g.kind === 'character') {
    return { first: area.y + g.size * EM_ASCENT, pitch: g.leading, cellAscent: g.size * EM_ASCENT, cellDescent: g.size * EM_DESCENT };
  }
  const ascent = g.leading * 0.75;
  return { first: area.y + (g.offset > 0 ? g.offset : ascent), pitch: g.leading, cellAscent: ascent, cellDescent: g.leading * 0.25 };
}

/** Baselines of the grid inside the type area (for the editor's guides). */
export function gridBaselines(t: Template): number[] {
  const grid = pageGrid(t);
  const area = typeArea(t);
  const out: number[] = [];
  for (let b = grid.first; b + grid.cellDescent <= area.y + area.height + EPS; b += grid.pitch) out.push(round(b));
  return out;
}

/** Columns of the template's type area (guides). */
export function templateColumns(t: Template): { x: number; width: number }[] {
  const area = typeArea(t);
  const width = (area.width - t.gutter * (t.columns - 1)) / t.columns;
  return Array.from({ length: t.columns }, (_, i) => ({ x: round(area.x + i * (width + t.gutter)), width: round(width) }));
}

/** The first grid baseline at or below `y`. */
export function snapDown(grid: PageGrid, y: number): number {
  const k = Math.ceil((y - grid.first) / grid.pitch - EPS / grid.pitch);
  return grid.first + Math.max(k, -1e6) * grid.pitch;
}

/** The content box of a text frame (frame minus insets). */
export function contentBox(f: TextFrame): Rect {
  return {
    x: f.x + f.insets.left,
    y: f.y + f.insets.top,
    width: Math.max(0, f.width - f.insets.left - f.insets.right),
    height: Math.max(0, f.height - f.insets.top - f.insets.bottom),
  };
}

/** The rectangle a wrapping frame keeps text out of: its box (plus bound caption) grown by the offsets. */
export function wrapRect(box: Rect, f: Frame): Rect | null {
  if (!f.wrap || f.wrap.mode !== 'box') return null;
  const o = f.wrap.offsets;
  return { x: box.x - o.left, y: box.y - o.top, width: box.width + o.left + o.right, height: box.height + o.top + o.bottom };
}

/** Whether two rectangles overlap by more than the tolerance. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS;
}

/** The columns of a text frame, each with the exclusions that overlap it. */
export function frameColumns(f: TextFrame, exclusions: readonly Rect[]): ColumnRegion[] {
  const box = contentBox(f);
  const n = f.columns;
  const width = Math.max(0, (box.width - f.gutter * (n - 1)) / n);
  const cols: ColumnRegion[] = [];
  for (let i = 0; i < n; i++) {
    const x = box.x + i * (width + f.gutter);
    const colRect = { x, y: box.y, width, height: box.height };
    cols.push({ x, width, top: box.y, bottom: box.y + box.height, exclusions: exclusions.filter((e) => intersects(e, colRect)) });
  }
  return cols;
}

/**
 * The widest free stretch of a column for a line occupying [top, bottom]: the column minus
 * the exclusions that the band crosses. Returns the offset from the column's left and the
 * width; width 0 when the band is fully blocked.
 */
export function freeSpan(col: ColumnRegion, top: number, bottom: number): { offset: number; width: number } {
  if (!col.exclusions.length) return { offset: 0, width: col.width };
  const blocks = col.exclusions
    .filter((e) => e.y < bottom - EPS && e.y + e.height > top + EPS)
    .map((e) => [Math.max(col.x, e.x), Math.min(col.x + col.width, e.x + e.width)] as const)
    .filter(([a, b]) => b > a)
    .sort((p, q) => p[0] - q[0]);
  if (!blocks.length) return { offset: 0, width: col.width };
  let best = { offset: 0, width: 0 };
  let cursor = col.x;
  for (const [a, b] of blocks) {
    if (a - cursor > best.width) best = { offset: cursor - col.x, width: a - cursor };
    cursor = Math.max(cursor, b);
  }
  if (col.x + col.width - cursor > best.width) best = { offset: cursor - col.x, width: col.x + col.width - cursor };
  return best;
}

/** Rounds to 1/1000 pt so that output and goldens are stable across float noise. */
export function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
