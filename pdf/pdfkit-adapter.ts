/**
 * The one file that touches pdfkit, including the internals its public API lacks (PDF/X keys,
 * page boxes, raw names, ExtGState, Separation colour spaces, hand-made font and image objects,
 * the trailer ID and XMP). pdfkit is used as an object serialiser and xref writer only: content
 * streams are written by us (pdf/content.ts) and pdfkit's text layout is never called.
 * Internals used are those of pdfkit 0.20.2 (see pdf/README.md); they are typed below.
 */
import PDFDocument from 'pdfkit';

/** A pdfkit indirect object. */
export interface PdfRef {
  data: Record<string, unknown>;
  compress?: boolean;
  write(chunk: Uint8Array | string): void;
  end(chunk?: Uint8Array | string): void;
}

interface PdfkitPage {
  dictionary: PdfRef;
  resources: PdfRef;
  fonts: Record<string, unknown>;
  xobjects: Record<string, unknown>;
  ext_gstates: Record<string, unknown>;
  colorSpaces: Record<string, unknown>;
}

interface PdfkitEmbeddedFont {
  id: string;
  ref(): PdfRef;
  scale: number;
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  subset: { includeGlyph(id: number): number };
}

interface PdfkitDoc {
  _root: PdfRef;
  _id: Uint8Array;
  _font: PdfkitEmbeddedFont;
  _addInfo: () => void;
  page: PdfkitPage;
  ref(data?: unknown): PdfRef;
  font(src: unknown, family: string): void;
  addPage(options: unknown): void;
  addContent(data: string): void;
  appendXML(xml: string, newline?: boolean): void;
  end(): void;
  on(event: 'data', fn: (chunk: Uint8Array) => void): void;
  on(event: 'end' | 'error', fn: (e?: unknown) => void): void;
}

/** A token written verbatim (a PDF name such as /False); pdfkit writes JS strings as names and String objects as strings. */
export function raw(token: string): object {
  return { [Symbol.toStringTag]: 'PDFRaw', toString: () => token };
}

/** A PDF string object (pdfkit writes String objects as strings, UTF-16BE when non-ASCII). */
export function pdfString(s: string): object {
  return new String(s);
}

/** A PDF name with the characters that need it escaped as #xx. */
export function pdfName(name: string): object {
  const bytes = new TextEncoder().encode(name);
  let out = '/';
  for (const b of bytes) {
    const safe = b > 0x20 && b < 0x7f && !'#()<>[]{}/%'.includes(String.fromCharCode(b));
    out += safe ? String.fromCharCode(b) : `#${b.toString(16).padStart(2, '0')}`;
  }
  return raw(out);
}

/** Page boxes in PDF user space (origin bottom-left). */
export interface PageBoxes {
  media: [number, number];
  bleed: [number, number, number, number];
  trim: [number, number, number, number];
}

/** A font registered with pdfkit's own EmbeddedFont (fontkit's subsetter). */
export interface PdfkitFontHandle {
  id: string;
  /** The code (hex, 4 digits) for a glyph; records its width and text for ToUnicode. */
  encode(glyphId: number, advanceWidth: number, text: number[]): string;
  ref(): PdfRef;
}

/** The document: objects, pages and the finishing trailer. */
export class PdfkitAdapter {
  private readonly doc: PdfkitDoc;
  private readonly chunks: Uint8Array[] = [];
  private readonly done: Promise<Uint8Array>;
  readonly version: number;

  constructor(opts: { version: '1.3' | '1.6'; info: Record<string, unknown> }) {
    this.version = Number(opts.version);
    const Ctor = PDFDocument as unknown as new (o: unknown) => PdfkitDoc;
    // font: null stops pdfkit loading Helvetica's AFM, which we never use.
    this.doc = new Ctor({ autoFirstPage: false, pdfVersion: opts.version, font: null, margin: 0, compress: true, info: opts.info });
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c) => this.chunks.push(c));
      this.doc.on('end', () => resolve(concat(this.chunks)));
      this.doc.on('error', (e) => reject(e instanceof Error ? e : new Error(String(e))));
    });
  }

  /** A new indirect object (end() it when complete). */
  ref(data?: Record<string, unknown> | unknown[]): PdfRef {
    return this.doc.ref(data);
  }

  /** Sets the catalog's OutputIntents. */
  setOutputIntents(intents: PdfRef[]): void {
    this.doc._root.data.OutputIntents = intents;
  }

  /** Replaces pdfkit's XMP body (its own writes unescaped values) with ours; written when version ≥ 1.4. */
  setXmp(makeXml: () => string): void {
    this.doc._addInfo = () => this.doc.appendXML(makeXml());
  }

  /** Sets the trailer /ID (both halves): a hash of the content, so the ID is reproducible. */
  setId(id: Uint8Array): void {
    this.doc._id = id;
  }

  /** Starts a page with the given boxes; the content's user space is then top-down from the MediaBox's top-left. */
  addPage(boxes: PageBoxes): void {
    this.doc.addPage({ size: boxes.media, margin: 0 });
    const d = this.doc.page.dictionary.data;
    d.BleedBox = boxes.bleed;
    d.TrimBox = boxes.trim;
    // UserUnit is a PDF 1.6 key; pdfkit writes it on every page.
    if (this.version < 1.6) delete d.UserUnit;
  }

  /** Appends operators to the current page's content stream. */
  content(ops: string): void {
    // Bytes, not a string: pdfkit converts strings char by char (fromBinaryString). Ours are ASCII.
    this.doc.addContent(Buffer.from(`${ops}\n`, 'latin1') as unknown as string);
  }

  /** Adds a resource to the current page. */
  resource(kind: 'Font' | 'XObject' | 'ExtGState' | 'ColorSpace', name: string, ref: PdfRef): void {
    const page = this.doc.page;
    const dict = kind === 'Font' ? page.fonts : kind === 'XObject' ? page.xobjects : kind === 'ExtGState' ? page.ext_gstates : page.colorSpaces;
    dict[name] = ref;
  }

  /** Embeds a fontkit font through pdfkit's EmbeddedFont (fontkit's subsetter; finalised by pdfkit). */
  pdfkitFont(fontkitFont: unknown, key: string): PdfkitFontHandle {
    this.doc.font(fontkitFont, `bs:${key}`);
    const f = this.doc._font;
    return {
      id: f.id,
      ref: () => f.ref(),
      encode(glyphId, advanceWidth, text) {
        const gid = f.subset.includeGlyph(glyphId);
        if (f.widths[gid] == null) f.widths[gid] = advanceWidth * f.scale;
        if (f.unicode[gid] == null) f.unicode[gid] = text;
        return gid.toString(16).padStart(4, '0');
      },
    };
  }

  /** Finishes the document and returns its bytes. */
  finish(): Promise<Uint8Array> {
    this.doc.end();
    return this.done;
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
