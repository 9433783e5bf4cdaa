/**
 * Breaking: total-fit (Knuth–Plass) over the items, or first-fit (greedy) when the style
 * asks for it. Both "push in" before "push out" (clreq): a line may shrink its punctuation
 * blanks and spaces to take one more character before anything moves to the next line.
 * Forbidden breaks (kinsoku, inside numbers, inside words) are simply not candidates; when
 * nothing fits (a word wider than the measure) the line is set overfull rather than broken
 * against the rules.
 */
import { isLatinAlnum } from './chars';
import type { Items } from './items';
import { emptyMetrics, lineMetrics, type LineMetrics } from './line-metrics';
import { Brk } from './segment';

/** What the breaker needs to know about the paragraph's lines. */
export interface BreakParams {
  /** Measure of line i (after indents), pt. */
  measure(line: number): number;
  /** Lines whose measure may differ from the rest (first line indent, drop cap); later lines share one. */
  distinctLines: number;
  /** Justified: lines are stretched, so badness uses the stretch; otherwise ragged. */
  justify: boolean;
  /** The last line is stretched too (justify-all). */
  justifyLast: boolean;
  avoidSingleCharLastLine: boolean;
  greedy: boolean;
  /** First unit to set (after a drop cap, or where `from` starts). */
  startUnit: number;
}

const EPS = 1e-6;
const HYPHEN_PENALTY = 50;
const DOUBLE_HYPHEN_DEMERITS = 10_000;
const SINGLE_CHAR_LAST_LINE_DEMERITS = 200_000;
/** TeX's \finalhyphendemerits: no hyphen on the next-to-last line. */
const FINAL_HYPHEN_DEMERITS = 5000;
const OVERFULL_DEMERITS = 1e9;

/** Adjustment ratio of a line: <0 shrinking, >0 stretching; -Infinity when it cannot fit. */
export function ratio(m: LineMetrics, measure: number, stretchable: boolean, ragged: boolean, em: number): number {
  const diff = measure - m.natural;
  if (Math.abs(diff) < EPS) return 0;
  if (diff < 0) return m.shrink > EPS ? diff / m.shrink : -Infinity;
  if (!stretchable) return 0;
  if (ragged) return diff / (3 * em);
  const st = m.stretch + m.restore;
  // A line with nothing to stretch (one character) cannot be justified: worse than any line that can.
  return st > EPS ? diff / st : 1000;
}

interface Node {
  pos: number;
  line: number;
  demerits: number;
  hyphen: boolean;
  prev: Node | null;
}

/** Whether [a, n) holds at most one letter or Han character (clreq: avoid such last lines). */
function singleCharTail(it: Items, a: number): boolean {
  let count = 0;
  for (let i = a; i < it.n; i++) {
    const u = it.units[i]!;
    if (u.cls === 'han' || (!u.cjk && isLatinAlnum(u.cp))) {
      if (++count > 1) return false;
    }
  }
  return true;
}

/** The end junction of each line, in order (the last is items.n). */
export function findBreaks(it: Items, p: BreakParams): number[] {
  if (it.n <= p.startUnit) return [];
  return p.greedy ? greedy(it, p) : totalFit(it, p);
}

function greedy(it: Items, p: BreakParams): number[] {
  const out: number[] = [];
  let pos = p.startUnit;
  let line = 0;
  while (pos < it.n) {
    const m = p.measure(line);
    let best = -1;
    let firstCandidate = -1;
    for (let j = pos + 1; j <= it.n; j++) {
      const isEnd = j === it.n;
      if (!isEnd && it.brk[j] === Brk.None) continue;
      if (firstCandidate < 0) firstCandidate = j;
      const met = lineMetrics(it, pos, j);
      if (met.natural - met.shrink <= m + EPS) best = j;
      else if (met.natural - met.shrink > m + 4 * it.em) break;
      if (!isEnd && it.brk[j] === Brk.Forced) break;
      if (best === j && it.brk[j] === Brk.Forced) break;
    }
    const j = best > 0 ? best : firstCandidate;
    out.push(j);
    pos = j;
    line++;
  }
  return out;
}

function totalFit(it: Items, p: BreakParams): number[] {
  // Active nodes are compacted in place; the best new node per line class (lines with
  // distinct measures) is tracked in scalars and allocated once per candidate. The line
  // metrics' fast path is inlined over local typed arrays: this loop is the composer's hot spot.
  const active: Node[] = [{ pos: p.startUnit, line: 0, demerits: 0, hyphen: false, prev: null }];
  const classes = Math.min(p.distinctLines, 64) + 1;
  const bestPrev: (Node | null)[] = new Array<Node | null>(classes).fill(null);
  const bestTotal = new Float64Array(classes);
  const bestHyphen = new Uint8Array(classes);
  const met = emptyMetrics();
  const measures: number[] = [];
  const measureOf = (line: number): number => (measures[line] ??= p.measure(line));
  const { Q, SH, ST, gap, gshrink, gstretch, sTrim, sTrimSh, eLast, eDrop, eDropSh, eDropSt, eTrim, eTrimSh, LAT, CMP, brk, n, em } = it;
  const ragged = !p.justify;
  for (let j = p.startUnit + 1; j <= n; j++) {
    const isEnd = j === n;
    const kind = isEnd ? Brk.Forced : brk[j]!;
    if (kind === Brk.None) continue;
    bestPrev.fill(null);
    const hyphenHere = !isEnd && kind === Brk.Hyphen;
    const hw = hyphenHere ? it.hyphenWidth(j) : 0;
    const k = eLast[j]!;
    const stretchable = p.justify ? !isEnd || p.justifyLast : !isEnd;
    let kept = 0;
    let lastDropped: Node | null = null;
    for (let ai = 0; ai < active.length; ai++) {
      const a = active[ai]!;
      const measure = measureOf(a.line);
      const ap = a.pos;
      let natural: number;
      let shrink: number;
      let stretch: number;
      let restore: number;
      if (k > ap) {
        natural = Q[j]! - Q[ap]! - gap[ap]! - sTrim[ap]! - eDrop[j]! - eTrim[j]! + hw;
        shrink = SH[j]! - SH[ap]! - gshrink[ap]! - sTrimSh[ap]! - eDropSh[j]! - eTrimSh[j]!;
        if (shrink < 0) shrink = 0;
        if (natural - shrink > measure + EPS) {
          if (!lastDropped || ap > lastDropped.pos || (ap === lastDropped.pos && a.demerits < lastDropped.demerits)) lastDropped = a;
          continue;
        }
        stretch = ST[j]! - ST[ap]! - gstretch[ap]! - eDropSt[j]!;
        if (stretch < 0) stretch = 0;
        restore = LAT[j] === LAT[ap] ? sTrim[ap]! + eTrim[j]! + (CMP[k + 1]! - CMP[ap]!) : 0;
      } else {
        lineMetrics(it, ap, j, met);
        natural = met.natural;
        shrink = met.shrink;
        stretch = met.stretch;
        restore = met.restore;
      }
      // Adjustment ratio (see ratio()): justified lines stretch (the last only for
      // justify-all); ragged lines are scored on their slack, the last one not at all.
      const diff = measure - natural;
      let r: number;
      if (diff > -EPS && diff < EPS) r = 0;
      else if (diff < 0) r = shrink > EPS ? diff / shrink : -Infinity;
      else if (!stretchable) r = 0;
      else if (ragged) r = diff / (3 * em);
      else r = stretch + restore > EPS ? diff / (stretch + restore) : 1000;
      if (r < -1 - EPS) {
        // Overfull: this node can never start a line reaching j or beyond.
        if (!lastDropped || ap > lastDropped.pos || (ap === lastDropped.pos && a.demerits < lastDropped.demerits)) lastDropped = a;
        continue;
      }
      active[kept++] = a;
      const ar = r < 0 ? -r : r;
      const badness = r >= 1000 ? 1e8 : Math.min(1e7, 100 * ar * ar * ar);
      const penalty = hyphenHere ? HYPHEN_PENALTY : 0;
      let d = (10 + badness) * (10 + badness) + penalty * penalty;
      if (hyphenHere && a.hyphen) d += DOUBLE_HYPHEN_DEMERITS;
      if (isEnd && a.hyphen) d += FINAL_HYPHEN_DEMERITS;
      if (isEnd && p.avoidSingleCharLastLine && ap > p.startUnit && singleCharTail(it, ap)) d += SINGLE_CHAR_LAST_LINE_DEMERITS;
      const key = a.line + 1 < classes - 1 ? a.line + 1 : classes - 1;
      const total = a.demerits + d;
      if (bestPrev[key] === null || total < bestTotal[key]!) {
        bestPrev[key] = a;
        bestTotal[key] = total;
        bestHyphen[key] = hyphenHere ? 1 : 0;
      }
    }
    active.length = kind === Brk.Forced ? 0 : kept;
    let added = 0;
    for (let c = 0; c < classes; c++) {
      const prev = bestPrev[c];
      if (prev) {
        active.push({ pos: j, line: prev.line + 1, demerits: bestTotal[c]!, hyphen: bestHyphen[c] === 1, prev });
        added++;
      }
    }
    if (kept === 0 && added === 0 && lastDropped) {
      // Nothing fits: set the line from the latest start overfull (a word wider than the measure).
      active.push({ pos: j, line: lastDropped.line + 1, demerits: lastDropped.demerits + OVERFULL_DEMERITS, hyphen: false, prev: lastDropped });
    }
    if (isEnd) break;
  }
  let end: Node | null = null;
  for (const a of active) if (a.pos === n && (!end || a.demerits < end.demerits)) end = a;
  const out: number[] = [];
  for (let nd = end; nd && nd.prev; nd = nd.prev) out.push(nd.pos);
  return out.reverse();
}
