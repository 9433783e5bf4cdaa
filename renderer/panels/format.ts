/** Number formatting for panels: lengths in the user's unit. */
const MM_PER_PT = 25.4 / 72;

/** Points shown in `unit` with sensible precision. */
export function formatLength(pt: number, unit: 'mm' | 'pt'): string {
  return unit === 'mm' ? `${(pt * MM_PER_PT).toFixed(1)}` : `${pt.toFixed(2).replace(/\.?0+$/, '')}`;
}

/** Parses a length typed in `unit` back to points; undefined when not a number. */
export function parseLengthIn(text: string, unit: 'mm' | 'pt'): number | undefined {
  const v = Number(text.trim().replace(',', '.'));
  if (!Number.isFinite(v)) return undefined;
  return unit === 'mm' ? v / MM_PER_PT : v;
}
