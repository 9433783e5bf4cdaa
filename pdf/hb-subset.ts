/**
 * Font subsetting with HarfBuzz's subsetter (harfbuzzjs ships harfbuzz-subset.wasm; its JS
 * wrapper exposes shaping only, so the raw C exports are called here).
 *
 * Why: fontkit's CFF subsetter (what pdfkit uses) keeps every local and global subroutine of a
 * CJK face; measured on the seed page (639 glyphs of Noto Serif CJK SC) it took ~3.4 s and made
 * a 276 KB CFF, where hb-subset with desubroutinisation took ~0.2 s for 153 KB.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The slice of the WebAssembly global used here (lib ES2022 does not declare it). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

interface HbExports {
  memory: { buffer: ArrayBuffer };
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, lengthOut: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const FLAG_NO_HINTING = 1 << 0;
const FLAG_DESUBROUTINIZE = 1 << 2;
const SETS_DROP_TABLE_TAG = 3;
/** Tables a PDF never reads; dropping them also stops the layout closure from adding glyphs. */
const DROPPED = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'MATH', 'VORG', 'vhea', 'vmtx', 'DSIG', 'cmap', 'hmtx', 'hhea', 'name', 'post', 'OS/2', 'kern', 'meta'];

let hb: HbExports | undefined;

function tag(s: string): number {
  return ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;
}

function load(): HbExports {
  if (hb) return hb;
  const file = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
  const module = new wasm.Module(readFileSync(file));
  hb = new wasm.Instance(module, {}).exports as HbExports;
  return hb;
}

/** A font file loaded into HarfBuzz once and subset many times. */
export class HbFontFile {
  private readonly hb: HbExports;
  private readonly ptr: number;
  private readonly blob: number;
  private readonly faces = new Map<number, number>();

  constructor(bytes: Uint8Array) {
    this.hb = load();
    this.ptr = this.hb.malloc(bytes.length);
    if (!this.ptr) throw new Error('HarfBuzz: out of memory loading a font');
    new Uint8Array(this.hb.memory.buffer).set(bytes, this.ptr);
    this.blob = this.hb.hb_blob_create(this.ptr, bytes.length, 1 /* read-only */, 0, 0);
  }

  private face(index: number): number {
    let f = this.faces.get(index);
    if (f === undefined) {
      f = this.hb.hb_face_create(this.blob, index);
      this.faces.set(index, f);
    }
    return f;
  }

  /**
   * Subsets face `index` to the glyph ids (plus .notdef), desubroutinised and without hinting,
   * and returns one table of the result (e.g. 'CFF '). Glyphs are renumbered in ascending order
   * of their original ids; a CID-keyed CFF keeps each glyph's CID in its charset.
   */
  subsetTable(index: number, glyphIds: Iterable<number>, table: string): Uint8Array {
    const h = this.hb;
    const input = h.hb_subset_input_create_or_fail();
    if (!input) throw new Error('HarfBuzz: could not create a subset input');
    try {
      const glyphs = h.hb_subset_input_glyph_set(input);
      h.hb_set_add(glyphs, 0);
      for (const g of glyphIds) h.hb_set_add(glyphs, g);
      const drop = h.hb_subset_input_set(input, SETS_DROP_TABLE_TAG);
      for (const t of DROPPED) h.hb_set_add(drop, tag(t));
      h.hb_subset_input_set_flags(input, FLAG_NO_HINTING | FLAG_DESUBROUTINIZE);
      const sub = h.hb_subset_or_fail(this.face(index), input);
      if (!sub) throw new Error('HarfBuzz could not subset the font');
      const blob = h.hb_face_reference_blob(sub);
      try {
        const len = h.hb_blob_get_length(blob);
        const ptr = h.hb_blob_get_data(blob, 0);
        const otf = new Uint8Array(h.memory.buffer).slice(ptr, ptr + len);
        return extractTable(otf, table);
      } finally {
        h.hb_blob_destroy(blob);
        h.hb_face_destroy(sub);
      }
    } finally {
      h.hb_subset_input_destroy(input);
    }
  }

  /** Frees the font's memory inside the wasm heap. */
  dispose(): void {
    for (const f of this.faces.values()) this.hb.hb_face_destroy(f);
    this.faces.clear();
    this.hb.hb_blob_destroy(this.blob);
    this.hb.free(this.ptr);
  }
}

/** One table of an sfnt file, by tag. */
export function extractTable(otf: Uint8Array, table: string): Uint8Array {
  const dv = new DataView(otf.buffer, otf.byteOffset, otf.byteLength);
  const n = dv.getUint16(4);
  const want = tag(table);
  for (let i = 0; i < n; i++) {
    const rec = 12 + 16 * i;
    if (dv.getUint32(rec) === want) {
      const off = dv.getUint32(rec + 8);
      return otf.slice(off, off + dv.getUint32(rec + 12));
    }
  }
  throw new Error(`the subset font has no '${table}' table`);
}

/** Font files kept loaded in HarfBuzz between exports (the FontBook hands out the same bytes). */
const CACHE_LIMIT = 12;
const cache = new Map<Uint8Array, HbFontFile>();

/** The HarfBuzz copy of a font file, loaded once per process for the same bytes (LRU of 12). */
export function hbFontFile(bytes: Uint8Array): HbFontFile {
  let f = cache.get(bytes);
  if (f) {
    cache.delete(bytes);
    cache.set(bytes, f);
    return f;
  }
  f = new HbFontFile(bytes);
  cache.set(bytes, f);
  if (cache.size > CACHE_LIMIT) {
    const [oldest, file] = cache.entries().next().value as [Uint8Array, HbFontFile];
    cache.delete(oldest);
    file.dispose();
  }
  return f;
}
