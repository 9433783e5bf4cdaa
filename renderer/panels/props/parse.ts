/**
 * The properties panel's value parsing: what a typed field means, or a message saying what is
 * wrong with it (the panel shows the message and changes nothing). Lengths are typed in the
 * panel's unit (mm or pt) and come back in points.
 */
import { parseLengthIn } from '../format';

/** A parsed field: its value, or what is wrong with the text. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const bad = (message: string): Parsed<never> => ({ ok: false, message });

/** A frame's column count: a whole number from 1 to 20 (the model's limits). */
export function parseColumns(text: string): Parsed<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return bad(`Columns must be a whole number from 1 to 20 (got "${text}")`);
  const v = Number(t);
  if (v < 1 || v > 20) return bad(`Columns must be from 1 to 20 (got ${v})`);
  return { ok: true, value: v };
}

/** A length typed in `unit` (gutter, insets, wrap offsets): a number, not negative, at most 2000 pt. */
export function parseNonNegativeLength(text: string, unit: 'mm' | 'pt', what: string): Parsed<number> {
  if (!text.trim()) return bad(`${what} needs a number in ${unit}`);
  const v = parseLengthIn(text, unit);
  if (v === undefined) return bad(`${what} must be a number in ${unit} (got "${text}")`);
  if (v < 0) return bad(`${what} must not be negative`);
  if (v > 2000) return bad(`${what} is larger than a page`);
  return { ok: true, value: Math.round(v * 100) / 100 };
}

/** An image's extra zoom typed in percent ("120", "120 %") as a scale factor; 1–1000 %. */
export function parseZoomPercent(text: string): Parsed<number> {
  const t = text.trim().replace(/\s*%$/, '').replace(',', '.');
  const v = t ? Number(t) : NaN;
  if (!Number.isFinite(v)) return bad(`Scale must be a percentage (got "${text}")`);
  if (v < 1 || v > 1000) return bad(`Scale must be from 1 % to 1000 % (got ${v} %)`);
  return { ok: true, value: v / 100 };
}

/** A frame position typed in `unit` (any finite number), or a side (at least `min` pt). */
export function parseGeometry(text: string, unit: 'mm' | 'pt', what: string, min?: number): Parsed<number> {
  const v = text.trim() ? parseLengthIn(text, unit) : undefined;
  if (v === undefined) return bad(`${what} must be a number in ${unit} (got "${text}")`);
  if (min !== undefined && v < min) return bad(`${what} must be at least ${unit === 'mm' ? `${Math.round(((min * 25.4) / 72) * 100) / 100} mm` : `${min} pt`}`);
  return { ok: true, value: Math.round(v * 100) / 100 };
}
