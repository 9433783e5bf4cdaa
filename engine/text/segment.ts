// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the shims must reach every project that imports the composer
/// <reference path="./shims.d.ts" />
/**
 * Segment: where a line may break. UAX #14 (the `linebreak` package) decides between Western
 * characters; wherever a CJK character is involved the composer decides itself, by the
 * prohibition level (kinsoku.ts), because linebreak is stricter than Chinese practice around
 * “ ” ‘ ’ (it never breaks before “ or after ”). Never inside ——, ⸺⸺, ……, ⋯⋯ or a number.
 * Western words break only at hyphenation points (hyphenate.ts) when the style hyphenates.
 */
import LineBreaker from 'linebreak';
import type { BreakRules } from '../model/types';
import { isDigit, isSpace } from './chars';
import { hyphenationPoints } from './hyphenate';
import type { CharItem } from './itemize';
import { isUnbreakablePair, kinsoku } from './kinsoku';

/** Break kinds at a text position (a break before the character at that offset). */
export const enum Brk {
  None = 0,
  /** An ordinary opportunity. */
  Allowed = 1,
  /** A hyphenation point inside a word: breaking there shows a hyphen. */
  Hyphen = 2,
  /** A mandatory break (U+2028 LINE SEPARATOR or a newline inside the paragraph). */
  Forced = 3,
}

/** Options for segmenting one paragraph. */
export interface SegmentOptions {
  rules: BreakRules;
  hyphenate: boolean;
}

const isLetter = (cp: number): boolean => /\p{L}/u.test(String.fromCodePoint(cp));

/** Break opportunities, indexed by UTF-16 offset (0 and text.length are never breaks here). */
export function segment(text: string, items: readonly CharItem[], opts: SegmentOptions): Uint8Array {
  const out = new Uint8Array(text.length + 1);
  // UAX #14 opportunities.
  const lb = new Uint8Array(text.length + 1);
  const breaker = new LineBreaker(text);
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) {
    if (b.position > 0 && b.position < text.length) lb[b.position] = b.required ? Brk.Forced : Brk.Allowed;
  }
  const k = kinsoku(opts.rules);
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1]!;
    const b = items[i]!;
    const pos = b.start;
    if (lb[pos] === Brk.Forced) {
      out[pos] = Brk.Forced;
      continue;
    }
    if (a.cls === 'space' || b.cls === 'space' || a.cp === 0x3000 || b.cp === 0x3000) {
      // Spaces: break after a run of spaces (never before one), as UAX #14 does.
      out[pos] = b.cls !== 'space' && a.cls === 'space' ? Brk.Allowed : Brk.None;
      if (out[pos] && (k.notStart(b.cp) || (i >= 2 && k.notEnd(items[i - 2]!.cp) && items[i - 2]!.cjk))) out[pos] = Brk.None;
      continue;
    }
    if (a.cjk || b.cjk) {
      let ok = true;
      if (isUnbreakablePair(a.cp, b.cp)) ok = false;
      else if (k.notStart(b.cp) || k.notEnd(a.cp)) ok = false;
      else if (opts.rules === 'none') ok = true;
      out[pos] = ok ? Brk.Allowed : Brk.None;
      continue;
    }
    // Both Western: UAX #14, but never inside a number (digits with separators between).
    if ((isDigit(a.cp) || isDigit(b.cp)) && !isSpace(a.cp) && !isSpace(b.cp)) {
      out[pos] = Brk.None;
      continue;
    }
    // The prohibition sets hold in Western context too (no line starts with a dash or comma).
    out[pos] = lb[pos] && !k.notStart(b.cp) && !k.notEnd(a.cp) ? Brk.Allowed : Brk.None;
    if (a.cp === 0xad) out[pos] = Brk.Hyphen;
  }
  if (opts.hyphenate) addHyphenation(text, items, out);
  return out;
}

/** Marks hyphenation points inside Western words (letters only, no existing opportunity). */
function addHyphenation(text: string, items: readonly CharItem[], out: Uint8Array): void {
  let i = 0;
  while (i < items.length) {
    if (items[i]!.cjk || !isLetter(items[i]!.cp)) {
      i++;
      continue;
    }
    let e = i;
    while (e < items.length && !items[e]!.cjk && isLetter(items[e]!.cp)) e++;
    const start = items[i]!.start;
    const end = items[e - 1]!.end;
    if (end - start >= 5) {
      const word = text.slice(start, end);
      for (const p of hyphenationPoints(word, items[i]!.attrs.lang)) {
        if (out[start + p] === Brk.None) out[start + p] = Brk.Hyphen;
      }
    }
    i = e;
  }
}
