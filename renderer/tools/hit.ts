/**
 * What the pointer is over, from the document's frames (geometry only; text positions come
 * from the layout's hit-testing). Tolerances are in page points, from screen pixels / scale.
 */
import type { Frame, IssueDocument } from '../../engine/model/types';
import type { Handle } from '../../engine/edit';

/** Frames of a page under a point, front first (z, then document order, as painted). */
export function framesAt(doc: IssueDocument, page: string, x: number, y: number, slop = 0): Frame[] {
  return doc.frames
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.page === page && x >= f.x - slop && x <= f.x + f.width + slop && y >= f.y - slop && y <= f.y + f.height + slop)
    .sort((a, b) => b.f.z - a.f.z || b.i - a.i)
    .map(({ f }) => f);
}

/** The resize handle of frame f within `slop` of (x, y), if any (corners before edges). */
export function handleAt(f: Frame, x: number, y: number, slop: number): Handle | null {
  const xs = { w: f.x, c: f.x + f.width / 2, e: f.x + f.width };
  const ys = { n: f.y, m: f.y + f.height / 2, s: f.y + f.height };
  const near = (a: number, b: number) => Math.abs(a - b) <= slop;
  const order: [Handle, number, number][] = [
    ['nw', xs.w, ys.n], ['ne', xs.e, ys.n], ['sw', xs.w, ys.s], ['se', xs.e, ys.s],
    ['n', xs.c, ys.n], ['s', xs.c, ys.s], ['w', xs.w, ys.m], ['e', xs.e, ys.m],
  ];
  for (const [h, hx, hy] of order) if (near(x, hx) && near(y, hy)) return h;
  return null;
}

/**
 * The out-port of a text frame: a small square just inside its bottom-right corner, offset
 * up from the se resize handle (InDesign puts it on the right edge near the bottom).
 */
export function outPort(f: Frame, slop: number): { x: number; y: number; size: number } {
  const size = Math.max(slop * 2, 4);
  return { x: f.x + f.width - size, y: f.y + f.height - size * 3, size };
}

/** Whether (x, y) is on the out-port of text frame f. */
export function onOutPort(f: Frame, x: number, y: number, slop: number): boolean {
  if (f.kind !== 'text') return false;
  const p = outPort(f, slop);
  return x >= p.x - slop / 2 && x <= p.x + p.size + slop / 2 && y >= p.y - slop / 2 && y <= p.y + p.size + slop / 2;
}
