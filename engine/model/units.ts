/**
 * Lengths. Everything in the model is stored in PostScript points (1/72 in). Input may
 * also be given in mm, cm, in, pc (pica), q (Japanese/Chinese 级, 0.25 mm), or as a
 * Chinese type size (号): 五号, 小五, 新五号 … Conversions live here and nowhere else.
 */

/** Chinese type sizes (字号) in points, after clreq §3 / common typesetting tables. */
export const HAO_SIZES: Readonly<Record<string, number>> = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
  // 新五号 is the newspaper body size of many mainland papers (clreq: 9 pt).
  新五号: 9,
  六号: 7.5,
  小六: 6.5,
  七号: 5.5,
  八号: 5,
};

const UNIT_TO_PT: Readonly<Record<string, number>> = {
  pt: 1,
  mm: 72 / 25.4,
  cm: 720 / 25.4,
  in: 72,
  pc: 12,
  p: 12,
  q: 72 / 25.4 / 4,
};

/** A length parse failure, with the reason in words. */
export class LengthError extends Error {}

/**
 * Parses "12pt", "3.5mm", "1p6" (1 pica 6 points), "五号", "小五" or a bare number (points).
 * `em` is accepted only when `emSize` is given.
 */
export function parseLength(input: string | number, emSize?: number): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new LengthError(`not a finite number: ${input}`);
    return input;
  }
  const s = input.trim();
  const hao = HAO_SIZES[s.endsWith('字') ? s.slice(0, -1) : s];
  if (hao !== undefined) return hao;
  const pica = /^(-?\d+)p(\d+(?:\.\d+)?)$/.exec(s);
  if (pica) return Number(pica[1]) * 12 + Math.sign(Number(pica[1]) || 1) * Number(pica[2]);
  const m = /^(-?\d+(?:\.\d+)?|-?\.\d+)\s*([a-zA-Z]*)$/.exec(s);
  if (!m) throw new LengthError(`"${input}" is not a length (use pt, mm, cm, in, pc, q or a 号 size such as 五号)`);
  const value = Number(m[1]);
  const unit = (m[2] || 'pt').toLowerCase();
  if (unit === 'em') {
    if (emSize === undefined) throw new LengthError(`"${input}": em is not allowed here`);
    return value * emSize;
  }
  const factor = UNIT_TO_PT[unit];
  if (factor === undefined) throw new LengthError(`"${input}": unknown unit "${m[2]}"`);
  return value * factor;
}

export const mm = (v: number): number => (v * 72) / 25.4;
export const toMm = (pt: number): number => (pt * 25.4) / 72;
