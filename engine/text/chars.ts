/**
 * Character classes for composition: which characters are set as CJK, and the punctuation
 * kinds clreq distinguishes (they decide blanks, compression and line-edge behaviour).
 */

/** Script class of a character for itemizing and spacing. */
export type CharClass = 'han' | 'punct' | 'latin' | 'space';

/**
 * Punctuation kinds after clreq §3.1: where the blank half of the em box lies and whether
 * the mark may be compressed at all.
 */
export type PunctKind = 'open' | 'close' | 'pause' | 'stop' | 'middle' | 'dash' | 'ellipsis' | 'connector' | 'solidus' | 'other';

const OPEN = '「『“‘（《〈【〖〔［｛';
const CLOSE = '」』”’）》〉】〗〕］｝';
const PAUSE = '，、：；';
const STOP = '。．！？‼⁇';
const MIDDLE = '·・‧';
const CONNECTOR = '～';
/** Characters that are CJK or Western depending on their neighbours (clreq: quotes, dashes). */
const AMBIGUOUS = '“”‘’—…⋯·';

const kindMap = new Map<number, PunctKind>();
for (const [set, kind] of [
  [OPEN, 'open'],
  [CLOSE, 'close'],
  [PAUSE, 'pause'],
  [STOP, 'stop'],
  [MIDDLE, 'middle'],
  [CONNECTOR, 'connector'],
  ['—⸺', 'dash'],
  ['…⋯', 'ellipsis'],
  ['／', 'solidus'],
] as const) {
  for (const ch of set) kindMap.set(ch.codePointAt(0)!, kind);
}

/** Punctuation kind of a CJK punctuation character (undefined for others). */
export function punctKind(cp: number): PunctKind | undefined {
  return kindMap.get(cp);
}

/** Whether a character's CJK-ness depends on context (“ ” ‘ ’ — … ⋯ ·). */
export function isAmbiguous(cp: number): boolean {
  return AMBIGUOUS_SET.has(cp);
}
const AMBIGUOUS_SET = new Set([...AMBIGUOUS].map((c) => c.codePointAt(0)!));

/** Ideographs, kana, hangul, bopomofo: the characters of the CJK grid. */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x3040 && cp <= 0x30ff && cp !== 0x30fb) ||
    (cp >= 0x3100 && cp <= 0x312f) ||
    (cp >= 0x31a0 && cp <= 0x31ff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0x1100 && cp <= 0x11ff) ||
    cp === 0x3005 ||
    cp === 0x3007
  );
}

/** Full-width and CJK punctuation and symbols (always set with the CJK face). */
export function isCjkPunct(cp: number): boolean {
  return (
    (cp >= 0x3000 && cp <= 0x303f && cp !== 0x3005 && cp !== 0x3007) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0xfe10 && cp <= 0xfe1f) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    cp === 0x30fb ||
    cp === 0x2e3a ||
    cp === 0x2e3b ||
    cp === 0x2027
  );
}

/** Spaces that are glue between words (not ideographic space U+3000, which is a full cell). */
export function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f;
}

/** Base class ignoring context (ambiguous marks count as Latin here; see resolveClasses). */
export function baseClass(cp: number): CharClass {
  if (isSpace(cp)) return 'space';
  if (isHan(cp)) return 'han';
  if (isCjkPunct(cp)) return 'punct';
  return 'latin';
}

/** ASCII digits and full-width digits. */
export function isDigit(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);
}

/** Letters and digits of Western scripts (for the Han–Latin gap, which punctuation does not get). */
export function isLatinAlnum(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  if (isHan(cp) || isCjkPunct(cp)) return false;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
