/**
 * Fonts in the PDF: one Type0 (Identity-H) font per display-list face, embedded as a subset.
 * CID-keyed CFF faces (the CJK case) are subset with HarfBuzz and written by hand here: the
 * content stream's codes are the glyphs' CIDs, which hb-subset keeps in the subset's charset,
 * so codes are known while pages stream out and the subset is made once at the end. Other
 * faces (TrueType, name-keyed CFF) go through pdfkit's EmbeddedFont.
 */
import * as fontkit from 'fontkit';
import { hbFontFile, type HbFontFile } from './hb-subset';
import { pdfName, pdfString, type PdfkitAdapter, type PdfRef } from './pdfkit-adapter';
import type { FontSource } from './types';

/** A font as the content writer uses it. */
export interface FontHandle {
  /** Resource name on pages. */
  readonly name: string;
  readonly ref: PdfRef;
  /** Units per em of the face (for TJ adjustments). */
  readonly unitsPerEm: number;
  /** The hex code (4 digits) to show a glyph; records its width and text. */
  encode(glyphId: number, text: string): string;
  /** The width the PDF records for a code, in 1/1000 text space units. */
  width(glyphId: number): number;
}

interface CffCharset {
  version: number;
  glyphs?: number[];
  ranges?: { first: number; nLeft: number }[];
}

interface CffTable {
  isCIDFont: boolean;
  topDict: { charset: CffCharset; ROS?: [string, string, number] };
}

const rosCache = new WeakMap<object, [string, string, number]>();

function rosOf(font: object, cff: CffTable): [string, string, number] {
  let ros = rosCache.get(font);
  if (!ros) {
    ros = cff.topDict.ROS ?? ['Adobe', 'Identity', 0];
    rosCache.set(font, ros);
  }
  return ros;
}

const cidMaps = new WeakMap<object, (gid: number) => number>();

/**
 * GID → CID from a CID-keyed CFF's charset (formats 0, 1, 2), built once per font: fontkit
 * decodes the charset anew on every access (~0.15 s for a 10,000-glyph face).
 */
function cidMap(font: object, cff: CffTable): (gid: number) => number {
  const cached = cidMaps.get(font);
  if (cached) return cached;
  const charset = cff.topDict.charset;
  const table: number[] = [0];
  if (charset.glyphs) table.push(...charset.glyphs);
  else for (const r of charset.ranges ?? []) for (let i = 0; i <= r.nLeft; i++) table.push(r.first + i);
  const identity = table.every((c, i) => c === i);
  const map = identity ? (gid: number) => gid : (gid: number) => table[gid] ?? gid;
  cidMaps.set(font, map);
  return map;
}

function codePoints(text: string, font: fontkit.Font, gid: number): number[] {
  if (text) return Array.from(text, (c) => c.codePointAt(0) ?? 0xfffd);
  // A later glyph of a ligature: its text went with the first glyph; map it to its own code points if it has any.
  const own = glyphCodePoints(font, gid);
  return own.length > 0 ? own : [0x200b];
}

interface Hmtx {
  metrics: { length: number; get(i: number): { advance: number } | undefined };
}

/**
 * A glyph's advance from hmtx. fontkit's glyph.advanceWidth decodes the whole outline when the
 * font has no vmtx (it derives vertical metrics from the bounding box); that was most of a
 * cold export's time with the bundled fonts.
 */
export function advanceOf(font: fontkit.Font, gid: number): number {
  const hmtx = (font as unknown as { hmtx?: Hmtx }).hmtx;
  if (!hmtx) return font.getGlyph(gid).advanceWidth;
  const m = hmtx.metrics;
  // Glyphs past numberOfHMetrics share the last advance.
  return (gid < m.length ? m.get(gid) : m.get(m.length - 1))?.advance ?? 0;
}

/** A glyph's code points from fontkit (scans the cmap: only for glyphs without source text). */
function glyphCodePoints(font: fontkit.Font, gid: number): number[] {
  return [...font.getGlyph(gid).codePoints];
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** Six capital letters from the used glyphs: the subset tag (ISO 32000 §9.6.4), deterministic. */
function subsetTag(seed: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + (i + 1) * 7919;
  }
  return tag;
}

function fontFlags(font: fontkit.Font): number {
  let flags = 1 << 2; // symbolic: glyphs outside the standard Latin set
  if ((font as unknown as { post?: { isFixedPitch?: number } }).post?.isFixedPitch) flags |= 1;
  if (font.italicAngle) flags |= 1 << 6;
  return flags;
}

/** A CID-keyed CFF face subset by HarfBuzz. */
class HbCidFont implements FontHandle {
  readonly ref: PdfRef;
  readonly unitsPerEm: number;
  private readonly used = new Map<number, { cid: number; width: number; text: number[] }>();
  private readonly cid: (gid: number) => number;

  constructor(
    readonly name: string,
    private readonly pdf: PdfkitAdapter,
    private readonly font: fontkit.Font,
    cff: CffTable,
    private readonly file: HbFontFile,
    private readonly index: number,
  ) {
    this.ref = pdf.ref();
    this.unitsPerEm = font.unitsPerEm;
    this.cid = cidMap(font, cff);
    this.ros = rosOf(font, cff);
  }

  private readonly ros: [string, string, number];

  encode(glyphId: number, text: string): string {
    let u = this.used.get(glyphId);
    if (!u) {
      u = { cid: this.cid(glyphId), width: (advanceOf(this.font, glyphId) * 1000) / this.unitsPerEm, text: codePoints(text, this.font, glyphId) };
      this.used.set(glyphId, u);
    }
    return hex4(u.cid);
  }

  width(glyphId: number): number {
    return this.used.get(glyphId)?.width ?? 0;
  }

  /** Subsets and writes the font objects. */
  finish(): void {
    const gids = [...this.used.keys()].sort((a, b) => a - b);
    const cff = this.file.subsetTable(this.index, gids, 'CFF ');
    const scale = 1000 / this.unitsPerEm;
    const f = this.font;
    const psName = `${subsetTag(gids.join(','))}+${(f.postscriptName || 'Font').replace(/[^\x21-\x7e]|[#()<>[\]{}/%]/g, '')}`;
    const fontFile = this.pdf.ref({ Subtype: 'CIDFontType0C' });
    fontFile.end(cff);
    const bb = f.bbox;
    const descriptor = this.pdf.ref({
      Type: 'FontDescriptor',
      FontName: pdfName(psName),
      Flags: fontFlags(f),
      FontBBox: [bb.minX * scale, bb.minY * scale, bb.maxX * scale, bb.maxY * scale].map(Math.round),
      ItalicAngle: f.italicAngle || 0,
      Ascent: Math.round(f.ascent * scale),
      Descent: Math.round(f.descent * scale),
      CapHeight: Math.round((f.capHeight || f.ascent) * scale),
      StemV: 80,
      FontFile3: fontFile,
    });
    descriptor.end();
    const byCid = [...this.used.values()].sort((a, b) => a.cid - b.cid);
    const cidFont = this.pdf.ref({
      Type: 'Font',
      Subtype: 'CIDFontType0',
      BaseFont: pdfName(psName),
      CIDSystemInfo: { Registry: pdfString(this.ros[0]), Ordering: pdfString(this.ros[1]), Supplement: this.ros[2] },
      FontDescriptor: descriptor,
      DW: 1000,
      W: widthArray(byCid),
    });
    cidFont.end();
    this.ref.data = {
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: pdfName(psName),
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode(this.pdf, byCid),
    };
    this.ref.end();
  }
}

/** /W: runs of consecutive CIDs, each `c [w1 w2 …]`; widths of 1000 are left to /DW. */
function widthArray(byCid: { cid: number; width: number }[]): unknown[] {
  const out: unknown[] = [];
  let run: number[] = [];
  let start = -2;
  let prev = -2;
  for (const { cid, width } of byCid) {
    const w = Math.round(width * 1000) / 1000;
    if (cid !== prev + 1 && run.length > 0) {
      out.push(start, run);
      run = [];
    }
    if (run.length === 0) start = cid;
    run.push(w);
    prev = cid;
  }
  if (run.length > 0) out.push(start, run);
  return out;
}

function utf16Hex(cps: number[]): string {
  let s = '';
  for (const cp of cps) {
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      s += hex4(0xd800 | (v >> 10)) + hex4(0xdc00 | (v & 0x3ff));
    } else s += hex4(cp);
  }
  return s;
}

/** The ToUnicode CMap: CID → the source text, so copying and pdftotext give the story back. */
function toUnicode(pdf: PdfkitAdapter, byCid: { cid: number; text: number[] }[]): PdfRef {
  const lines: string[] = [];
  for (let i = 0; i < byCid.length; i += 100) {
    const chunk = byCid.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`);
    for (const { cid, text } of chunk) lines.push(`<${hex4(cid)}> <${utf16Hex(text)}>`);
    lines.push('endbfchar');
  }
  const ref = pdf.ref();
  ref.end(
    [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <ffff>',
      'endcodespacerange',
      ...lines,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n'),
  );
  return ref;
}

/** Wraps pdfkit's EmbeddedFont (fontkit's subsetter). */
class PdfkitFont implements FontHandle {
  readonly ref: PdfRef;
  readonly name: string;
  readonly unitsPerEm: number;
  private readonly handle: ReturnType<PdfkitAdapter['pdfkitFont']>;
  private readonly widths = new Map<number, number>();
  constructor(
    pdf: PdfkitAdapter,
    private readonly font: fontkit.Font,
    key: string,
  ) {
    this.handle = pdf.pdfkitFont(font, key);
    this.ref = this.handle.ref();
    this.name = this.handle.id;
    this.unitsPerEm = font.unitsPerEm;
  }
  encode(glyphId: number, text: string): string {
    let w = this.widths.get(glyphId);
    if (w === undefined) {
      w = advanceOf(this.font, glyphId);
      this.widths.set(glyphId, w);
    }
    return this.handle.encode(glyphId, w, codePoints(text, this.font, glyphId));
  }
  width(glyphId: number): number {
    return ((this.widths.get(glyphId) ?? 0) * 1000) / this.unitsPerEm;
  }
}

/** The fonts of one PDF, created on first use of each face key. */
export class FontRegistry {
  private readonly handles = new Map<string, FontHandle>();
  private readonly hbFonts: HbCidFont[] = [];

  constructor(
    private readonly pdf: PdfkitAdapter,
    private readonly source: FontSource,
    private readonly subsetter: 'harfbuzz' | 'pdfkit',
  ) {}

  /** The font for a face key; throws an Error naming the key when the face cannot be read. */
  get(key: string): FontHandle {
    let h = this.handles.get(key);
    if (h) return h;
    const src = this.source.faceSource(key);
    const font = this.fontkitFont(key, src);
    const cff = (font as unknown as Record<string, unknown>)['CFF '] as CffTable | undefined;
    // pdfkit names its own fonts F1, F2 …; ours must not collide on a page.
    const name = `FH${this.handles.size + 1}`;
    if (this.subsetter === 'harfbuzz' && cff?.isCIDFont) {
      const file = hbFontFile(src.bytes);
      const hb = new HbCidFont(name, this.pdf, font, cff, file, src.collectionIndex ?? 0);
      this.hbFonts.push(hb);
      h = hb;
    } else {
      h = new PdfkitFont(this.pdf, font, key);
    }
    this.handles.set(key, h);
    return h;
  }

  /** The fontkit font for a key (for slug-line layout). */
  fontkit(key: string): fontkit.Font {
    return this.fontkitFont(key, this.source.faceSource(key));
  }

  private fontkitFont(key: string, src: ReturnType<FontSource['faceSource']>): fontkit.Font {
    const given = this.source.tryFace?.(key)?.font as fontkit.Font | undefined;
    if (given && typeof given.getGlyph === 'function') return given;
    try {
      // fontkit's declared parameter is Node's Buffer; it reads any Uint8Array.
      const parsed = fontkit.create(src.bytes as Buffer);
      if (!('fonts' in parsed)) return parsed;
      const byName = parsed.fonts.find((f) => f.postscriptName === src.postscriptName);
      const font = byName ?? parsed.fonts[src.collectionIndex ?? 0];
      if (!font) throw new Error(`no face ${src.postscriptName} in the collection`);
      return font;
    } catch (e) {
      throw new Error(`font ${key} (${src.postscriptName}) cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Writes the HarfBuzz subsets (pdfkit finalises its own fonts). */
  finish(): void {
    for (const f of this.hbFonts) f.finish();
  }
}
