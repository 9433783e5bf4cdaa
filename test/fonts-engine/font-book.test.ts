import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FontBook, FontError } from '../../engine/fonts';
import { NOTO_SERIF, NOTO_SERIF_CJK, testFonts } from '../text/helpers';

describe('FontBook', () => {
  it('adds every face of a TTC with stable keys and collection indices', () => {
    const infos = testFonts().faces().filter((f) => f.source === NOTO_SERIF_CJK);
    expect(infos.map((f) => f.postscriptName)).toContain('NotoSerifCJKsc-Regular');
    expect(infos).toHaveLength(5);
    const sc = infos.find((f) => f.postscriptName === 'NotoSerifCJKsc-Regular')!;
    expect(sc.collectionIndex).toBe(2);
    expect(sc.cjk).toBe(true);
    expect(sc.weight).toBe(400);
    const src = testFonts().faceSource(sc.key);
    expect(src.collectionIndex).toBe(2);
    expect(src.postscriptName).toBe('NotoSerifCJKsc-Regular');
    expect(src.bytes.length).toBeGreaterThan(1_000_000);
  });

  it('resolves family names, nearest weight and style', () => {
    const book = testFonts();
    expect(book.resolve('Noto Serif CJK SC')?.key).toBe('NotoSerifCJKsc-Regular');
    expect(book.resolve('noto serif cjk sc', 700)?.key).toBe('NotoSerifCJKsc-Regular');
    expect(book.resolve('Noto Serif', 400, 'italic')?.info.family).toBe('Noto Serif');
    expect(book.resolve('No Such Family')).toBeUndefined();
  });

  it('picks the bolder face for bold when both exist', () => {
    const book = new FontBook();
    book.addFont(new Uint8Array(readFileSync(NOTO_SERIF)), NOTO_SERIF);
    book.addFont(new Uint8Array(readFileSync('/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf')), 'bold.ttf');
    expect(book.resolve('Noto Serif', 700)?.info.weight).toBe(700);
    expect(book.resolve('Noto Serif', 400)?.info.weight).toBe(400);
    expect(book.resolve('Noto Serif', 600)?.info.weight).toBe(700);
    expect(book.resolve('Noto Serif', 300)?.info.weight).toBe(400);
  });

  it('gives metrics, coverage, advances and outlines', () => {
    const f = testFonts().face('NotoSerifCJKsc-Regular');
    expect(f.unitsPerEm).toBe(1000);
    expect(f.ascent).toBeGreaterThan(800);
    expect(f.descent).toBeGreaterThan(0);
    expect(f.hasChar(0x91d1)).toBe(true);
    expect(f.hasChar(0xe000)).toBe(false);
    expect(f.advance(f.glyphId(0x91d1))).toBe(1000);
    expect(f.glyphPath(f.glyphId(0x91d1))).toMatch(/^M/);
    // Mainland positions: the blank of 。 is on the right, of （ on the left.
    expect(f.punctBlanks(0x3002)).toEqual({ left: 0, right: 500 });
    expect(f.punctBlanks(0xff08)).toEqual({ left: 500, right: 0 });
  });

  it('throws FontError naming the source for corrupt or unsupported bytes', () => {
    const book = new FontBook();
    expect(() => book.addFont(new Uint8Array([1, 2, 3]), 'tiny.otf')).toThrow(FontError);
    expect(() => book.addFont(new Uint8Array(64).fill(7), 'junk.ttf')).toThrow(/junk\.ttf/);
    const real = readFileSync(NOTO_SERIF);
    const truncated = new Uint8Array(real.subarray(0, 2000));
    expect(() => {
      const infos = book.addFont(truncated, 'truncated.ttf');
      // fontkit parses tables lazily; a truncated font must fail when used, as a FontError or on add.
      book.face(infos[0]!.key).hasChar(0x41);
    }).toThrow();
    expect(() => book.face('nope')).toThrow(/nope/);
  });
});

describe('web font formats', () => {
  // WOFF and WOFF2 copies of Noto Serif made with Debian's fontTools (python3-fonttools + brotli).
  const dir = mkdtempSync(path.join(tmpdir(), 'woff-'));
  const py = spawnSync('/usr/bin/python3', ['-c', `
from fontTools.ttLib import TTFont
f = TTFont(${JSON.stringify(NOTO_SERIF)})
f.flavor = 'woff'; f.save(${JSON.stringify(path.join(dir, 'a.woff'))})
f.flavor = 'woff2'; f.save(${JSON.stringify(path.join(dir, 'a.woff2'))})
`]);
  const made = py.status === 0 && existsSync(path.join(dir, 'a.woff2'));
  it.skipIf(!made)('loads WOFF and WOFF2 with the same metrics and shaping as the TTF', () => {
    const book = new FontBook();
    const [ttf] = book.addFont(new Uint8Array(readFileSync(NOTO_SERIF)), 'ttf');
    const [woff] = book.addFont(new Uint8Array(readFileSync(path.join(dir, 'a.woff'))), 'woff');
    const [woff2] = book.addFont(new Uint8Array(readFileSync(path.join(dir, 'a.woff2'))), 'woff2');
    expect(woff!.key).toBe('NotoSerif-Regular#2');
    expect(woff2!.key).toBe('NotoSerif-Regular#3');
    const shaped = (key: string) => book.face(key).shape('Typography', { kern: true, liga: true }, 'latn', '');
    expect(shaped(woff!.key)).toEqual(shaped(ttf!.key));
    expect(shaped(woff2!.key)).toEqual(shaped(ttf!.key));
  });
});
