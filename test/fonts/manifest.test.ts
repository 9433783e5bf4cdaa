/**
 * The bundled set as fonts/fonts.json describes it: the faces the composer relies on, their
 * licences, and files whose sha256 and size match the manifest.
 */
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledFonts, readFontManifest } from '../../services/font-files';
import { FONTS_DIR } from './helpers';

describe('fonts/fonts.json', () => {
  it('lists the Chinese Song and Hei faces and the Latin serif and sans, regular and bold', async () => {
    const manifest = await readFontManifest(FONTS_DIR);
    const faces = manifest.fonts.map((f) => `${f.role} ${f.family} ${f.weight} ${f.style} ${f.file}`).sort();
    expect(faces).toEqual([
      'cjk Noto Sans CJK SC 400 normal NotoSansCJKsc-Regular.otf',
      'cjk Noto Sans CJK SC 700 normal NotoSansCJKsc-Bold.otf',
      'cjk Noto Serif CJK SC 400 normal NotoSerifCJKsc-Regular.otf',
      'cjk Noto Serif CJK SC 700 normal NotoSerifCJKsc-Bold.otf',
      'latin Noto Sans 400 normal NotoSans-Regular.ttf',
      'latin Noto Sans 700 normal NotoSans-Bold.ttf',
      'latin Noto Serif 400 italic NotoSerif-Italic.ttf',
      'latin Noto Serif 400 normal NotoSerif-Regular.ttf',
      'latin Noto Serif 700 italic NotoSerif-BoldItalic.ttf',
      'latin Noto Serif 700 normal NotoSerif-Bold.ttf',
    ]);
    const genres = new Map(manifest.fonts.map((f) => [f.family, f.genre]));
    expect(genres.get('Noto Serif CJK SC')).toBe('song');
    expect(genres.get('Noto Sans CJK SC')).toBe('hei');
  });

  it('has files whose size and sha256 match the manifest', async () => {
    const manifest = await readFontManifest(FONTS_DIR);
    for (const entry of manifest.fonts) {
      const bytes = readFileSync(path.join(FONTS_DIR, entry.file));
      expect(bytes.length, entry.file).toBe(entry.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), entry.file).toBe(entry.sha256);
    }
    const loaded = await loadBundledFonts(FONTS_DIR);
    expect(loaded.map((f) => f.entry.file)).toEqual(manifest.fonts.map((f) => f.file));
    for (const font of loaded) expect(font.bytes.byteLength).toBe(font.entry.bytes);
  });

  it('names an OFL licence file for every font, with the copyright holders', async () => {
    const manifest = await readFontManifest(FONTS_DIR);
    for (const entry of manifest.fonts) {
      const file = path.join(FONTS_DIR, entry.licence);
      expect(existsSync(file), file).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(/SIL OPEN FONT LICENSE|Open Font License/i);
      expect(text).toMatch(/^Copyright .*(Google|Adobe)/m);
      expect(text).toContain(entry.source.package);
      // OFL condition 2: each copy carries the fonts' own copyright notice.
      expect(entry.copyright).toMatch(/Adobe|Google/);
      expect(text).toContain(entry.copyright);
    }
  });

  it('records where each file came from (Debian package, version, face index, source sha256)', async () => {
    const manifest = await readFontManifest(FONTS_DIR);
    for (const entry of manifest.fonts) {
      expect(entry.source.package).toBe(entry.role === 'cjk' ? 'fonts-noto-cjk' : 'fonts-noto-core');
      expect(entry.source.version).toMatch(/\d/);
      // The Simplified Chinese face of the Debian collections is the third (jp, kr, sc, tc, hk).
      if (entry.role === 'cjk') expect(entry.source.faceIndex).toBe(2);
    }
  });

  it('keeps the total size of the bundled set within budget (14 MB)', async () => {
    const manifest = await readFontManifest(FONTS_DIR);
    const total = manifest.fonts.reduce((sum, f) => sum + f.bytes, 0);
    expect(total).toBeLessThan(14 * 1024 * 1024);
  });
});
