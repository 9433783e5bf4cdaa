/**
 * The fonts a host can offer the renderer: the document's fonts/ folder, the app's bundled
 * fonts/, and the system's font folders. Each face is listed by its PostScript name (the
 * FontBook's face key), so the renderer can ask for exactly the faces a display list names.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import type { FontInfo } from '../bridge';

/** One face with the file that holds it. */
export interface CatalogEntry extends FontInfo {
  /** Absolute path of the font file (never sent to the renderer). */
  path: string;
}

/** Where to look, in priority order (an earlier folder wins for a repeated PostScript name). */
export interface FontFolders {
  document?: string;
  bundled?: string[];
  system?: string[];
}

/** Font folders of common systems; missing ones are skipped. */
export const SYSTEM_FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts', '/Library/Fonts', '/System/Library/Fonts', 'C:\\Windows\\Fonts'];

const FONT_EXT = /\.(otf|ttf|ttc|otc|woff2?)$/i;
/** Fonts larger than this are skipped (a hostile or broken file must not exhaust memory). */
const MAX_FONT_BYTES = 64 * 1024 * 1024;

async function walk(dir: string, depth = 0, out: string[] = []): Promise<string[]> {
  if (depth > 6) return out;
  const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, depth + 1, out);
    else if (e.isFile() && FONT_EXT.test(e.name)) out.push(p);
  }
  return out;
}

type FkFont = { postscriptName?: string; familyName?: string; 'OS/2'?: { usWeightClass?: number; fsSelection?: { italic?: boolean } }; italicAngle?: number };

function describe(f: FkFont, file: string, origin: FontInfo['origin']): CatalogEntry | undefined {
  if (!f.postscriptName) return undefined;
  const w = f['OS/2']?.usWeightClass;
  return {
    key: f.postscriptName,
    postscriptName: f.postscriptName,
    family: f.familyName ?? f.postscriptName,
    style: f['OS/2']?.fsSelection?.italic || (f.italicAngle ?? 0) !== 0 ? 'italic' : 'normal',
    weight: w && w >= 1 && w <= 1000 ? w : 400,
    file: path.basename(file),
    origin,
    path: file,
  };
}

/** Reads the faces of one font file; a broken file yields nothing rather than an error. */
async function facesOf(file: string, origin: FontInfo['origin']): Promise<CatalogEntry[]> {
  try {
    const st = await fsp.stat(file);
    if (st.size > MAX_FONT_BYTES) return [];
    const bytes = await fsp.readFile(file);
    const parsed = fontkit.create(bytes) as unknown as { fonts?: FkFont[] } & FkFont;
    const fonts = parsed.fonts ?? [parsed];
    return fonts.map((f) => describe(f, file, origin)).filter((x): x is CatalogEntry => x !== undefined);
  } catch {
    return [];
  }
}

/**
 * Files in the order of the folder's fonts.json manifest when it has one (the order the Node
 * layout host adds them to its FontBook, which decides fallback order), the rest after.
 */
async function manifestOrder(dir: string, files: string[]): Promise<string[]> {
  try {
    const m = JSON.parse(await fsp.readFile(path.join(dir, 'fonts.json'), 'utf8')) as { fonts?: { file?: unknown }[] };
    const listed = (m.fonts ?? []).map((f) => (typeof f.file === 'string' ? path.join(dir, f.file) : '')).filter((f) => files.includes(f));
    return [...listed, ...files.filter((f) => !listed.includes(f))];
  } catch {
    return files;
  }
}

/** Scans the folders once and lists every face (first occurrence of a PostScript name wins). */
export async function scanFonts(folders: FontFolders): Promise<CatalogEntry[]> {
  const out = new Map<string, CatalogEntry>();
  const groups: [string[], FontInfo['origin']][] = [
    [folders.document ? [folders.document] : [], 'document'],
    [folders.bundled ?? [], 'bundled'],
    [folders.system ?? [], 'system'],
  ];
  for (const [dirs, origin] of groups) {
    for (const dir of dirs) {
      for (const file of await manifestOrder(dir, (await walk(dir)).sort())) {
        for (const face of await facesOf(file, origin)) if (!out.has(face.key)) out.set(face.key, face);
      }
    }
  }
  return [...out.values()];
}
