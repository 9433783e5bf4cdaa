/** Multi-selection operations: align, distribute, z-order. Locked frames never move. */
import type { IssueDocument } from '../model/types';
import { EditError } from './errors';
import { framesOf } from './find';
import { bounds, round2 } from './geometry';

/** An edge or centre line to align to. */
export type AlignEdge = 'left' | 'hcenter' | 'right' | 'top' | 'vcenter' | 'bottom';

/** Aligns frames to the selection's bounds (the extreme edge, or the bounds' centre). */
export function alignFrames(doc: IssueDocument, ids: readonly string[], edge: AlignEdge): void {
  const frames = framesOf(doc, ids);
  const b = bounds(frames);
  if (!b || frames.length < 2) return;
  for (const f of frames) {
    if (f.locked) continue;
    if (edge === 'left') f.x = round2(b.x);
    else if (edge === 'right') f.x = round2(b.x + b.width - f.width);
    else if (edge === 'hcenter') f.x = round2(b.x + (b.width - f.width) / 2);
    else if (edge === 'top') f.y = round2(b.y);
    else if (edge === 'bottom') f.y = round2(b.y + b.height - f.height);
    else f.y = round2(b.y + (b.height - f.height) / 2);
  }
}

/**
 * Distributes frames along an axis: 'spacing' makes the gaps between neighbours equal;
 * 'centers' spaces their centres evenly. The outermost two stay where they are.
 */
export function distributeFrames(doc: IssueDocument, ids: readonly string[], axis: 'h' | 'v', mode: 'spacing' | 'centers' = 'spacing'): void {
  const frames = framesOf(doc, ids);
  if (frames.length < 3) return;
  const pos = axis === 'h' ? 'x' : 'y';
  const size = axis === 'h' ? 'width' : 'height';
  const sorted = [...frames].sort((a, b) => a[pos] + a[size] / 2 - (b[pos] + b[size] / 2));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (mode === 'centers') {
    const c0 = first[pos] + first[size] / 2;
    const step = (last[pos] + last[size] / 2 - c0) / (sorted.length - 1);
    sorted.forEach((f, i) => {
      if (!f.locked && i > 0 && i < sorted.length - 1) f[pos] = round2(c0 + i * step - f[size] / 2);
    });
    return;
  }
  const total = sorted.reduce((s, f) => s + f[size], 0);
  const gap = (last[pos] + last[size] - first[pos] - total) / (sorted.length - 1);
  let at = first[pos] + first[size] + gap;
  for (const f of sorted.slice(1, -1)) {
    if (!f.locked) f[pos] = round2(at);
    at = f[pos] + f[size] + gap;
  }
}

/** How to change the paint order. */
export type ZMove = 'forward' | 'backward' | 'front' | 'back';

/**
 * Changes the paint order of frames on their page. The page's frames are renumbered
 * 0…n−1 in their current paint order (z, then document order, as the display list sorts)
 * with the change applied, so that the result never depends on ties.
 */
export function reorderFrames(doc: IssueDocument, ids: readonly string[], move: ZMove): void {
  const picked = framesOf(doc, ids);
  if (!picked.length) return;
  const page = picked[0]!.page;
  if (picked.some((f) => f.page !== page)) throw new EditError('z-order works on frames of one page at a time');
  const want = new Set(picked.map((f) => f.id as string));
  const order = doc.frames
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.page === page)
    .sort((a, b) => a.f.z - b.f.z || a.i - b.i)
    .map(({ f }) => f);
  let next = order;
  if (move === 'front') next = [...order.filter((f) => !want.has(f.id)), ...order.filter((f) => want.has(f.id))];
  else if (move === 'back') next = [...order.filter((f) => want.has(f.id)), ...order.filter((f) => !want.has(f.id))];
  else if (move === 'forward') {
    next = [...order];
    for (let i = next.length - 2; i >= 0; i--) {
      if (want.has(next[i]!.id) && !want.has(next[i + 1]!.id)) [next[i], next[i + 1]] = [next[i + 1]!, next[i]!];
    }
  } else {
    next = [...order];
    for (let i = 1; i < next.length; i++) {
      if (want.has(next[i]!.id) && !want.has(next[i - 1]!.id)) [next[i], next[i - 1]] = [next[i - 1]!, next[i]!];
    }
  }
  next.forEach((f, i) => {
    if (f.z !== i) f.z = i;
  });
}
