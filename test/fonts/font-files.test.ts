/**
 * services/font-files.ts on bad input: a corrupt manifest, a missing file and a damaged file each
 * give an error naming the file and the problem; fontsDirectory() finds the repository's fonts/.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FontFilesError, fontsDirectory, loadBundledFonts, readFontManifest } from '../../services/font-files';
import { FONTS_DIR } from './helpers';

const realManifest = JSON.parse(readFileSync(path.join(FONTS_DIR, 'fonts.json'), 'utf8')) as {
  fonts: Record<string, unknown>[];
};
const template = realManifest.fonts[0]!;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-fonts-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A fonts folder with one small stand-in "font" file and a manifest describing it. */
function fixture(patch: Record<string, unknown> = {}, content = Buffer.from('stand-in font bytes')): string {
  writeFileSync(path.join(dir, 'Stand-In.otf'), content);
  const entry = {
    ...template,
    file: 'Stand-In.otf',
    bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    ...patch,
  };
  writeFileSync(path.join(dir, 'fonts.json'), JSON.stringify({ ...realManifest, fonts: [entry] }));
  return dir;
}

async function failure(p: Promise<unknown>): Promise<FontFilesError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(FontFilesError);
  return e as FontFilesError;
}

describe('loadBundledFonts', () => {
  it('returns the verified bytes of a well-formed folder', async () => {
    const fonts = await loadBundledFonts(fixture());
    expect(fonts).toHaveLength(1);
    expect(Buffer.from(fonts[0]!.bytes).toString()).toBe('stand-in font bytes');
  });

  it('names the manifest when it is missing', async () => {
    const e = await failure(loadBundledFonts(dir));
    expect(e.file).toBe(path.join(dir, 'fonts.json'));
    expect(e.message).toMatch(/fonts\.json: cannot read the font manifest \(ENOENT\)/);
  });

  it('names the manifest when it is not JSON', async () => {
    writeFileSync(path.join(dir, 'fonts.json'), '{"version": 1, "fonts": [');
    const e = await failure(readFontManifest(dir));
    expect(e.message).toContain(path.join(dir, 'fonts.json'));
    expect(e.message).toMatch(/not valid JSON/);
  });

  it('names the manifest and the field when a field has the wrong type', async () => {
    fixture({ weight: 'bold' });
    const e = await failure(loadBundledFonts(dir));
    expect(e.file).toBe(path.join(dir, 'fonts.json'));
    expect(e.message).toMatch(/fonts\.0\.weight/);
  });

  it('refuses a file name that leaves the fonts folder', async () => {
    fixture({ file: '../../etc/passwd' });
    const e = await failure(loadBundledFonts(dir));
    expect(e.message).toMatch(/fonts\.0\.file/);
  });

  it('names a listed font file that is missing', async () => {
    fixture();
    rmSync(path.join(dir, 'Stand-In.otf'));
    const e = await failure(loadBundledFonts(dir));
    expect(e.file).toBe(path.join(dir, 'Stand-In.otf'));
    expect(e.message).toMatch(/ENOENT/);
  });

  it('names a font file whose sha256 does not match', async () => {
    fixture({ sha256: '0'.repeat(64) });
    const e = await failure(loadBundledFonts(dir));
    expect(e.file).toBe(path.join(dir, 'Stand-In.otf'));
    expect(e.message).toMatch(/sha256 [0-9a-f]{64} does not match fonts\.json/);
  });

  it('names a font file whose size does not match (truncated)', async () => {
    fixture({ bytes: 999 });
    const e = await failure(loadBundledFonts(dir));
    expect(e.message).toMatch(/Stand-In\.otf: size 19 does not match fonts\.json \(999\)/);
  });

  it('skips verification when asked, and filters by role', async () => {
    fixture({ sha256: 'f'.repeat(64) });
    await expect(loadBundledFonts(dir, { verify: false })).resolves.toHaveLength(1);
    await expect(loadBundledFonts(dir, { verify: false, filter: (e) => e.role === 'nope' as never })).resolves.toEqual([]);
  });
});

describe('fontsDirectory', () => {
  it("finds the repository's fonts/ folder from the module's location", () => {
    expect(fontsDirectory()).toBe(FONTS_DIR);
  });

  it('honours BROADSHEET_FONTS_DIR', () => {
    const before = process.env.BROADSHEET_FONTS_DIR;
    process.env.BROADSHEET_FONTS_DIR = dir;
    try {
      expect(fontsDirectory()).toBe(dir);
    } finally {
      if (before === undefined) delete process.env.BROADSHEET_FONTS_DIR;
      else process.env.BROADSHEET_FONTS_DIR = before;
    }
  });
});
