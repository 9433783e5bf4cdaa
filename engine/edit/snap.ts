/**
 * Snapping as pure geometry: a moving rectangle is pulled to the nearest target line
 * (columns, grid lines, margins, page edges, other frames' edges and centres) within a
 * tolerance, and the smart guides to draw are the target lines it now touches.
 */
import { pageGrid, typeArea } from '../flow/geometry';
import type { IssueDocument } from '../model/types';
import { gridColumn, gridLineCount, templateOfPage, type Rect } from './geometry';

/** Where a snap line comes from. */
export type SnapSource = 'page' | 'margin' | 'column' | 'grid' | 'edge' | 'center';

/** A snap line: vertical (axis x, at x = value) or horizontal (axis y). */
export interface SnapTarget {
  axis: 'x' | 'y';
  value: number;
  source: SnapSource;
  /** Extent of the thing that made the line along the other axis (for drawing the guide). */
  from: number;
  to: number;
  /** The frame that made it, for edges and centres. */
  frame?: string;
}

/** A guide to draw: a line at `value` across [from, to] on the other axis. */
export interface Guide {
  axis: 'x' | 'y';
  value: number;
  from: number;
  to: number;
  source: SnapSource;
}

/** The result of snapping: move the rectangle by (dx, dy); draw `guides`. */
export interface SnapResult {
  dx: number;
  dy: number;
  guides: Guide[];
}

/** Which lines of the moving rectangle may snap (a resize snaps only the dragged edges). */
export interface SnapEdges {
  x: readonly ('min' | 'mid' | 'max')[];
  y: readonly ('min' | 'mid' | 'max')[];
}

const ALL: SnapEdges = { x: ['min', 'mid', 'max'], y: ['min', 'mid', 'max'] };

/** The snap targets of a page, leaving out the frames being moved. */
export function snapTargets(doc: IssueDocument, pageId: string, exclude: readonly string[] = []): SnapTarget[] {
  const t = templateOfPage(doc, pageId);
  const area = typeArea(t);
  const W = t.trim.width;
  const H = t.trim.height;
  const out: SnapTarget[] = [];
  const v = (value: number, source: SnapSource, from = 0, to = H, frame?: string) => out.push({ axis: 'x', value, source, from, to, ...(frame ? { frame } : {}) });
  const h = (value: number, source: SnapSource, from = 0, to = W, frame?: string) => out.push({ axis: 'y', value, source, from, to, ...(frame ? { frame } : {}) });
  v(0, 'page');
  v(W, 'page');
  h(0, 'page');
  h(H, 'page');
  v(area.x, 'margin');
  v(area.x + area.width, 'margin');
  h(area.y, 'margin');
  h(area.y + area.height, 'margin');
  for (let i = 0; i < t.columns; i++) {
    const c = gridColumn(t, i);
    if (i > 0) v(c.x, 'column', area.y, area.y + area.height);
    if (i < t.columns - 1) v(c.x + c.width, 'column', area.y, area.y + area.height);
  }
  // Grid: a frame's top snaps to a line's cell top, its bottom to a cell bottom.
  const g = pageGrid(t);
  for (let k = 0; k < gridLineCount(t); k++) {
    const base = g.first + k * g.pitch;
    h(base - g.cellAscent, 'grid', area.x, area.x + area.width);
    h(base + g.cellDescent, 'grid', area.x, area.x + area.width);
  }
  const skip = new Set(exclude);
  for (const f of doc.frames) {
    if (f.page !== pageId || skip.has(f.id)) continue;
    v(f.x, 'edge', f.y, f.y + f.height, f.id);
    v(f.x + f.width, 'edge', f.y, f.y + f.height, f.id);
    v(f.x + f.width / 2, 'center', f.y, f.y + f.height, f.id);
    h(f.y, 'edge', f.x, f.x + f.width, f.id);
    h(f.y + f.height, 'edge', f.x, f.x + f.width, f.id);
    h(f.y + f.height / 2, 'center', f.x, f.x + f.width, f.id);
  }
  return out;
}

/** Which sources win a tie at equal distance: structure before other frames. */
const RANK: Record<SnapSource, number> = { grid: 0, column: 1, margin: 2, edge: 3, center: 4, page: 5 };

function lines(r: Rect, axis: 'x' | 'y', which: readonly ('min' | 'mid' | 'max')[]): number[] {
  const p = axis === 'x' ? r.x : r.y;
  const s = axis === 'x' ? r.width : r.height;
  return which.map((w) => (w === 'min' ? p : w === 'mid' ? p + s / 2 : p + s));
}

function snapAxis(r: Rect, axis: 'x' | 'y', targets: readonly SnapTarget[], tolerance: number, which: SnapEdges[typeof axis]): number {
  let best: { d: number; rank: number } | null = null;
  for (const line of lines(r, axis, which)) {
    for (const t of targets) {
      if (t.axis !== axis) continue;
      const d = t.value - line;
      if (Math.abs(d) > tolerance) continue;
      const rank = RANK[t.source];
      if (!best || Math.abs(d) < Math.abs(best.d) - 1e-9 || (Math.abs(Math.abs(d) - Math.abs(best.d)) <= 1e-9 && rank < best.rank)) best = { d, rank };
    }
  }
  return best ? best.d : 0;
}

/**
 * Snaps `rect` to the nearest target on each axis within `tolerance` (pt; the caller divides
 * a screen tolerance by the zoom). Guides: every target line the snapped rectangle touches,
 * drawn across both the rectangle and the thing that made the line.
 */
export function snap(rect: Rect, targets: readonly SnapTarget[], tolerance: number, edges: SnapEdges = ALL): SnapResult {
  const dx = snapAxis(rect, 'x', targets, tolerance, edges.x);
  const dy = snapAxis(rect, 'y', targets, tolerance, edges.y);
  const r = { ...rect, x: rect.x + dx, y: rect.y + dy };
  const guides: Guide[] = [];
  const seen = new Set<string>();
  for (const axis of ['x', 'y'] as const) {
    const mine = lines(r, axis, edges[axis]);
    const [a0, a1] = axis === 'x' ? [r.y, r.y + r.height] : [r.x, r.x + r.width];
    for (const t of targets) {
      if (t.axis !== axis || !mine.some((m) => Math.abs(m - t.value) < 0.01)) continue;
      const key = `${axis}:${t.value.toFixed(2)}:${t.source}`;
      if (seen.has(key)) continue;
      seen.add(key);
      guides.push({ axis, value: t.value, from: Math.min(a0, t.from), to: Math.max(a1, t.to), source: t.source });
    }
  }
  return { dx, dy, guides };
}
