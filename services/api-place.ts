/**
 * The Node side of placing files from the editor: `import.copy` (copy bytes → paragraphs, via
 * services/import.ts) and `images.add` (an image's bytes → a file in the document's images/
 * folder). Both are all or nothing: a refused file writes nothing and the error names it.
 *
 * images.add never overwrites: a name already taken by a different file gets "-2", "-3" …; a
 * file with the same bytes already there is linked instead of copied again. The copy is written
 * to a temporary file and hard-linked into place, which is atomic and fails if the name was
 * taken meanwhile (then the next name is tried).
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { MAX_ADD_IMAGE_BYTES, MAX_COPY_BYTES, ServiceError, type ImportedCopy } from '../bridge';
import { confine, fsError } from './api-paths';
import { DecodeError } from './import-decode';
import { readCopyBytes } from './import';

/** Image formats a page may link (what the PDF writer converts and the screen shows). */
const FORMATS: Record<string, string> = { jpeg: '.jpg', png: '.png', tiff: '.tif', webp: '.webp', gif: '.gif' };
/** Folder of placed images, next to the document. */
export const IMAGES_FOLDER = 'images';
/** How many "-n" names are tried before giving up. */
const MAX_TRIES = 1000;

/** import.copy: the paragraphs of a copy file; refusals name the file. */
export async function importCopy(name: string, bytes: Uint8Array): Promise<ImportedCopy> {
  try {
    const r = await readCopyBytes(bytes, path.basename(name));
    return { file: r.file, format: r.format, paragraphs: r.paragraphs.map((p) => ({ ...p })), ...(r.encoding ? { encoding: r.encoding } : {}) };
  } catch (e) {
    if (e instanceof DecodeError) throw new ServiceError('invalid-request', e.message);
    throw new ServiceError('io', `${path.basename(name)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A file name safe on every file system: no folders, no control or reserved characters. */
export function safeImageName(name: string, ext: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  const stem = base
    .replace(/\.[^.]*$/, '')
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100);
  return `${stem || 'image'}${ext}`;
}

/** The extension to keep: the file's own when it matches its format, else the format's. */
function extensionFor(name: string, format: string): string {
  const own = path.extname(name).toLowerCase();
  const same: Record<string, string[]> = { jpeg: ['.jpg', '.jpeg'], png: ['.png'], tiff: ['.tif', '.tiff'], webp: ['.webp'], gif: ['.gif'] };
  return same[format]?.includes(own) ? own : FORMATS[format]!;
}

const digest = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The facts of a readable image, or a ServiceError naming the file. Decodes it fully, so a truncated file is caught. */
async function checkImage(name: string, bytes: Uint8Array): Promise<{ format: string; width: number; height: number; density: number }> {
  let meta;
  try {
    meta = await sharp(bytes).metadata();
    // The header can be fine and the data not: decode it (small) to be sure.
    await sharp(bytes, { failOn: 'error' }).resize({ width: 64, height: 64, fit: 'inside', withoutEnlargement: true }).raw().toBuffer();
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ServiceError('invalid-request', `${name}: not an image this app can read (${why})`);
  }
  const format = meta.format ?? 'unknown';
  if (!FORMATS[format]) throw new ServiceError('invalid-request', `${name}: ${format.toUpperCase()} images cannot be placed; use JPEG, PNG or TIFF`);
  if (!meta.width || !meta.height) throw new ServiceError('invalid-request', `${name}: the image has no size`);
  return { format, width: meta.width, height: meta.height, density: meta.density && meta.density > 0 ? meta.density : 72 };
}

/** images.add: copies `bytes` into the document's images/ folder and answers the link. */
export async function addImage(root: string | undefined, base: string, docPath: string, name: string, bytes: Uint8Array) {
  const shown = path.basename(name.replace(/\\/g, '/')) || 'image';
  if (!bytes.length) throw new ServiceError('invalid-request', `${shown}: the file is empty`);
  if (bytes.length > MAX_ADD_IMAGE_BYTES) {
    throw new ServiceError('invalid-request', `${shown}: too large to place (${(bytes.length / 2 ** 20).toFixed(1)} MB; the limit is ${MAX_ADD_IMAGE_BYTES / 2 ** 20} MB)`);
  }
  const facts = await checkImage(shown, bytes);
  const absDoc = await confine(root, base, docPath);
  const docDir = path.dirname(absDoc);
  const dir = await confine(root, docDir, IMAGES_FOLDER);
  const fileName = safeImageName(shown, extensionFor(shown, facts.format));
  const ext = path.extname(fileName);
  const stem = fileName.slice(0, -ext.length);
  const hash = digest(bytes);
  const tmp = path.join(dir, `.${stem}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fsp.mkdir(dir, { recursive: true });
    let written = false;
    try {
      for (let n = 1; n <= MAX_TRIES; n++) {
        const candidate = n === 1 ? fileName : `${stem}-${n}${ext}`;
        const target = await confine(root, docDir, `${IMAGES_FOLDER}/${candidate}`);
        const existing = await fsp.readFile(target).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
        if (existing) {
          if (existing.length === bytes.length && digest(existing) === hash) return { src: `${IMAGES_FOLDER}/${candidate}`, ...size(facts), reused: true };
          continue;
        }
        if (!written) {
          await fsp.writeFile(tmp, bytes, { flag: 'wx' });
          written = true;
        }
        try {
          await fsp.link(tmp, target);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
          throw e;
        }
        return { src: `${IMAGES_FOLDER}/${candidate}`, ...size(facts), reused: false };
      }
    } finally {
      if (written) await fsp.unlink(tmp).catch(() => undefined);
    }
  } catch (e) {
    if (e instanceof ServiceError) throw e;
    throw fsError(e, path.join(IMAGES_FOLDER, fileName), 'copying the image');
  }
  throw new ServiceError('io', `${shown}: no free name for it in ${IMAGES_FOLDER}/`);
}

const size = (f: { width: number; height: number; density: number }) => ({ width: f.width, height: f.height, density: f.density });

/** What files.choose offers. */
export type ChooseKind = 'copy' | 'image' | 'any';

/** files.choose: the bytes and name of a file the user picked in the host's dialog (`pick`; none: unsupported). */
export async function chooseFile(pick: ((kind: ChooseKind) => Promise<string | undefined>) | undefined, kind: ChooseKind) {
  if (!pick) throw new ServiceError('unsupported', 'this host has no file dialog of its own; use a file input');
  const file = await pick(kind);
  if (!file) throw new ServiceError('cancelled', 'no file chosen');
  const name = path.basename(file);
  const limit = kind === 'copy' ? MAX_COPY_BYTES : MAX_ADD_IMAGE_BYTES;
  try {
    const st = await fsp.stat(file);
    if (!st.isFile()) throw new ServiceError('invalid-request', `${name}: not a file`);
    if (st.size > limit) throw new ServiceError('invalid-request', `${name}: too large (${(st.size / 2 ** 20).toFixed(1)} MB; the limit is ${limit / 2 ** 20} MB)`);
    return { bytes: new Uint8Array(await fsp.readFile(file)), name };
  } catch (e) {
    if (e instanceof ServiceError) throw e;
    throw fsError(e, name, 'reading the file');
  }
}
