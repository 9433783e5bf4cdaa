/**
 * The PDF writer on hand-built display lists, checked with independent tools (qpdf, poppler):
 * structure, PDF/X keys, fonts, boxes, text round trip, colour spaces, overprint, determinism,
 * and golden renders.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { MARK_AREA, writePdf, type PdfOptions, type PdfProfile } from '../../pdf';
import { fileImageSource } from '../../services/images';
import { fixtureFonts, fixturePages } from './fixture';
import { deref, fonts, inside, pageBoxes, pageText, pdfObjects, qdfText, qpdfCheck, run } from './inspect';
import { comparePng } from './golden';

const ICC = path.resolve(import.meta.dirname, '../../profiles/broadsheet-newsprint-tr002.icc');
const dir = mkdtempSync(path.join(os.tmpdir(), 'bs-pdf-'));
const DATE = new Date('2026-07-09T00:00:00Z');

function options(profile: PdfProfile, extra: Partial<PdfOptions> = {}): PdfOptions {
  return {
    profile,
    title: '金山报 2026-07-09 <fixture> & co',
    date: DATE,
    outputIntent: { icc: readFileSync(ICC), identifier: 'CGATS TR 002', info: 'Coldset newsprint (CGATS TR 002)', registry: 'http://www.color.org' },
    ...extra,
  };
}

const { pages, text } = fixturePages('photo.png');
const files: Record<PdfProfile, string> = { pdfx1a: path.join(dir, 'x1a.pdf'), pdfx4: path.join(dir, 'x4.pdf') };
const bytes: Partial<Record<PdfProfile, Uint8Array>> = {};

beforeAll(async () => {
  await sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 30, g: 120, b: 200 } } }).png().toFile(path.join(dir, 'photo.png'));
  for (const profile of ['pdfx1a', 'pdfx4'] as const) {
    const b = await writePdf(pages, options(profile), { fonts: fixtureFonts, images: fileImageSource(dir, ICC) });
    bytes[profile] = b;
    writeFileSync(files[profile], b);
  }
});

describe.each(['pdfx1a', 'pdfx4'] as const)('%s export of the fixture', (profile) => {
  it('passes qpdf --check', () => {
    const r = qpdfCheck(files[profile]);
    expect(r.output).toContain('No syntax or stream encoding errors');
    expect(r.status).toBe(0);
  });

  it('embeds every font as a subset with a ToUnicode map', () => {
    const list = fonts(files[profile]);
    expect(list.length).toBe(2);
    for (const f of list) {
      expect(f, f.name).toMatchObject({ emb: true, sub: true, uni: true });
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
    }
    expect(list.map((f) => f.type)).toContain('CID Type 0C');
  });

  it('nests TrimBox ⊆ BleedBox ⊆ MediaBox on every page', () => {
    for (const b of pageBoxes(files[profile], pages.length)) {
      expect(inside(b.trim, b.bleed)).toBe(true);
      expect(inside(b.bleed, b.media)).toBe(true);
      expect(b.trim[2]! - b.trim[0]!).toBeCloseTo(600, 2);
      expect(b.bleed[0]).toBeCloseTo(b.trim[0]! - 9, 2);
    }
  });

  it('has the PDF/X Info keys, trailer ID and one GTS_PDFX OutputIntent with an embedded CMYK profile', () => {
    const { objects, trailer } = pdfObjects(files[profile]);
    const info = deref(objects, trailer['/Info']) as Record<string, string>;
    const val = (k: string) => deref(objects, info[k]);
    expect(val('/GTS_PDFXVersion')).toBe(profile === 'pdfx1a' ? 'u:PDF/X-1:2001' : 'u:PDF/X-4');
    if (profile === 'pdfx1a') expect(val('/GTS_PDFXConformance')).toBe('u:PDF/X-1a:2001');
    expect(val('/Trapped')).toBe('/False');
    expect(String(val('/Title'))).toContain('金山报');
    expect(val('/CreationDate')).toBe('u:D:20260709000000Z');
    expect(val('/ModDate')).toBe('u:D:20260709000000Z');
    expect(Array.isArray(trailer['/ID'])).toBe(true);
    const root = deref(objects, trailer['/Root']) as Record<string, unknown>;
    const intents = root['/OutputIntents'] as string[];
    expect(intents).toHaveLength(1);
    const intent = deref(objects, intents[0]) as Record<string, string>;
    expect(intent).toMatchObject({ '/S': '/GTS_PDFX', '/Type': '/OutputIntent', '/OutputConditionIdentifier': 'u:CGATS TR 002' });
    expect(intent['/Info']).toBeTruthy();
    const icc = deref(objects, intent['/DestOutputProfile']) as Record<string, unknown>;
    expect(icc['/N']).toBe(4);
    expect(readFileSync(files[profile], 'latin1').startsWith(profile === 'pdfx1a' ? '%PDF-1.3' : '%PDF-1.6')).toBe(true);
  });

  it('gives back every character set on each page through pdftotext', () => {
    pages.forEach((_, i) => {
      const got = pageText(files[profile], i + 1);
      const want = (text[i] ?? '').replace(/\s+/g, '');
      const missing = [...new Set(want)].filter((c) => !got.includes(c));
      expect(missing, `page ${i + 1}`).toEqual([]);
    });
  });

  it('makes black text overprint through an ExtGState with OP, op and OPM 1', () => {
    const qdf = qdfText(files[profile]);
    expect(qdf).toMatch(/\/OP true/);
    expect(qdf).toMatch(/\/op true/);
    expect(qdf).toMatch(/\/OPM 1/);
    expect(qdf).toMatch(/\/GsOP gs/);
  });

  it('writes the spot colour as a Separation with a CMYK alternate', () => {
    const qdf = qdfText(files[profile]);
    expect(qdf).toMatch(/\/Separation\s*\/PANTONE#20300#20C\s*\/DeviceCMYK/);
  });
});

describe('PDF/X-1a colour and transparency', () => {
  it('has no RGB colour space, RGB operator or transparency anywhere', () => {
    const qdf = qdfText(files.pdfx1a);
    expect(qdf).not.toMatch(/\/DeviceRGB|\/CalRGB|\/Lab\b/);
    expect(qdf).not.toMatch(/(^|\s)[\d.]+ [\d.]+ [\d.]+ (rg|RG)\s/m);
    expect(qdf).not.toMatch(/\/SMask|\/CA [\d.]|\/ca [\d.]|\/BM \//);
    const { objects } = pdfObjects(files.pdfx1a);
    for (const v of objects.values()) {
      if (v && typeof v === 'object' && !Array.isArray(v) && v['/Subtype'] === '/Image') expect(['/DeviceCMYK', '/DeviceGray']).toContain(v['/ColorSpace']);
    }
    expect(run('pdfimages', ['-list', files.pdfx1a])).toMatch(/cmyk\s+4\s+8\s+jpeg/);
  });
});

describe('PDF/X-4 XMP', () => {
  it('has an XMP packet agreeing with Info', () => {
    const raw = readFileSync(files.pdfx4, 'utf8');
    expect(raw).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
    expect(raw).toContain('<pdf:Trapped>False</pdf:Trapped>');
    expect(raw).toContain('<xmp:CreateDate>2026-07-09T00:00:00Z</xmp:CreateDate>');
    expect(raw).toContain('<xmp:ModifyDate>2026-07-09T00:00:00Z</xmp:ModifyDate>');
    expect(raw).toMatch(/<xmpMM:DocumentID>uuid:[0-9a-f-]{36}<\/xmpMM:DocumentID>/);
    expect(raw).toContain('<xmpMM:RenditionClass>default</xmpMM:RenditionClass>');
    // The title is XML-escaped in XMP.
    expect(raw).toContain('金山报 2026-07-09 &lt;fixture&gt; &amp; co');
    const { objects, trailer } = pdfObjects(files.pdfx4);
    const root = deref(objects, trailer['/Root']) as Record<string, unknown>;
    expect(root['/Metadata']).toBeTruthy();
  });
});

describe('determinism', () => {
  it('gives byte-identical files for the same input and date', async () => {
    const again = await writePdf(pages, options('pdfx1a'), { fonts: fixtureFonts, images: fileImageSource(dir, ICC) });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes.pdfx1a!))).toBe(0);
  });
  it('changes with the date', async () => {
    const other = await writePdf(pages, options('pdfx1a', { date: new Date('2026-07-10T00:00:00Z') }), { fonts: fixtureFonts, images: fileImageSource(dir, ICC) });
    expect(Buffer.compare(Buffer.from(other), Buffer.from(bytes.pdfx1a!))).not.toBe(0);
  });
});

describe('boxes, bleed and marks', () => {
  it('accepts bleed 0 (BleedBox = TrimBox) and grows the MediaBox for marks', async () => {
    const b = await writePdf(pages.slice(1), options('pdfx1a', { bleed: 0, marks: true, slug: 'Jinshan {page}' }), { fonts: fixtureFonts, images: fileImageSource(dir, ICC) });
    const f = path.join(dir, 'marks.pdf');
    writeFileSync(f, b);
    expect(qpdfCheck(f).status).toBe(0);
    const [box] = pageBoxes(f, 1);
    expect(box!.bleed).toEqual(box!.trim);
    expect(box!.media[2]).toBeCloseTo(600 + 2 * MARK_AREA, 2);
    expect(box!.trim[0]).toBeCloseTo(MARK_AREA, 2);
    expect(qdfText(f)).toMatch(/\/Separation\s*\/All\s*\/DeviceCMYK/);
  });
  it('rejects a negative bleed with a clear message', async () => {
    await expect(writePdf(pages, options('pdfx1a', { bleed: -1 }), { fonts: fixtureFonts, images: fileImageSource(dir, ICC) })).rejects.toThrow(/bleed must be a length ≥ 0/);
  });
});

describe('subsetters', () => {
  it('HarfBuzz subsets are smaller than pdfkit/fontkit ones and both are valid', async () => {
    const viaPdfkit = await writePdf(pages, options('pdfx1a', { subsetter: 'pdfkit' }), { fonts: fixtureFonts, images: fileImageSource(dir, ICC) });
    const f = path.join(dir, 'pdfkit-subset.pdf');
    writeFileSync(f, viaPdfkit);
    expect(qpdfCheck(f).status).toBe(0);
    expect(fonts(f).every((x) => x.emb && x.sub && x.uni)).toBe(true);
    expect(bytes.pdfx1a!.length).toBeLessThan(viaPdfkit.length);
    expect(pageText(f, 1)).toBe(pageText(files.pdfx1a, 1));
  }, 240_000); // fontkit's CFF subsetter takes seconds on a CJK face, more on a loaded machine
});

describe('golden pages', () => {
  it.each([1, 2])('page %i renders like the reference (pdftoppm -r 50)', (p) => {
    const out = path.join(dir, `render-${p}`);
    run('pdftoppm', ['-r', '50', '-f', String(p), '-l', String(p), '-singlefile', '-png', files.pdfx1a, out]);
    const golden = path.resolve(import.meta.dirname, `../golden/pdf/fixture-p${p}.png`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
      mkdirSync(path.dirname(golden), { recursive: true });
      writeFileSync(golden, readFileSync(`${out}.png`));
    }
    const r = comparePng(readFileSync(`${out}.png`), readFileSync(golden));
    expect(r.sameSize).toBe(true);
    expect(r.diffRatio).toBeLessThan(0.002);
  });
});

describe('bad input', () => {
  it('fails with a clear message on a non-finite coordinate or an unknown face', async () => {
    const [first] = fixturePages('photo.png').pages;
    const broken = { ...first!, items: [{ type: 'line' as const, x1: 0, y1: Number.NaN, x2: 10, y2: 10, width: 1, paint: { cmyk: [0, 0, 0, 100] as [number, number, number, number] }, overprint: false }] };
    await expect(writePdf([broken], options('pdfx1a'), { fonts: fixtureFonts, images: fileImageSource(dir, ICC) })).rejects.toThrow(/non-finite number/);
    const glyphs = { ...first!, items: first!.items.filter((i) => i.type === 'glyphs').map((i) => ({ ...i, face: 'NoSuchFace' })) };
    await expect(writePdf([glyphs], options('pdfx1a'), { fonts: fixtureFonts, images: fileImageSource(dir, ICC) })).rejects.toThrow(/NoSuchFace/);
  });
});
