/** Image comparison for the browser tests: pixelmatch against references in test/golden/browser/. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const GOLDEN_DIR = path.resolve('test/golden/browser');
/** Diff images and last renders, for looking at a failure (git-ignored). */
export const OUTPUT_DIR = path.resolve('test/browser/__output__');

/** Decodes PNG bytes. */
export function decodePng(bytes: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(bytes));
}

/** Differing pixels between two images of the same size (pixelmatch's per-pixel YIQ threshold). */
export function diffPixels(a: PNG, b: PNG, threshold: number, diffOut?: string): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`size ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  const diff = diffOut ? new PNG({ width: a.width, height: a.height }) : undefined;
  const n = pixelmatch(a.data, b.data, diff?.data, a.width, a.height, { threshold, includeAA: false });
  if (diff && diffOut) writeFileSync(diffOut, PNG.sync.write(diff));
  return n;
}

/** Crops an image to width × height from its top-left corner. */
export function crop(img: PNG, width: number, height: number, x = 0, y = 0): PNG {
  const out = new PNG({ width, height });
  PNG.bitblt(img, out, x, y, width, height, 0, 0);
  return out;
}

/**
 * Compares `actual` with the reference `name`; writes the reference when it is missing or
 * UPDATE_GOLDEN=1. Returns the fraction of differing pixels (0 when the reference was written).
 */
export function compareGolden(name: string, actual: Uint8Array, threshold = 0.1): { ratio: number; written: boolean } {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    return { ratio: 0, written: true };
  }
  const a = decodePng(actual);
  const b = decodePng(readFileSync(file));
  mkdirSync(OUTPUT_DIR, { recursive: true });
  writeFileSync(path.join(OUTPUT_DIR, name), actual);
  const n = diffPixels(a, b, threshold, path.join(OUTPUT_DIR, `${name}.diff.png`));
  return { ratio: n / (a.width * a.height), written: false };
}
