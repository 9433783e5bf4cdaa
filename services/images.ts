/**
 * Images on the Node side: facts for preflight (size, colour space, readable) and conversion
 * for the PDF with sharp. Every image the PDF gets is a JPEG in CMYK or grey: RGB is converted
 * with the output profile (PDF/X-1a forbids RGB; under X-4 converting too keeps the ink limit
 * and the press look in our hands), transparency is flattened on white, CMYK JPEGs pass through.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { ImageFacts } from '../engine/preflight';
import type { FailedImage, ImageSource, PreparedImage } from '../pdf';

/** Reads an image's facts; never throws (an unreadable file gives readable: false and the reason). */
export async function inspectImage(file: string): Promise<ImageFacts> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { readable: false, message: `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (e as Error).message}` };
  }
  return inspectBytes(bytes, file, true);
}

/**
 * Highest total ink (C+M+Y+K, %) of any pixel of a CMYK image, on a copy at most 600 px wide
 * (nearest-neighbour, so sampled values are real pixel values, not averages).
 */
export async function maxInk(bytes: Uint8Array): Promise<number> {
  const img = sharp(bytes).resize({ width: 600, height: 600, fit: 'inside', withoutEnlargement: true, kernel: 'nearest' });
  const { data, info } = await img.pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer({ resolveWithObject: true });
  if (info.channels < 4) return 0;
  let max = 0;
  for (let i = 0; i + 3 < data.length; i += info.channels) {
    const sum = (data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0) + (data[i + 3] ?? 0);
    if (sum > max) max = sum;
  }
  return Math.round((max / 255) * 1000) / 10;
}

async function inspectBytes(bytes: Buffer, file: string, measureInk = false): Promise<ImageFacts> {
  try {
    const m = await sharp(bytes).metadata();
    if (!m.width || !m.height) return { readable: false, message: `${file}: image has no size` };
    const space = m.space === 'cmyk' ? 'cmyk' : m.space === 'b-w' || m.space === 'grey16' ? 'gray' : 'rgb';
    const facts: ImageFacts = { readable: true, widthPx: m.width, heightPx: m.height, colorSpace: space, hasAlpha: Boolean(m.hasAlpha), format: m.format ?? 'unknown' };
    // CMYK images go to the plate as they are, so their ink is the file's (RGB is separated with the
    // output profile, which holds the ink limit).
    if (measureInk && space === 'cmyk') facts.maxInk = await maxInk(bytes);
    return facts;
  } catch (e) {
    return { readable: false, message: `${file}: not a readable image (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** Whether a JPEG carries an Adobe APP14 marker (its CMYK is then stored inverted). */
export function hasAdobeMarker(jpeg: Uint8Array): boolean {
  let i = 2;
  while (i + 4 <= jpeg.length && jpeg[i] === 0xff) {
    const marker = jpeg[i + 1] ?? 0;
    if (marker === 0xda) break; // start of scan: no more markers
    const len = ((jpeg[i + 2] ?? 0) << 8) | (jpeg[i + 3] ?? 0);
    if (marker === 0xee && String.fromCharCode(...jpeg.subarray(i + 4, i + 9)) === 'Adobe') return true;
    i += 2 + len;
  }
  return false;
}

/**
 * Converts one image for the PDF. `icc` is the output profile's path (sharp reads profiles by
 * path). Corrupt or missing files give a FailedImage whose message names the file.
 */
export async function prepareImage(file: string, icc: string): Promise<PreparedImage | FailedImage> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: `${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
  }
  const facts = await inspectBytes(bytes, file);
  if (!facts.readable) return { ok: false, message: facts.message };
  try {
    if (facts.format === 'jpeg' && facts.colorSpace === 'cmyk') {
      return { ok: true, jpeg: bytes, widthPx: facts.widthPx, heightPx: facts.heightPx, components: 4, invertedCmyk: hasAdobeMarker(bytes) };
    }
    // Flatten first: PDF/X-1a has no transparency, and the paper is white.
    let pipeline = sharp(bytes).rotate().flatten({ background: '#ffffff' });
    const gray = facts.colorSpace === 'gray';
    // withIccProfile must be the last metadata call: withMetadata() after it silently gives sRGB (stack-notes §5).
    pipeline = gray ? pipeline.toColourspace('b-w') : pipeline.withIccProfile(icc, { attach: false });
    const data = await pipeline.jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer();
    // toBuffer's info reports the pipeline's channels, not the file's: read the result back.
    const info = await sharp(data).metadata();
    const components = info.channels === 1 ? 1 : info.channels === 4 ? 4 : 3;
    if (components === 3) return { ok: false, message: `${file}: could not convert to CMYK with the output profile` };
    return { ok: true, jpeg: data, widthPx: info.width ?? 0, heightPx: info.height ?? 0, components, invertedCmyk: components === 4 && hasAdobeMarker(data) };
  } catch (e) {
    return { ok: false, message: `${file}: conversion failed (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** Converted images kept between exports of one process (the app re-exports and previews often). */
const CACHE_BYTES = 256 * 2 ** 20;
const cache = new Map<string, PreparedImage>();
let cachedBytes = 0;

/** prepareImage with a per-process cache keyed by file, size, modification time and profile. */
export async function prepareImageCached(file: string, icc: string): Promise<PreparedImage | FailedImage> {
  let key: string;
  try {
    const st = await stat(file);
    key = `${file}\0${st.size}\0${st.mtimeMs}\0${icc}`;
  } catch {
    return prepareImage(file, icc); // reports the missing file
  }
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const r = await prepareImage(file, icc);
  if (r.ok && r.jpeg.length < CACHE_BYTES / 4) {
    cache.set(key, r);
    cachedBytes += r.jpeg.length;
    for (const [k, v] of cache) {
      if (cachedBytes <= CACHE_BYTES) break;
      cache.delete(k);
      cachedBytes -= v.jpeg.length;
    }
  }
  return r;
}

/** An ImageSource reading links relative to the document's folder (cached conversions). */
export function fileImageSource(docDir: string, icc: string): ImageSource {
  return { image: (src) => prepareImageCached(path.resolve(docDir, src), icc) };
}
