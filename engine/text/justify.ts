/**
 * Justification: give each line its final unit widths and gaps. Shrinking takes clreq's
 * order class by class (spaces, interpuncts, brackets, ，、；：, the Han–Latin gap, 。？！);
 * stretching first gives back trimmed and compressed punctuation blanks on CJK-only lines
 * (which puts every full-width character back on the em grid), then Western spaces to ½ em,
 * the Han–Latin gap to ⅓ em, then spreads the rest evenly between CJK characters, and only
 * when a line has none of those, across spaces, then letters.
 */
import { Stretch, type Items } from './items';
import type { LineMetrics } from './line-metrics';
import { SHRINK_CLASSES } from './punctuation';

/** Final geometry of a line's units: extra blank removed/restored and gap extras, per unit. */
export interface LineGeometry {
  a: number;
  /** Last unit set (trailing spaces excluded). */
  last: number;
  /** Removed blanks per unit (index - a), including edge trims, pt. */
  remLeft: Float64Array;
  remRight: Float64Array;
  /** Extra width of a unit (spaces stretched), pt. */
  unitExtra: Float64Array;
  /** Gap before unit (index - a): its final width, pt (0 for the first unit). */
  gap: Float64Array;
  width: number;
}

const EPS = 1e-9;

/** Computes a line's geometry, filling `target` when `fill` (justified), else natural width. */
export function justifyLine(it: Items, a: number, m: LineMetrics, target: number, fill: boolean): LineGeometry {
  const last = m.last;
  const len = last - a + 1;
  const remLeft = new Float64Array(len);
  const remRight = new Float64Array(len);
  const unitExtra = new Float64Array(len);
  const gap = new Float64Array(len);
  for (let i = a; i <= last; i++) {
    const u = it.units[i]!;
    remLeft[i - a] = u.removedLeft;
    remRight[i - a] = u.removedRight;
    if (i > a) gap[i - a] = it.gap[i]!;
  }
  // Edge trims.
  if (m.startTrim > 0) remLeft[0]! += m.startTrim;
  if (m.endTrim > 0) remRight[len - 1]! += m.endTrim;
  const spaceW = (i: number): number => it.w[i]! - it.units[i]!.advance;
  // Width of space units is it.w (the Han–Latin gap may replace the font's space).
  for (let i = a; i <= last; i++) if (it.units[i]!.cls === 'space') unitExtra[i - a] = spaceW(i);
  const need = target - m.natural;
  if (need < -EPS) shrink(it, a, last, m, -need, remLeft, remRight, unitExtra, gap);
  else if (need > EPS && fill) stretch(it, a, last, m, need, remLeft, remRight, unitExtra, gap);
  let width = 0;
  for (let i = a; i <= last; i++) {
    width += gap[i - a]! + it.units[i]!.advance - remLeft[i - a]! - remRight[i - a]! + unitExtra[i - a]!;
  }
  if (m.hyphen) width += it.hyphenWidth(last + 1);
  return { a, last, remLeft, remRight, unitExtra, gap, width };
}

function shrink(it: Items, a: number, last: number, m: LineMetrics, amount: number, remL: Float64Array, remR: Float64Array, extra: Float64Array, gap: Float64Array): void {
  let left = amount;
  for (let cls = 0; cls < SHRINK_CLASSES && left > EPS; cls++) {
    // Capacity of this class in the line (edge-trimmed blanks are gone already).
    let cap = 0;
    const caps: number[] = [];
    for (let i = a; i <= last; i++) {
      const k = i - a;
      let c = 0;
      if (it.uclass[i] === cls) {
        const u = it.units[i]!;
        c = u.cls === 'space' ? it.ushrink[i]! : Math.max(0, u.advance - remL[k]! - remR[k]! - (u.advance - u.leftBlank - u.rightBlank - u.removedLeft - u.removedRight));
      }
      let g = 0;
      if (i > a && it.gclass[i] === cls) g = it.gshrink[i]!;
      caps.push(c, g);
      cap += c + g;
    }
    if (cap <= EPS) continue;
    const f = Math.min(1, left / cap);
    for (let i = a; i <= last; i++) {
      const k = i - a;
      const c = caps[2 * k]! * f;
      const g = caps[2 * k + 1]! * f;
      if (c > 0) {
        const u = it.units[i]!;
        if (u.cls === 'space') extra[k]! -= c;
        else if (u.punct === 'open') remL[k]! += c;
        else if (u.punct === 'middle') {
          remL[k]! += c / 2;
          remR[k]! += c / 2;
        } else remR[k]! += c;
      }
      if (g > 0) gap[k]! -= g;
    }
    left -= Math.min(left, cap);
  }
}

function stretch(it: Items, a: number, last: number, m: LineMetrics, amount: number, remL: Float64Array, remR: Float64Array, extra: Float64Array, gap: Float64Array): void {
  let left = amount;
  // 1. Give back trimmed/compressed blanks on CJK-only lines (the grid), end first, then start, then inner.
  if (m.pureCjk && m.restore > EPS) {
    const order: number[] = [last - a, 0];
    for (let k = 1; k < last - a; k++) order.push(k);
    for (const k of order) {
      if (left <= EPS) break;
      const u = it.units[a + k]!;
      const origR = u.removedRight - u.compressed * (u.punct === 'open' ? 0 : 1);
      const backR = Math.min(left, Math.max(0, remR[k]! - Math.max(0, origR)));
      remR[k]! -= backR;
      left -= backR;
      const origL = u.removedLeft - (u.punct === 'open' ? u.compressed : 0);
      const backL = Math.min(left, Math.max(0, remL[k]! - Math.max(0, origL)));
      remL[k]! -= backL;
      left -= backL;
    }
  }
  // 2. Bounded classes: spaces, Han–Latin gaps.
  for (const cls of [Stretch.Space, Stretch.HanLatin]) {
    if (left <= EPS) break;
    let cap = 0;
    for (let i = a; i <= last; i++) {
      if (cls === Stretch.Space && it.units[i]!.cls === 'space') cap += it.ustretch[i]!;
      if (i > a && it.gsclass[i] === cls) cap += it.gstretch[i]!;
    }
    if (cap <= EPS) continue;
    const f = Math.min(1, left / cap);
    for (let i = a; i <= last; i++) {
      const k = i - a;
      if (cls === Stretch.Space && it.units[i]!.cls === 'space') extra[k]! += it.ustretch[i]! * f;
      if (i > a && it.gsclass[i] === cls) gap[k]! += it.gstretch[i]! * f;
    }
    left -= Math.min(left, cap);
  }
  if (left <= EPS) return;
  // 3. Unbounded: inter-character (CJK), else spaces, else Han–Latin gaps, else letters.
  const pick = (pred: (i: number) => boolean): number[] => {
    const out: number[] = [];
    for (let i = a + 1; i <= last; i++) if (pred(i)) out.push(i);
    return out;
  };
  let slots = pick((i) => it.gsclass[i] === Stretch.Inter);
  if (slots.length > 0) {
    for (const i of slots) gap[i - a]! += left / slots.length;
    return;
  }
  slots = pick((i) => it.units[i]!.cls === 'space');
  if (slots.length > 0) {
    for (const i of slots) extra[i - a]! += left / slots.length;
    return;
  }
  slots = pick((i) => it.gsclass[i] === Stretch.HanLatin || it.gsclass[i] === Stretch.Letter);
  if (slots.length === 0) slots = pick(() => true);
  for (const i of slots) gap[i - a]! += left / slots.length;
}
