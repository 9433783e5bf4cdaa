/**
 * Character coverage: the Chinese faces cover GB 2312, the 8,105 characters of 通用规范汉字表,
 * the clreq punctuation inventory and every character of the seed page; the Latin faces cover
 * the seed page's ASCII and Latin Extended-A/B. The charset files are checked against
 * independent sources where one exists on this machine (Node's WHATWG GB decoder, the seed page).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readFontManifest } from '../../services/font-files';
import { FONTS_DIR, SEED_PAGE, codePointsOf, readCharset, show } from './helpers';

const manifest = await readFontManifest(FONTS_DIR);
const cjkFaces = manifest.fonts.filter((f) => f.role === 'cjk');
const latinFaces = manifest.fonts.filter((f) => f.role === 'latin');

function open(file: string): fontkit.Font {
  const font = fontkit.create(readFileSync(path.join(FONTS_DIR, file)));
  if (!('layout' in font)) throw new Error(`${file}: a collection`);
  return font;
}

function uncovered(font: fontkit.Font, cps: Iterable<number>): number[] {
  return [...cps].filter((cp) => !font.hasGlyphForCodePoint(cp));
}

/** GB 2312 decoded by Node's WHATWG decoder (GBK, a superset), independently of Python's codec. */
function gb2312ByWhatwg(): number[] {
  const decoder = new TextDecoder('gb2312', { fatal: true });
  const out = new Set<number>();
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      let ch: string;
      try {
        ch = decoder.decode(new Uint8Array([hi, lo]));
      } catch {
        continue;
      }
      // GBK fills GB 2312's unassigned cells with private-use code points; those are not GB 2312.
      const cp = ch.codePointAt(0)!;
      if (!(cp >= 0xe000 && cp <= 0xf8ff)) out.add(cp);
    }
  }
  return [...out];
}

const CLREQ_PUNCTUATION = '。．，、：；！‼？⁇「『“‘（《〈【〖〔［｛」』”’）》〉】〗〕］｝⸺—…⋯～-–·・‧/／＿﹏●•';

describe('charset files', () => {
  it.each(['gb2312', 'tgh-8105', 'cjk-punctuation', 'cjk-symbols', 'latin-basic', 'latin-extended', 'seed-jinshan'])(
    '%s.txt declares its true count and has no duplicates',
    (name) => {
      const set = readCharset(name);
      expect(set.codePoints.length).toBe(set.declaredCount);
      expect(new Set(set.codePoints).size).toBe(set.codePoints.length);
    },
  );

  it('GB 2312 has its 7,445 characters, 6,763 of them hanzi, agreeing with the WHATWG decoder', () => {
    const gb = readCharset('gb2312').codePoints;
    expect(gb.length).toBe(7445);
    // Hanzi are the CJK Unified Ideographs; 〇 (U+3007, Script=Han) sits in GB 2312's symbol rows.
    expect(gb.filter((cp) => cp >= 0x4e00 && cp <= 0x9fff).length).toBe(6763);
    // The WHATWG decoder is GBK: it maps two cells differently (U+2014 for U+2015, U+00B7 for
    // U+30FB) and fills GB 2312's empty cells (ⅰ-ⅹ, vertical forms, pinyin ɑ ḿ ń ň ǹ ɡ). The
    // Chinese faces' other charsets must hold every one of those.
    const cjkSets = new Set(['cjk-punctuation', 'cjk-symbols', 'latin-basic'].flatMap((n) => readCharset(n).codePoints));
    const gbSet = new Set(gb);
    const onlyWhatwg = gb2312ByWhatwg().filter((cp) => !gbSet.has(cp));
    expect(onlyWhatwg.length).toBeGreaterThan(0);
    const unlisted = onlyWhatwg.filter((cp) => !cjkSets.has(cp));
    expect(unlisted, show(unlisted)).toEqual([]);
  });

  it('通用规范汉字表 has 8,105 Han characters, 3,500 + 3,000 + 1,605 by level', () => {
    const lines = readFileSync(path.join(FONTS_DIR, 'charsets', 'tgh-8105.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('U+'));
    expect(lines.length).toBe(8105);
    const numbers = lines.map((l) => Number(/\t2013:(\d+)$/.exec(l)?.[1]));
    expect(numbers).toEqual(Array.from({ length: 8105 }, (_, i) => i + 1));
    for (const l of lines) expect(String.fromCodePoint(parseInt(l.slice(2), 16))).toMatch(/\p{Script=Han}/u);
  });

  it.skipIf(!existsSync(SEED_PAGE))('seed-jinshan.txt holds every character of the seed page', () => {
    const fromPage = codePointsOf(readFileSync(SEED_PAGE, 'utf8')).sort((a, b) => a - b);
    expect(readCharset('seed-jinshan').codePoints).toEqual(fromPage);
  });
});

describe.each(cjkFaces.map((f) => [f.file, f] as const))('CJK face %s', (file, entry) => {
  const font = open(file);

  it("lacks only what the manifest's 'missing' counts say, per charset", () => {
    for (const name of entry.charsets) {
      const missing = uncovered(font, readCharset(name).codePoints).length;
      expect(missing, name).toBe(entry.missing[name] ?? 0);
    }
  });

  it('covers GB 2312 (both decoders), 通用规范汉字表 and the seed page', () => {
    const required = new Set([
      ...readCharset('gb2312').codePoints,
      ...gb2312ByWhatwg(),
      ...readCharset('tgh-8105').codePoints,
      ...readCharset('seed-jinshan').codePoints,
    ]);
    expect(required.size).toBeGreaterThan(8900);
    const gaps = uncovered(font, required);
    expect(gaps, show(gaps)).toEqual([]);
  });

  it('covers the clreq punctuation inventory, U+3000-303F and the full-width forms', () => {
    const gaps = uncovered(font, codePointsOf(CLREQ_PUNCTUATION));
    expect(gaps, show(gaps)).toEqual([]);
    const punctuation = readCharset('cjk-punctuation').codePoints;
    const blocks = punctuation.filter((cp) => (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff5e));
    const blockGaps = uncovered(font, blocks);
    expect(blockGaps, show(blockGaps)).toEqual([]);
  });

  it('covers printable ASCII, digits and Latin-1 letters', () => {
    const latin = [...Array.from({ length: 95 }, (_, i) => 0x20 + i), ...Array.from({ length: 0x40 }, (_, i) => 0xc0 + i)];
    const gaps = uncovered(font, latin);
    expect(gaps, show(gaps)).toEqual([]);
  });

  it('covers a real mainland text outside the seed page without gaps', () => {
    const text = '国务院关于印发《通用规范汉字表》的通知：各省、自治区、直辖市人民政府，国务院各部委、各直属机构。';
    const gaps = uncovered(font, codePointsOf(text));
    expect(gaps, show(gaps)).toEqual([]);
  });
});

describe.each(latinFaces.map((f) => [f.file, f] as const))('Latin face %s', (file, entry) => {
  const font = open(file);

  it.skipIf(!existsSync(SEED_PAGE))("covers the seed page's ASCII", () => {
    const ascii = codePointsOf(readFileSync(SEED_PAGE, 'utf8')).filter((cp) => cp < 0x80);
    expect(ascii.length).toBeGreaterThan(10);
    const gaps = uncovered(font, ascii);
    expect(gaps, show(gaps)).toEqual([]);
  });

  it('covers Basic Latin, Latin-1 and Latin Extended-A/B, as the manifest claims', () => {
    const letters = readCharset('latin-extended').codePoints.filter((cp) => cp >= 0x100 && cp <= 0x24f);
    const gaps = uncovered(font, [...Array.from({ length: 95 }, (_, i) => 0x20 + i), ...letters]);
    expect(gaps, show(gaps)).toEqual([]);
    for (const name of entry.charsets) {
      const missing = uncovered(font, readCharset(name).codePoints).length;
      expect(missing, name).toBe(entry.missing[name] ?? 0);
    }
  });
});
