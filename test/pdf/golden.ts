/** Golden-image comparison for rendered pages (pixelmatch over PNGs). */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** Compares two PNGs; diffRatio is the share of pixels that differ beyond pixelmatch's threshold. */
export function comparePng(actual: Buffer, expected: Buffer): { sameSize: boolean; diffRatio: number; diffPixels: number } {
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(expected);
  if (a.width !== b.width || a.height !== b.height) return { sameSize: false, diffRatio: 1, diffPixels: -1 };
  const diffPixels = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 });
  return { sameSize: true, diffRatio: diffPixels / (a.width * a.height), diffPixels };
}
