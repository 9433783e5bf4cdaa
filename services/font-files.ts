/**
 * The bundled fonts on disk (Node side). fonts/fonts.json lists every file with its sha256;
 * this module finds the folder, validates the manifest and returns each font's bytes, which the
 * engine's FontBook then loads (the engine never touches files).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in lower-case hex');
// File names are plain names inside the fonts folder: no separators, so a manifest cannot point
// outside it.
const PlainFile = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a file name inside fonts/');
const RelativeFile = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/, 'a path inside fonts/');

/** One font file of the bundled set, as fonts/build.py describes it. */
export const FontManifestEntry = z
  .object({
    /** Family name as the font's name table gives it, e.g. "Noto Serif CJK SC". */
    family: z.string().min(1),
    weight: z.number().int().min(100).max(900),
    style: z.enum(['normal', 'italic']),
    /** File name inside fonts/. */
    file: PlainFile,
    postscriptName: z.string().min(1),
    /** Which half of a composite font the face serves. */
    role: z.enum(['cjk', 'latin']),
    /** Design genre: Song/Ming (song), Hei (hei), Latin serif or sans. */
    genre: z.enum(['song', 'hei', 'kai', 'fangsong', 'serif', 'sans']),
    format: z.enum(['otf-cff', 'ttf']),
    /** ISO 15924 scripts the face covers (not necessarily in full). */
    scripts: z.array(z.string().regex(/^[A-Z][a-z]{3}$/)).min(1),
    /** Names of the fonts/charsets/*.txt files the subset was built from. */
    charsets: z.array(z.string().min(1)).min(1),
    /** Per charset, how many of its characters the source font itself lacks (absent: none). */
    missing: z.record(z.string(), z.number().int().nonnegative()),
    /** OpenType feature tags kept in GSUB/GPOS. */
    features: z.array(z.string().length(4)),
    glyphs: z.number().int().positive(),
    unitsPerEm: z.number().int().positive(),
    fontVersion: z.string(),
    /** The font's copyright notice (name ID 0), repeated in the licence file. */
    copyright: z.string(),
    /** Licence text, relative to fonts/. */
    licence: RelativeFile,
    source: z
      .object({
        package: z.string().min(1),
        version: z.string().min(1),
        file: z.string().min(1),
        faceIndex: z.number().int().nonnegative(),
        sha256: Sha256,
      })
      .strict(),
    bytes: z.number().int().positive(),
    sha256: Sha256,
  })
  .strict();

/** A validated manifest entry. */
export type FontManifestEntry = z.infer<typeof FontManifestEntry>;

/** fonts/fonts.json. */
export const FontManifest = z
  .object({
    version: z.literal(1),
    generatedBy: z.string(),
    fonts: z.array(FontManifestEntry).min(1),
  })
  .strict();

/** A validated manifest. */
export type FontManifest = z.infer<typeof FontManifest>;

/** One bundled font: its manifest entry and its verified bytes. */
export interface BundledFont {
  entry: FontManifestEntry;
  bytes: Uint8Array;
}

/** A bundled font that cannot be used: names the file and the problem. */
export class FontFilesError extends Error {
  /** The file at fault (manifest or font file). */
  readonly file: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'FontFilesError';
    this.file = file;
  }
}

const MANIFEST = 'fonts.json';

/**
 * The folder holding the bundled fonts. Looked for, in order: $BROADSHEET_FONTS_DIR; the packaged
 * app's resources (Electron's process.resourcesPath/fonts); fonts/ in this module's folder or
 * any folder above it (source tree, dist/cli, out/main); then fonts/ under the working directory,
 * returned even when absent so that loading reports the missing manifest by its full path.
 */
export function fontsDirectory(): string {
  const fromEnv = process.env.BROADSHEET_FONTS_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  const candidates: string[] = [];
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(path.join(resources, 'fonts'));
  const here = moduleDirectory();
  if (here) {
    for (let dir = here, i = 0; i < 6; i++) {
      candidates.push(path.join(dir, 'fonts'));
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  const fallback = path.join(process.cwd(), 'fonts');
  candidates.push(fallback);
  return candidates.find((dir) => existsSync(path.join(dir, MANIFEST))) ?? fallback;
}

function moduleDirectory(): string | undefined {
  try {
    // Undefined or a non-file URL when bundled into CommonJS or served from an asar: fall back.
    return path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined;
  }
}

/** Reads and validates fonts/fonts.json; every problem is reported with the manifest's path. */
export async function readFontManifest(fontsDir: string = fontsDirectory()): Promise<FontManifest> {
  const file = path.join(fontsDir, MANIFEST);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new FontFilesError(file, `cannot read the font manifest (${errorCode(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FontFilesError(file, `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = FontManifest.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    throw new FontFilesError(file, `invalid font manifest: ${problems.join('; ')}`);
  }
  const seen = new Set<string>();
  for (const entry of parsed.data.fonts) {
    if (seen.has(entry.file)) throw new FontFilesError(file, `font file ${entry.file} is listed twice`);
    seen.add(entry.file);
  }
  return parsed.data;
}

/** Options for loadBundledFonts. */
export interface LoadBundledFontsOptions {
  /** Check each file's sha256 against the manifest (default true; about 40 ms for the set). */
  verify?: boolean;
  /** Load only the entries this accepts (e.g. one role); all by default. */
  filter?: (entry: FontManifestEntry) => boolean;
}

/**
 * Reads every bundled font listed in fonts/fonts.json. Throws FontFilesError naming the file
 * when the manifest is corrupt, a font file is missing, or its size or sha256 does not match.
 */
export async function loadBundledFonts(
  fontsDir: string = fontsDirectory(),
  options: LoadBundledFontsOptions = {},
): Promise<BundledFont[]> {
  const manifest = await readFontManifest(fontsDir);
  const entries = options.filter ? manifest.fonts.filter(options.filter) : manifest.fonts;
  return Promise.all(entries.map((entry) => loadOne(fontsDir, entry, options.verify ?? true)));
}

async function loadOne(fontsDir: string, entry: FontManifestEntry, verify: boolean): Promise<BundledFont> {
  const file = path.join(fontsDir, entry.file);
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (e) {
    throw new FontFilesError(file, `cannot read the bundled font listed in ${MANIFEST} (${errorCode(e)})`);
  }
  if (verify) {
    if (buffer.length !== entry.bytes) {
      throw new FontFilesError(file, `size ${buffer.length} does not match ${MANIFEST} (${entry.bytes}); rebuild with fonts/build.py`);
    }
    const sha = createHash('sha256').update(buffer).digest('hex');
    if (sha !== entry.sha256) {
      throw new FontFilesError(file, `sha256 ${sha} does not match ${MANIFEST} (${entry.sha256}); the file is damaged or stale`);
    }
  }
  return { entry, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}
