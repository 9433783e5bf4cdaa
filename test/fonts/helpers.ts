/** Shared helpers for the bundled-font tests: paths and charset parsing. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's fonts/ folder. */
export const FONTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fonts');

/** The seed page, outside the repository; tests that read it skip when it is absent. */
export const SEED_PAGE = path.resolve(FONTS_DIR, '../test/fixtures/seed/jinshan-front-page.txt');

/** A parsed fonts/charsets/NAME.txt: its declared count and its code points in file order. */
export interface Charset {
  declaredCount: number;
  codePoints: number[];
}

/** Parses fonts/charsets/NAME.txt ("U+XXXX<TAB>char[<TAB>note]" lines, "#" comments). */
export function readCharset(name: string): Charset {
  const file = path.join(FONTS_DIR, 'charsets', `${name}.txt`);
  const codePoints: number[] = [];
  let declaredCount = -1;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const count = /^# Count: (\d+)$/.exec(line);
    if (count) declaredCount = Number(count[1]);
    if (line.startsWith('#') || line === '') continue;
    const m = /^U\+([0-9A-F]{4,6})\t/.exec(line);
    if (!m) throw new Error(`${file}: bad line ${JSON.stringify(line)}`);
    codePoints.push(parseInt(m[1]!, 16));
  }
  return { declaredCount, codePoints };
}

/** Code points of a string, without line breaks and other controls. */
export function codePointsOf(text: string): number[] {
  return [...new Set([...text].map((c) => c.codePointAt(0)!))].filter((cp) => cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0));
}

/** Formats code points as "U+4E00 一" for failure messages. */
export function show(cps: readonly number[]): string {
  return cps.map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCodePoint(cp)}`).join(', ');
}
