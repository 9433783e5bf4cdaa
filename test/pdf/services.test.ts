/** services/images (sharp conversion, facts) and services/export's helpers (pages, names, dates, profiles). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../engine/model';
import { ExportError, defaultProfilePath, exportDate, outputIntentFor, parsePageList, splitFileName } from '../../services/export';
import { hasAdobeMarker, inspectImage, prepareImage, prepareImageCached } from '../../services/images';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bs-svc-'));
const ICC = defaultProfilePath();
const f = (name: string) => path.join(dir, name);

beforeAll(async () => {
  await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0.5 } } }).png().toFile(f('alpha.png'));
  await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 128, g: 128, b: 128 } } }).toColourspace('b-w').png().toFile(f('grey.png'));
  await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 20, g: 160, b: 60 } } }).tiff().toFile(f('green.tiff'));
  await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 20, g: 60, b: 160 } } }).withIccProfile(ICC, { attach: false }).jpeg().toFile(f('cmyk.jpg'));
  writeFileSync(f('corrupt.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3]));
});

describe('images', () => {
  it('reads facts for preflight', async () => {
    expect(await inspectImage(f('alpha.png'))).toMatchObject({ readable: true, widthPx: 40, heightPx: 30, colorSpace: 'rgb', hasAlpha: true, format: 'png' });
    const cmyk = await inspectImage(f('cmyk.jpg'));
    expect(cmyk).toMatchObject({ readable: true, colorSpace: 'cmyk' });
    // Total ink of the separated blue: well above one ink, within the profile's 240 % (+ JPEG noise).
    const ink = cmyk.readable ? cmyk.maxInk : undefined;
    expect(ink).toBeGreaterThan(100);
    expect(ink).toBeLessThan(260);
    expect((await inspectImage(f('alpha.png'))).readable && (await inspectImage(f('alpha.png')) as { maxInk?: number }).maxInk).toBeUndefined();
    expect(await inspectImage(f('grey.png'))).toMatchObject({ readable: true, colorSpace: 'gray' });
  });

  it('rejects corrupt and missing files with a message naming the file', async () => {
    const bad = await prepareImage(f('corrupt.jpg'), ICC);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain(f('corrupt.jpg'));
    const gone = await prepareImage(f('nope.png'), ICC);
    expect(!gone.ok && gone.message).toBe(`${f('nope.png')}: no such file`);
    const facts = await inspectImage(f('corrupt.jpg'));
    expect(facts.readable).toBe(false);
  });

  it('converts RGB PNG (flattening transparency) and TIFF to CMYK JPEG with the output profile', async () => {
    for (const name of ['alpha.png', 'green.tiff']) {
      const r = await prepareImage(f(name), ICC);
      expect(r.ok, name).toBe(true);
      if (!r.ok) continue;
      expect(r.components).toBe(4);
      expect([r.widthPx, r.heightPx]).toEqual([40, 30]);
      const m = await sharp(r.jpeg).metadata();
      expect(m.format).toBe('jpeg');
      expect(m.space).toBe('cmyk');
      expect(m.hasAlpha).toBe(false);
      expect(r.invertedCmyk).toBe(hasAdobeMarker(r.jpeg));
    }
    // Red at half opacity on white paper becomes a light red: magenta clearly above cyan.
    const red = await prepareImage(f('alpha.png'), ICC);
    if (!red.ok) throw new Error(red.message);
    const px = await sharp(red.jpeg).raw().toBuffer();
    const [c, m] = red.invertedCmyk ? [255 - px[0]!, 255 - px[1]!] : [px[0]!, px[1]!];
    expect(m).toBeGreaterThan(c + 40);
  });

  it('keeps grey images grey', async () => {
    const r = await prepareImage(f('grey.png'), ICC);
    expect(r.ok && r.components).toBe(1);
  });

  it('passes a CMYK JPEG through unchanged', async () => {
    const r = await prepareImage(f('cmyk.jpg'), ICC);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Buffer.compare(Buffer.from(r.jpeg), readFileSync(f('cmyk.jpg')))).toBe(0);
  });
});

describe('image cache', () => {
  it('reuses a conversion until the file changes', async () => {
    const file = f('cached.png');
    await sharp({ create: { width: 20, height: 20, channels: 3, background: { r: 0, g: 0, b: 255 } } }).png().toFile(file);
    const a = await prepareImageCached(file, ICC);
    expect(await prepareImageCached(file, ICC)).toBe(a);
    await sharp({ create: { width: 30, height: 20, channels: 3, background: { r: 255, g: 0, b: 0 } } }).png().toFile(file);
    const { utimesSync } = await import('node:fs');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const b = await prepareImageCached(file, ICC);
    expect(b).not.toBe(a);
    expect(b.ok && b.widthPx).toBe(30);
  });
});

describe('export helpers', () => {
  it('parses page lists', () => {
    expect(parsePageList('1,3-4', 5)).toEqual([1, 3, 4]);
    expect(parsePageList('4-5, 1,1', 5)).toEqual([1, 4, 5]);
    expect(() => parsePageList('6', 5)).toThrow(/page 6 is not in this issue/);
    expect(() => parsePageList('3-1', 5)).toThrow(ExportError);
    expect(() => parsePageList('a', 5)).toThrow(/not a page number/);
  });

  it('names split files by pattern, safely', () => {
    const v = { date: '2021-07-09', label: '第2版', paper: '金山报', page: 2 };
    expect(splitFileName('{date}_{label}.pdf', v)).toBe('2021-07-09_第2版.pdf');
    expect(splitFileName('{paper}-{page}', v)).toBe('金山报-02.pdf');
    expect(splitFileName('{date}/{label}', { ...v, label: 'A:2' })).toBe('2021-07-09_A_2.pdf');
    expect(() => splitFileName('{date}.pdf', v)).toThrow(/must contain \{page\} or \{label\}/);
  });

  it('dates exports from SOURCE_DATE_EPOCH, else the issue date, never the clock', () => {
    expect(exportDate('2021-07-09', {}).toISOString()).toBe('2021-07-09T00:00:00.000Z');
    expect(exportDate('2021-07-09', { SOURCE_DATE_EPOCH: '0' }).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(() => exportDate('2021-07-09', { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH/);
  });

  const doc = (icc?: string) =>
    loadDocument(
      JSON.stringify({
        format: 'broadsheet', version: 1,
        issue: { paper: 'P', date: '2021-07-09', lang: 'en', jumps: { to: 'on {page}', from: 'from {page}' }, ...(icc ? { iccProfile: icc } : {}) },
        templates: [{ id: 't', name: 'T', trim: { width: 100, height: 100 }, margins: {}, columns: 1, gutter: 0, grid: { kind: 'baseline', leading: 12 } }],
        pages: [{ id: 'p1', template: 't' }], frames: [], stories: [], paragraphStyles: [{ id: 'b', name: 'B' }],
      }),
      'x.broadsheet',
    );

  it('uses the default newsprint profile, or the plant profile the issue names', async () => {
    const def = await outputIntentFor(doc(), dir);
    expect(def.intent).toMatchObject({ identifier: 'CGATS TR 002', registry: 'http://www.color.org' });
    writeFileSync(f('plant.icc'), readFileSync(ICC));
    const own = await outputIntentFor(doc('plant.icc'), dir);
    expect(own.intent.identifier).toBe('plant');
    expect(own.iccPath).toBe(f('plant.icc'));
  });

  it('rejects an unreadable, non-ICC or non-CMYK plant profile, naming the file', async () => {
    await expect(outputIntentFor(doc('missing.icc'), dir)).rejects.toThrow(`${f('missing.icc')}: cannot read the output profile`);
    writeFileSync(f('text.icc'), 'not a profile at all, just text '.repeat(10));
    await expect(outputIntentFor(doc('text.icc'), dir)).rejects.toThrow(/text\.icc: not usable as the output profile: not an ICC profile/);
    const rgb = Buffer.from(readFileSync(ICC));
    rgb.write('RGB ', 16, 'latin1');
    writeFileSync(f('rgb.icc'), rgb);
    await expect(outputIntentFor(doc('rgb.icc'), dir)).rejects.toThrow(/rgb\.icc: not usable.*not a CMYK profile/);
  });
});
