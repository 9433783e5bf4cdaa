/**
 * writePdf: display lists → a PDF/X file. Walks each page's items in paint order and writes
 * them as content-stream operators; glyphs go where the engine placed them (no text layout).
 */
import { createHash } from 'node:crypto';
import type * as fontkit from 'fontkit';
import type { GlyphRunItem, ImageItem, PageDisplayList } from '../engine/display/types';
import { glyphRunOps, lineOps, num, paintOps, rectOps, type ResourceSink } from './content';
import { FontRegistry, type FontHandle } from './fonts';
import { MARK_AREA, markOps } from './marks';
import { PdfkitAdapter, pdfName, type PdfRef } from './pdfkit-adapter';
import { addOutputIntent, infoFor, PROFILES, xmpFor } from './pdfx';
import type { FailedImage, FontSource, ImageSource, PdfOptions, PreparedImage } from './types';

/** Page geometry in PDF points: where the trim sits inside the MediaBox. */
export interface PageGeometry {
  mediaWidth: number;
  mediaHeight: number;
  /** Distance from the MediaBox edge to the trim edge (bleed + mark area). */
  offset: number;
  bleed: number;
}

/** The boxes for a page of trim w × h. */
export function pageGeometry(page: { width: number; height: number; bleed: number }, opts: Pick<PdfOptions, 'bleed' | 'marks'>): PageGeometry {
  const bleed = opts.bleed ?? page.bleed;
  if (!(bleed >= 0) || !Number.isFinite(bleed)) throw new Error(`bleed must be a length ≥ 0, got ${bleed}`);
  const offset = bleed + (opts.marks ? MARK_AREA : 0);
  return { mediaWidth: page.width + 2 * offset, mediaHeight: page.height + 2 * offset, offset, bleed };
}

/** Writes pages as one PDF/X file; resolves to its bytes. Throws an Error naming the face or image at fault. */
export async function writePdf(pages: PageDisplayList[], opts: PdfOptions, deps: { fonts: FontSource; images: ImageSource }): Promise<Uint8Array> {
  const images = await loadImages(pages, deps.images);
  const profile = PROFILES[opts.profile];
  const trapped = opts.trapped ?? false;
  const pdf = new PdfkitAdapter({ version: profile.version, info: infoFor(opts.profile, opts.title, opts.date, trapped) });
  addOutputIntent(pdf, opts.outputIntent);
  const fonts = new FontRegistry(pdf, deps.fonts, opts.subsetter ?? 'harfbuzz');
  const hash = createHash('md5');
  hash.update(`${opts.profile}\n${opts.title}\n${opts.date.toISOString()}\n`);

  const overprint = pdf.ref({ Type: 'ExtGState', OP: true, op: true, OPM: 1 });
  overprint.end();
  const separations = new Map<string, { name: string; ref: PdfRef }>();
  const imageRefs = new Map<string, { name: string; ref: PdfRef }>();

  let done = 0;
  for (const page of pages) {
    const g = pageGeometry(page, opts);
    const o = g.offset;
    pdf.addPage({
      media: [g.mediaWidth, g.mediaHeight],
      bleed: [o - g.bleed, o - g.bleed, o + page.width + g.bleed, o + page.height + g.bleed],
      trim: [o, o, o + page.width, o + page.height],
    });
    const onPage = new Set<string>();
    const res: ResourceSink = {
      separation(ink, alternate) {
        let s = separations.get(ink);
        if (!s) {
          s = { name: `CS${separations.size + 1}`, ref: separationRef(pdf, ink, alternate) };
          separations.set(ink, s);
        }
        if (!onPage.has(s.name)) {
          pdf.resource('ColorSpace', s.name, s.ref);
          onPage.add(s.name);
        }
        return s.name;
      },
      overprint() {
        if (!onPage.has('GsOP')) {
          pdf.resource('ExtGState', 'GsOP', overprint);
          onPage.add('GsOP');
        }
        return 'GsOP';
      },
    };
    const useFont = (key: string): FontHandle => {
      const font = fonts.get(key);
      if (!onPage.has(font.name)) {
        pdf.resource('Font', font.name, font.ref);
        onPage.add(font.name);
      }
      return font;
    };
    const out: string[] = [`q 1 0 0 1 ${num(o)} ${num(o)} cm`];
    // Nothing paints beyond the bleed: the plant's RIP would trim it anyway, and marks live there.
    out.push(`${num(-g.bleed)} ${num(-g.bleed)} ${num(page.width + 2 * g.bleed)} ${num(page.height + 2 * g.bleed)} re W n`);
    for (const item of page.items) {
      let ops = '';
      if (item.type === 'glyphs') {
        ops = glyphRunOps(item, useFont(item.face), res);
      } else if (item.type === 'rect') ops = rectOps(item, res);
      else if (item.type === 'line') ops = lineOps(item, res);
      else ops = imageOps(item, images.get(item.src), (img) => {
        let r = imageRefs.get(item.src);
        if (!r) {
          r = { name: `Im${imageRefs.size + 1}`, ref: imageRef(pdf, img) };
          imageRefs.set(item.src, r);
        }
        if (!onPage.has(r.name)) {
          pdf.resource('XObject', r.name, r.ref);
          onPage.add(r.name);
        }
        return r.name;
      }, res);
      if (ops) out.push(ops);
    }
    out.push('Q');
    if (opts.marks) {
      out.push(`q 1 0 0 1 ${num(o)} ${num(o)} cm`);
      const reg = `/${res.separation('All', [100, 100, 100, 100])} CS 1 SCN /${res.separation('All', [100, 100, 100, 100])} cs 1 scn`;
      out.push(markOps(page.width, page.height, g.bleed, reg));
      if (opts.slug) out.push(slugOps(opts.slug.replaceAll('{page}', page.label), page, g.bleed, opts.slugFace ?? firstFace(page), fonts, useFont, reg));
      out.push('Q');
    }
    const content = out.join('\n');
    hash.update(content);
    pdf.content(content);
    opts.onPage?.(++done, pages.length);
  }
  fonts.finish();
  const id = new Uint8Array(hash.digest());
  pdf.setId(id);
  if (profile.version !== '1.3') pdf.setXmp(() => xmpFor(opts.profile, opts.title, opts.date, trapped, id));
  return pdf.finish();
}

async function loadImages(pages: PageDisplayList[], source: ImageSource): Promise<Map<string, PreparedImage | FailedImage>> {
  const srcs: string[] = [];
  for (const page of pages) for (const item of page.items) if (item.type === 'image' && !srcs.includes(item.src)) srcs.push(item.src);
  // Converted in parallel (sharp works off the main thread), collected in display order:
  // object numbers must not depend on which conversion finishes first.
  const done = await Promise.all(srcs.map((src) => source.image(src)));
  return new Map(srcs.map((src, i) => [src, done[i] as PreparedImage | FailedImage]));
}

function separationRef(pdf: PdfkitAdapter, ink: string, alternate: readonly number[]): PdfRef {
  const fn = pdf.ref({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: alternate.map((v) => v / 100), N: 1 });
  fn.end();
  const ref = pdf.ref([pdfName('Separation'), pdfName(ink), pdfName('DeviceCMYK'), fn]);
  ref.end();
  return ref;
}

function imageRef(pdf: PdfkitAdapter, img: PreparedImage): PdfRef {
  const dict: Record<string, unknown> = {
    Type: 'XObject',
    Subtype: 'Image',
    Width: img.widthPx,
    Height: img.heightPx,
    ColorSpace: img.components === 1 ? 'DeviceGray' : img.components === 3 ? 'DeviceRGB' : 'DeviceCMYK',
    BitsPerComponent: 8,
    Filter: 'DCTDecode',
  };
  if (img.components === 4 && img.invertedCmyk) dict.Decode = [1, 0, 1, 0, 1, 0, 1, 0];
  const ref = pdf.ref(dict);
  ref.compress = false; // already DCT-compressed
  ref.end(img.jpeg);
  return ref;
}

function imageOps(item: ImageItem, img: PreparedImage | FailedImage | undefined, name: (img: PreparedImage) => string, res: ResourceSink): string {
  const clip = `${num(item.clip.x)} ${num(item.clip.y)} ${num(item.clip.width)} ${num(item.clip.height)} re W n`;
  if (!img || !img.ok) {
    // Exported with --force despite the preflight error: mark the hole so nobody misses it.
    const c = item.clip;
    const grey = paintOps({ cmyk: [0, 0, 0, 100] }, true, res);
    return `q ${clip}\n0 0 0 0.15 k ${num(c.x)} ${num(c.y)} ${num(c.width)} ${num(c.height)} re f\n${grey} 0.5 w ${num(c.x)} ${num(c.y)} m ${num(c.x + c.width)} ${num(c.y + c.height)} l ${num(c.x + c.width)} ${num(c.y)} m ${num(c.x)} ${num(c.y + c.height)} l S\nQ`;
  }
  // The image's unit square, flipped: user space is y-down, image rows run top to bottom.
  return `q ${clip}\n${num(item.width)} 0 0 ${num(-item.height)} ${num(item.x)} ${num(item.y + item.height)} cm /${name(img)} Do\nQ`;
}

function firstFace(page: PageDisplayList): string | undefined {
  return page.items.find((i): i is GlyphRunItem => i.type === 'glyphs')?.face;
}

/** The slug line below the bottom-left crop mark, 6 pt, in the registration colour. */
function slugOps(text: string, page: PageDisplayList, bleed: number, faceKey: string | undefined, fonts: FontRegistry, useFont: (key: string) => FontHandle, reg: string): string {
  if (!faceKey) return '';
  const font: fontkit.Font = fonts.fontkit(faceKey);
  const handle = useFont(faceKey);
  const run = font.layout(text);
  const size = 6;
  const scale = size / font.unitsPerEm;
  let x = 12;
  const glyphs = run.glyphs.map((g, i) => {
    const p = run.positions[i];
    const placed = { id: g.id, x: x + (p?.xOffset ?? 0) * scale, y: 0, advance: (p?.xAdvance ?? g.advanceWidth) * scale, text: String.fromCodePoint(...g.codePoints), offset: -1 };
    x += placed.advance;
    return placed;
  });
  const item: GlyphRunItem = {
    type: 'glyphs', face: faceKey, size, x: 0, y: page.height + bleed + MARK_AREA - 6,
    paint: { cmyk: [0, 0, 0, 100] }, overprint: false, glyphs, source: { kind: 'generated', role: 'folio' },
  };
  const sink: ResourceSink = { separation: () => '', overprint: () => '' };
  return glyphRunOps(item, handle, sink).replace(paintOps(item.paint, false, sink), reg);
}
