/**
 * Line-start and line-end prohibition (避头尾) at clreq's four levels. The sets are exactly
 * the reference table (clreq §3.1.7 / GB/T 15834): see /shared/reference/clreq-and-newspaper-
 * typesetting.md §1.2. ASCII counterparts (, . ; : ! ? ) and ( ) are added because real copy
 * (the seed page) mixes them into Chinese text; linebreak (UAX #14) forbids the same breaks.
 */
import type { BreakRules } from '../model/types';

/** Pause/stop marks: 、，。．：；！‼？⁇ */
export const PAUSE_STOP = '、，。．：；！‼？⁇';
/** Closing quotes and brackets. */
export const CLOSING = '」』”’）》〉】〗〕］｝';
/** Opening quotes and brackets. */
export const OPENING = '「『“‘（《〈【〖〔［｛';
/** Connector marks: ～ - – — */
export const CONNECTORS = '～-–—';
/** Interpuncts: · ・ ‧ */
export const INTERPUNCTS = '·・‧';
/** Solidus (GB forbids it at line end). Also the 分隔号 clreq keeps from starting a line. */
export const SOLIDUS = '/／';
/** Two-em dash and ellipsis characters (strict forbids them at line start). */
export const DASH_ELLIPSIS = '⸺…⋯';

const ASCII_NOT_START = ',.;:!?)]}%';
const ASCII_NOT_END = '([{';

/** Characters that may not start a line at a level, as the reference lists them. */
export function notStartSet(level: BreakRules): string {
  if (level === 'none') return '';
  const basic = PAUSE_STOP + CLOSING + CONNECTORS + INTERPUNCTS + SOLIDUS;
  return level === 'strict' ? basic + DASH_ELLIPSIS : basic;
}

/** Characters that may not end a line at a level. */
export function notEndSet(level: BreakRules): string {
  if (level === 'none') return '';
  return level === 'basic' ? OPENING : OPENING + SOLIDUS;
}

/** A fast predicate pair for one level, including the ASCII counterparts. */
export interface Kinsoku {
  notStart(cp: number): boolean;
  notEnd(cp: number): boolean;
}

const cache = new Map<BreakRules, Kinsoku>();

/** The prohibition predicates for a level (cached). */
export function kinsoku(level: BreakRules): Kinsoku {
  let k = cache.get(level);
  if (!k) {
    const start = new Set([...notStartSet(level), ...(level === 'none' ? '' : ASCII_NOT_START)].map((c) => c.codePointAt(0)!));
    const end = new Set([...notEndSet(level), ...(level === 'none' ? '' : ASCII_NOT_END)].map((c) => c.codePointAt(0)!));
    k = { notStart: (cp) => start.has(cp), notEnd: (cp) => end.has(cp) };
    cache.set(level, k);
  }
  return k;
}

/** Pairs never broken at any level: inside —— ⸺⸺ …… ⋯⋯ (each is one 2-em mark). */
export function isUnbreakablePair(a: number, b: number): boolean {
  return a === b && (a === 0x2014 || a === 0x2e3a || a === 0x2026 || a === 0x22ef);
}
