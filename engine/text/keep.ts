/**
 * Widow and orphan helpers for the flow: where a paragraph's lines may be split between
 * frames. Orphans = lines that must stay at the foot of a frame, widows = lines that must
 * arrive at the head of the next (the style's minimums); keepTogether forbids any split.
 */
import type { ResolvedParagraphStyle } from '../style/types';

/**
 * The line counts k (1 ≤ k < lineCount) after which the paragraph may be split: the first
 * k lines stay, the rest move on. Empty when the paragraph must not be split.
 */
export function allowedSplits(lineCount: number, style: Pick<ResolvedParagraphStyle, 'orphans' | 'widows' | 'keepTogether'>): number[] {
  if (style.keepTogether) return [];
  const out: number[] = [];
  for (let k = Math.max(1, style.orphans); k <= lineCount - Math.max(1, style.widows); k++) out.push(k);
  return out;
}

/**
 * The largest split point not above `fit` (lines that fit in the frame), or 0 when the
 * paragraph must move whole to the next frame.
 */
export function bestSplit(lineCount: number, fit: number, style: Pick<ResolvedParagraphStyle, 'orphans' | 'widows' | 'keepTogether'>): number {
  if (fit >= lineCount) return lineCount;
  let best = 0;
  for (const k of allowedSplits(lineCount, style)) if (k <= fit) best = k;
  return best;
}
