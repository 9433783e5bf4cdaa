/**
 * The natural width, shrink and stretch of a candidate line [a, b) of units, with the line
 * edges applied: the gap at the break is dropped, trailing spaces are dropped, a line-end
 * mark loses its trailing blank (GB/T 15834 §5.1.10: line-end punctuation half-width), a
 * line-start opening bracket loses its leading blank, and a hyphen is added at a hyphen break.
 */
import type { Items } from './items';
import { Brk } from './segment';

/** Metrics of one candidate line. */
export interface LineMetrics {
  natural: number;
  shrink: number;
  /** Nominal stretch (spaces, Han–Latin gaps, inter-character). */
  stretch: number;
  /** Blank trimmed or compressed that a CJK-only line may give back first (keeps the grid). */
  restore: number;
  /** The line holds no Western glyphs. */
  pureCjk: boolean;
  /** Index of the last unit that is not a space. */
  last: number;
  startTrim: number;
  endTrim: number;
  hyphen: boolean;
}

/** Metrics of the line holding units [a, b). */
export function lineMetrics(it: Items, a: number, b: number): LineMetrics {
  let natural = it.Q[b]! - it.Q[a]! - it.gap[a]!;
  let shrink = it.SH[b]! - it.SH[a]! - it.gshrink[a]!;
  let stretch = it.ST[b]! - it.ST[a]! - it.gstretch[a]!;
  const first = it.units[a]!;
  let startTrim = 0;
  if (first.cjk && first.leftBlank > 0) {
    startTrim = first.leftBlank;
    natural -= startTrim;
    shrink -= Math.min(it.ushrink[a]!, startTrim);
  }
  let k = b - 1;
  while (k > a && it.units[k]!.cls === 'space') {
    natural -= it.w[k]! + it.gap[k]!;
    shrink -= it.ushrink[k]! + it.gshrink[k]!;
    stretch -= it.ustretch[k]! + it.gstretch[k]!;
    k--;
  }
  const lastU = it.units[k]!;
  let endTrim = 0;
  if (lastU.cjk && lastU.rightBlank > 0) {
    endTrim = lastU.rightBlank;
    natural -= endTrim;
    shrink -= Math.min(Math.max(0, it.ushrink[k]! - (k === a ? startTrim : 0)), endTrim);
  }
  const hyphen = b < it.n && it.brk[b] === Brk.Hyphen;
  if (hyphen) natural += it.hyphenWidth(b);
  const pureCjk = it.LAT[b]! - it.LAT[a]! === 0;
  const restore = pureCjk ? startTrim + endTrim + (it.CMP[k + 1]! - it.CMP[a]!) : 0;
  return { natural, shrink: Math.max(0, shrink), stretch: Math.max(0, stretch), restore, pureCjk, last: k, startTrim, endTrim, hyphen };
}
