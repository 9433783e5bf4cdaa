/**
 * Items: the breaker's view of a paragraph. Units become boxes with natural width, shrink
 * (by clreq class) and stretch; the gap before each unit carries the Han–Latin space and the
 * inter-character stretch; junctions carry break opportunities. Prefix sums make the width,
 * shrink and stretch of any line O(1), which is what keeps Knuth–Plass fast.
 */
import type { ResolvedParagraphStyle } from '../style/types';
import { isLatinAlnum } from './chars';
import { isUnbreakablePair } from './kinsoku';
import { punctShrinkClass, unitWidth } from './punctuation';
import type { Unit } from './shape';

/** Stretch classes, in clreq's expansion order. */
export const enum Stretch {
  /** Western word spaces, to ½ em (CJK) or +½ of the space (Western). */
  Space = 0,
  /** Han–Latin gap, to ⅓ em. */
  HanLatin = 1,
  /** Even inter-character spacing between CJK characters (unbounded). */
  Inter = 2,
  /** Letter-spacing inside Western words: last resort (unbounded). */
  Letter = 3,
}
export const STRETCH_CLASSES = 4;

/** Nominal capacity of the unbounded classes, per junction, in em (for badness only). */
const INTER_NOMINAL = 0.15;
const LETTER_NOMINAL = 0.02;

/** The paragraph as the breaker and justifier see it. */
export interface Items {
  units: Unit[];
  n: number;
  /** Natural width of unit i. */
  w: Float64Array;
  /** Gap before unit i (0 for i = 0), and its class-wise shrink/stretch. */
  gap: Float64Array;
  /** Per unit: shrink capacity and class; per gap: shrink capacity (class 4 or 0). */
  ushrink: Float64Array;
  uclass: Int8Array;
  /** Space units: stretch capacity (class Space). */
  ustretch: Float64Array;
  gshrink: Float64Array;
  gclass: Int8Array;
  /** Gap stretch capacity and class (HanLatin, Inter, Letter or -1). */
  gstretch: Float64Array;
  gsclass: Int8Array;
  /** Break kind at the junction before unit i (i in 1..n-1). */
  brk: Uint8Array;
  /** Prefix sums over i < j of gap[i] + w[i], shrink, nominal stretch; Western unit count. */
  Q: Float64Array;
  SH: Float64Array;
  ST: Float64Array;
  LAT: Int32Array;
  /** Prefix sums of blank removed by adjacent-punctuation compression (restorable on grid lines). */
  CMP: Float64Array;
  /** Line-start trim of unit a (an opening mark's leading blank) and the shrink it takes away. */
  sTrim: Float64Array;
  sTrimSh: Float64Array;
  /**
   * Line-end edges per junction b: the last non-space unit before b, the width/shrink/stretch
   * of the trailing spaces dropped, and the trailing blank trimmed from that last unit.
   */
  eLast: Int32Array;
  eDrop: Float64Array;
  eDropSh: Float64Array;
  eDropSt: Float64Array;
  eTrim: Float64Array;
  eTrimSh: Float64Array;
  /** Hyphen width to add if a line ends at junction j with a hyphen. */
  hyphenWidth(j: number): number;
  /** Em (font size) of the paragraph. */
  em: number;
}

const isSpaceUnit = (u: Unit): boolean => u.cls === 'space';

/** Builds the items. `brkAt` is segment()'s output (by text offset). */
export function buildItems(units: Unit[], brkAt: Uint8Array, style: ResolvedParagraphStyle, cjkPara: boolean): Items {
  const n = units.length;
  const w = new Float64Array(n);
  const gap = new Float64Array(n);
  const ushrink = new Float64Array(n);
  const uclass = new Int8Array(n).fill(-1);
  const ustretch = new Float64Array(n);
  const gshrink = new Float64Array(n);
  const gclass = new Int8Array(n).fill(-1);
  const gstretch = new Float64Array(n);
  const gsclass = new Int8Array(n).fill(-1);
  const brk = new Uint8Array(n + 1);
  const hl = style.hanLatinSpacing;
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    const em = u.size;
    w[i] = unitWidth(u);
    const pc = punctShrinkClass(u.punct);
    if (pc !== undefined && u.leftBlank + u.rightBlank > 0) {
      ushrink[i] = u.leftBlank + u.rightBlank;
      uclass[i] = pc;
    }
    if (isSpaceUnit(u)) {
      const prev = units[i - 1];
      const next = units[i + 1];
      const hanLatin = prev && next && ((prev.cls === 'han' && isLatinAlnum(next.cp)) || (next.cls === 'han' && isLatinAlnum(prev.cp)));
      if (hanLatin && hl > 0) {
        // A typed space between Han and Latin is the Han–Latin gap (clreq tolerates it).
        w[i] = hl * em;
        ushrink[i] = Math.max(0, w[i] - em / 8);
        uclass[i] = 4;
        ustretch[i] = Math.max(0, em / 3 - w[i]);
      } else {
        ushrink[i] = cjkPara ? Math.max(0, w[i] - em / 4) : w[i] / 3;
        uclass[i] = 0;
        ustretch[i] = cjkPara ? Math.max(0, em / 2 - w[i]) : w[i] / 2;
      }
    }
    if (i > 0) {
      const p = units[i - 1]!;
      brk[i] = brkAt[u.start] ?? 0;
      const emG = Math.max(p.size, u.size);
      if (hl > 0 && ((p.cls === 'han' && isLatinAlnum(u.cp) && !u.cjk) || (u.cls === 'han' && isLatinAlnum(p.cp) && !p.cjk))) {
        gap[i] = hl * emG;
        gshrink[i] = Math.max(0, gap[i] - emG / 8);
        gclass[i] = 4;
        gstretch[i] = Math.max(0, emG / 3 - gap[i]);
        gsclass[i] = Stretch.HanLatin;
      } else if (p.cjk && u.cjk && !isUnbreakablePair(p.cp, u.cp) && p.punct !== 'connector' && u.punct !== 'connector' && p.punct !== 'solidus' && u.punct !== 'solidus') {
        gstretch[i] = INTER_NOMINAL * emG;
        gsclass[i] = Stretch.Inter;
      } else if (!p.cjk && !u.cjk && !isSpaceUnit(p) && !isSpaceUnit(u)) {
        gstretch[i] = LETTER_NOMINAL * emG;
        gsclass[i] = Stretch.Letter;
      }
    }
  }
  const Q = new Float64Array(n + 1);
  const SH = new Float64Array(n + 1);
  const ST = new Float64Array(n + 1);
  const LAT = new Int32Array(n + 1);
  const CMP = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    Q[i + 1] = Q[i]! + gap[i]! + w[i]!;
    SH[i + 1] = SH[i]! + gshrink[i]! + ushrink[i]!;
    ST[i + 1] = ST[i]! + gstretch[i]! + ustretch[i]!;
    const u = units[i]!;
    CMP[i + 1] = CMP[i]! + u.compressed;
    LAT[i + 1] = LAT[i]! + (!u.cjk && u.cls !== 'space' && u.glyphs.length > 0 ? 1 : 0);
  }
  const sTrim = new Float64Array(n);
  const sTrimSh = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    if (u.cjk && u.leftBlank > 0) {
      sTrim[i] = u.leftBlank;
      sTrimSh[i] = Math.min(ushrink[i]!, u.leftBlank);
    }
  }
  const eLast = new Int32Array(n + 1);
  const eDrop = new Float64Array(n + 1);
  const eDropSh = new Float64Array(n + 1);
  const eDropSt = new Float64Array(n + 1);
  const eTrim = new Float64Array(n + 1);
  const eTrimSh = new Float64Array(n + 1);
  for (let b = 1; b <= n; b++) {
    let k = b - 1;
    let drop = 0;
    let dropSh = 0;
    let dropSt = 0;
    while (k > 0 && units[k]!.cls === 'space') {
      drop += w[k]! + gap[k]!;
      dropSh += ushrink[k]! + gshrink[k]!;
      dropSt += ustretch[k]! + gstretch[k]!;
      k--;
    }
    eLast[b] = k;
    eDrop[b] = drop;
    eDropSh[b] = dropSh;
    eDropSt[b] = dropSt;
    const u = units[k]!;
    if (u.cjk && u.rightBlank > 0) {
      eTrim[b] = u.rightBlank;
      eTrimSh[b] = Math.min(ushrink[k]!, u.rightBlank);
    }
  }
  const hyphenCache = new Map<Unit['face'], number>();
  const hyphenWidth = (j: number): number => {
    const u = units[j - 1];
    if (!u) return 0;
    let hw = hyphenCache.get(u.face);
    if (hw === undefined) {
      const g = u.face.hasChar(0x2010) ? u.face.glyphId(0x2010) : u.face.glyphId(0x2d);
      hw = u.face.advance(g) / u.face.unitsPerEm;
      hyphenCache.set(u.face, hw);
    }
    return hw * u.size;
  };
  return { units, n, w, gap, ushrink, uclass, ustretch, gshrink, gclass, gstretch, gsclass, brk, Q, SH, ST, LAT, CMP, sTrim, sTrimSh, eLast, eDrop, eDropSh, eDropSt, eTrim, eTrimSh, hyphenWidth, em: style.chars.size };
}
