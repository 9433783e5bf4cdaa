/**
 * Screen colour for a print Paint. A naive CMYK→RGB (no ICC): the screen shows an
 * approximation; the PDF carries the real CMYK values. Tints mix towards paper white.
 */
import type { Paint } from '../../engine/display/types';

/** CSS rgb() for a paint. */
export function cssColor(p: Paint): string {
  const [c, m, y, k] = p.cmyk.map((v) => Math.min(100, Math.max(0, v)) / 100) as [number, number, number, number];
  const t = p.tint ?? 1;
  const ch = (v: number) => Math.round(255 * (1 - t * (1 - (1 - v) * (1 - k))));
  return `rgb(${ch(c)}, ${ch(m)}, ${ch(y)})`;
}
