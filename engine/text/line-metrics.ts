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

/** A fresh metrics record (the breaker reuses one to avoid allocating per candidate). */
export function emptyMetrics(): LineMetrics {
  return { natural: 0, shrink: 0, stretch: 0, restore: 0, pureCjk: true, last: 0, startTrim: 0, endTrim: 0, hyphen: false };
}

/** Metrics of the line holding units [a, b), written into `out` (a new record if omitted). */
export function lineMetrics(it: Items, a: number, b: number, out: LineMetrics = emptyMetrics()): LineMetrics {
  const k = it.eLast[b]!;
  // Fast path from the precomputed edges; a line that is a single unit or only spaces
  // after its first unit takes the careful path below.
  if (k > a) {
    const hyphen = b < it.n && it.brk[b] === Brk.Hyphen;
    const pureCjk = it.LAT[b]! - it.LAT[a]! === 0;
    const startTrim = it.sTrim[a]!;
    const endTrim = it.eTrim[b]!;
    out.natural = it.Q[b]! - it.Q[a]! - it.gap[a]! - startTrim - it.eDrop[b]! - endTrim + (hyphen ? it.hyphenWidth(b) : 0);
    const sh = it.SH[b]! - it.SH[a]! - it.gshrink[a]! - it.sTrimSh[a]! - it.eDropSh[b]! - it.eTrimSh[b]!;
    const st = it.ST[b]! - it.ST[a]! - it.gstretch[a]! - it.eDropSt[b]!;
    out.shrink = sh > 0 ? sh : 0;
    out.stretch = st > 0 ? st : 0;
    out.restore = pureCjk ? startTrim + endTrim + (it.CMP[k + 1]! - it.CMP[a]!) : 0;
    out.pureCjk = pureCjk;
    out.last = k;
    out.startTrim = startTrim;
    out.endTrim = endTrim;
    out.hyphen = hyphen;
    return out;
  }
  return slowMetrics(it, a, b, out);
}

function slowMetrics(it: Items, a: number, b: number, out: LineMetrics): LineMetrics {
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
  out.natural = natural;
  out.shrink = Math.max(0, shrink);
  out.stretch = Math.max(0, stretch);
  out.restore = restore;
  out.pureCjk = pureCjk;
  out.last = k;
  out.startTrim = startTrim;
  out.endTrim = endTrim;
  out.hyphen = hyphen;
  return out;
}
