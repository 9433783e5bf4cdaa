/**
 * Every bundled font parses with fontkit from bytes (as the engine loads it), carries the names
 * the manifest lists, and keeps the OpenType features the composer uses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readFontManifest, type FontManifestEntry } from '../../services/font-files';
import { FONTS_DIR } from './helpers';

const manifest = await readFontManifest(FONTS_DIR);

function open(entry: FontManifestEntry): fontkit.Font {
  const font = fontkit.create(readFileSync(path.join(FONTS_DIR, entry.file)));
  if (!('layout' in font)) throw new Error(`${entry.file}: a collection, expected one face`);
  return font;
}

const advance = (font: fontkit.Font, text: string, features?: string[] | Record<string, boolean>): number =>
  font.layout(text, features).positions.reduce((sum, p) => sum + p.xAdvance, 0);

describe.each(manifest.fonts.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
  it('parses with fontkit and has the listed names, weight and style', () => {
    const font = open(entry);
    expect(font.postscriptName).toBe(entry.postscriptName);
    expect(font.familyName).toBe(entry.family);
    expect(font.numGlyphs).toBe(entry.glyphs);
    expect(font.unitsPerEm).toBe(entry.unitsPerEm);
    const os2 = (font as unknown as { 'OS/2': { usWeightClass: number } })['OS/2'];
    expect(os2.usWeightClass).toBe(entry.weight);
    expect(font.italicAngle !== 0).toBe(entry.style === 'italic');
    // fontkit lists only the default language system's features in availableFeatures, so read
    // the feature lists of GSUB and GPOS themselves.
    const tables = font as unknown as Record<'GSUB' | 'GPOS', { featureList: { tag: string }[] } | undefined>;
    const tags = new Set([...(tables.GSUB?.featureList ?? []), ...(tables.GPOS?.featureList ?? [])].map((f) => f.tag));
    expect([...tags].sort()).toEqual(entry.features);
  });

  if (entry.role === 'cjk') {
    it('keeps the CJK layout features the composer needs', () => {
      const font = open(entry);
      for (const f of ['kern', 'liga', 'locl', 'halt', 'palt', 'vert', 'fwid', 'hwid']) {
        expect(entry.features, f).toContain(f);
      }
      // 12 full-width characters, 6 of them punctuation: halt sets each mark on a half em.
      const text = '产业，“空间”、治理。」';
      expect(advance(font, text)).toBe(12 * font.unitsPerEm);
      expect(advance(font, text, ['halt'])).toBe(12 * font.unitsPerEm - 6 * (font.unitsPerEm / 2));
      // vert swaps the full-width comma for its vertical form, a different glyph.
      const plain = font.layout('，').glyphs[0]!.id;
      const vertical = font.layout('，', ['vert']).glyphs[0]!.id;
      expect(vertical).not.toBe(plain);
      // hwid gives half-width forms of full-width punctuation.
      expect(advance(font, '（', ['hwid'])).toBeLessThan(font.unitsPerEm);
    });

    it('has vertical metrics for vertical headlines (vhea/vmtx kept)', () => {
      const font = open(entry) as unknown as { vhea?: unknown; vmtx?: unknown };
      expect(font.vhea).toBeDefined();
      expect(font.vmtx).toBeDefined();
    });
  } else {
    it('kerns and keeps tabular figures', () => {
      const font = open(entry);
      expect(advance(font, 'AV')).toBeLessThan(advance(font, 'AV', { kern: false }));
      const tab = (s: string) => advance(font, s, ['tnum']);
      expect(tab('1111')).toBe(tab('0000'));
    });
  }
});
