/**
 * One font face, wrapping a fontkit font with the metrics and caches the composer needs.
 * All metrics are in font units (divide by unitsPerEm and multiply by the size for points).
 */
import type { Font } from './fontkit-api';

/** What the font book knows about a face, without touching its glyphs. */
export interface FaceInfo {
  /** Stable key: the PostScript name (suffixed "#2", "#3" … if a name repeats). */
  key: string;
  postscriptName: string;
  /** Family as the font names it (preferred family, name ID 16, when present). */
  family: string;
  /** Other family names the face answers to (legacy family, localised names, aliases). */
  aliases: string[];
  subfamily: string;
  /** OS/2 usWeightClass, 100–900. */
  weight: number;
  style: 'normal' | 'italic';
  /** Where the bytes came from (file path, bundled id). */
  source: string;
  /** Index in a TTC/OTC collection; undefined for single fonts. */
  collectionIndex?: number;
  /** Whether the face covers Han (it has 中 and 。). */
  cjk: boolean;
}

/** One glyph as shaped by fontkit, in font units. */
export interface ShapedGlyph {
  id: number;
  advance: number;
  xOffset: number;
  yOffset: number;
  /** UTF-16 length of the source text this glyph starts (0 for later glyphs of a cluster). */
  chars: number;
}

/** Blank space inside a full-width punctuation mark's em box, in font units. */
export interface PunctBlanks {
  left: number;
  right: number;
}

interface OS2 {
  usWeightClass?: number;
  fsSelection?: { italic?: boolean };
}

/** Shaping results kept per face; cleared wholesale when it grows past this many entries. */
const SHAPE_CACHE_LIMIT = 20_000;

/** A face: metrics, character coverage, shaping with caches, outlines. */
export class Face {
  readonly key: string;
  readonly info: FaceInfo;
  readonly unitsPerEm: number;
  /** Ascender above the baseline (positive). */
  readonly ascent: number;
  /** Descender below the baseline (positive). */
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
  readonly lineGap: number;
  /** The fontkit font (for the PDF writer's subsetter and the painter's paths). */
  readonly font: Font;
  private readonly advances = new Map<number, number>();
  private readonly cmap = new Map<number, number>();
  private readonly shapes = new Map<string, ShapedGlyph[]>();
  /** Single characters by code point, per "features|script|language" (the Han fast path). */
  private readonly byCodePoint = new Map<string, Map<number, ShapedGlyph[]>>();
  private readonly blanks = new Map<number, PunctBlanks | null>();
  private readonly paths = new Map<number, string>();
  private readonly halt: boolean;

  constructor(font: Font, info: FaceInfo) {
    this.font = font;
    this.info = info;
    this.key = info.key;
    this.unitsPerEm = font.unitsPerEm;
    this.ascent = Math.abs(font.ascent);
    this.descent = Math.abs(font.descent);
    this.capHeight = font.capHeight || this.ascent * 0.7;
    this.xHeight = font.xHeight || this.ascent * 0.5;
    this.lineGap = font.lineGap;
    let feats: string[] = [];
    try {
      feats = font.availableFeatures ?? [];
    } catch {
      feats = [];
    }
    this.halt = feats.includes('halt');
  }

  /** Whether the face maps the code point to a real glyph. */
  hasChar(cp: number): boolean {
    return this.glyphId(cp) !== 0;
  }

  /** The nominal glyph for a code point (cmap only), 0 (.notdef) when missing. */
  glyphId(cp: number): number {
    let id = this.cmap.get(cp);
    if (id === undefined) {
      id = this.font.hasGlyphForCodePoint(cp) ? this.font.glyphForCodePoint(cp).id : 0;
      this.cmap.set(cp, id);
    }
    return id;
  }

  /** Advance width of a glyph in font units (cached). */
  advance(glyphId: number): number {
    let a = this.advances.get(glyphId);
    if (a === undefined) {
      a = this.font.getGlyph(glyphId).advanceWidth;
      this.advances.set(glyphId, a);
    }
    return a;
  }

  /**
   * Shapes text with OpenType features (fontkit layout), cached per (features, script,
   * language, text). Callers pass short runs: one Han character, or one Latin word.
   */
  shape(text: string, features: Readonly<Record<string, boolean>>, script: string, language: string): ShapedGlyph[] {
    return this.shapeKeyed(text, featureKey(features), features, script, language);
  }

  /** shape() with the feature key already computed (the composer keeps one per style). */
  shapeKeyed(text: string, fkey: string, features: Readonly<Record<string, boolean>>, script: string, language: string): ShapedGlyph[] {
    const key = `${fkey}|${script}|${language}|${text}`;
    const hit = this.shapes.get(key);
    if (hit) return hit;
    const run = this.font.layout(text, { ...features }, script || undefined, language || undefined);
    const takes = this.clusterSizes(text, run.glyphs);
    const out: ShapedGlyph[] = [];
    for (let i = 0; i < run.glyphs.length; i++) {
      const p = run.positions[i]!;
      out.push({ id: run.glyphs[i]!.id, advance: p.xAdvance, xOffset: p.xOffset, yOffset: p.yOffset, chars: takes[i]! });
    }
    if (this.shapes.size >= SHAPE_CACHE_LIMIT) this.shapes.clear();
    this.shapes.set(key, out);
    return out;
  }

  /**
   * How many UTF-16 units of `text` each shaped glyph stands for. fontkit reports a glyph's
   * code points from its glyph cache, which keeps whatever the glyph was first made with: a
   * glyph first fetched by id (to paint it, to measure it) has none, and one shared by two
   * characters has the first's. So the counts are taken from the text itself, in order: a
   * glyph with code points takes that many characters; one without takes one character when
   * it is that character's own glyph, else (a ligature) the characters up to where the next
   * glyph's begin. Whatever is left over goes to the last glyph, so the counts always add up.
   */
  private clusterSizes(text: string, glyphs: readonly { id: number; codePoints: readonly number[] }[]): number[] {
    const cps = Array.from(text, (c) => c.codePointAt(0)!);
    const counts: number[] = new Array(glyphs.length).fill(0);
    let k = 0;
    for (let i = 0; i < glyphs.length && k < cps.length; i++) {
      const g = glyphs[i]!;
      let take = g.codePoints.length;
      if (take === 0) {
        if (g.id === this.glyphId(cps[k]!)) take = 1;
        else {
          // Where the next glyph's characters begin: its first code point, or the first
          // character it is the glyph of.
          const next = glyphs[i + 1];
          let at = -1;
          if (next) {
            for (let m = k + 1; m < cps.length && at < 0; m++) {
              if (next.codePoints.length ? next.codePoints[0] === cps[m] : this.glyphId(cps[m]!) === next.id) at = m;
            }
          }
          take = at > k ? at - k : next ? 1 : cps.length - k;
        }
      }
      take = Math.min(take, cps.length - k);
      counts[i] = take;
      k += take;
    }
    if (k < cps.length && glyphs.length) counts[glyphs.length - 1]! += cps.length - k;
    // Code points → UTF-16 units.
    let j = 0;
    return counts.map((n) => {
      let units = 0;
      for (let e = j + n; j < e; j++) units += cps[j]! > 0xffff ? 2 : 1;
      return units;
    });
  }

  /**
   * Shapes one character, cached by code point (no string keys on the hot path): Han and
   * CJK punctuation need no context beyond the language's `locl`.
   */
  shapeChar(cp: number, fkey: string, features: Readonly<Record<string, boolean>>, script: string, language: string): ShapedGlyph[] {
    const k = `${fkey}|${script}|${language}`;
    let m = this.byCodePoint.get(k);
    if (!m) {
      m = new Map();
      this.byCodePoint.set(k, m);
    }
    let hit = m.get(cp);
    if (!hit) {
      hit = this.shapeKeyed(String.fromCodePoint(cp), fkey, features, script, language);
      m.set(cp, hit);
    }
    return hit;
  }

  /**
   * Where the blank of a full-width punctuation mark lies, read from the font's `halt`
   * positioning (a halved mark shifted left had its blank on the left). Null when the face
   * has no `halt` or the mark is not full-width here; the composer then uses its table.
   */
  punctBlanks(cp: number): PunctBlanks | null {
    let b = this.blanks.get(cp);
    if (b !== undefined) return b;
    b = null;
    const id = this.glyphId(cp);
    if (id !== 0 && this.halt && Math.abs(this.advance(id) - this.unitsPerEm) < this.unitsPerEm * 0.02) {
      const run = this.font.layout(String.fromCodePoint(cp), ['halt']);
      const pos = run.positions[0];
      if (pos && run.glyphs.length === 1 && pos.xAdvance < this.unitsPerEm * 0.95) {
        const removed = this.unitsPerEm - pos.xAdvance;
        const left = Math.min(removed, Math.max(0, -pos.xOffset));
        b = { left, right: removed - left };
      }
    }
    this.blanks.set(cp, b);
    return b;
  }

  /** Outline of a glyph as SVG path data in font units (y up, as in the font). Cached. */
  glyphPath(glyphId: number): string {
    let d = this.paths.get(glyphId);
    if (d === undefined) {
      d = this.font.getGlyph(glyphId).path.toSVG();
      this.paths.set(glyphId, d);
    }
    return d;
  }

  /** Weight and italic flag from the OS/2 table (400/normal when absent). */
  static weightAndStyle(font: Font): { weight: number; style: 'normal' | 'italic' } {
    const os2 = (font as unknown as { 'OS/2'?: OS2 })['OS/2'];
    const weight = os2?.usWeightClass && os2.usWeightClass >= 1 && os2.usWeightClass <= 1000 ? os2.usWeightClass : 400;
    const italic = Boolean(os2?.fsSelection?.italic) || (font.italicAngle ?? 0) !== 0;
    return { weight, style: italic ? 'italic' : 'normal' };
  }
}

/** A canonical string for a feature set, for cache keys. */
export function featureKey(features: Readonly<Record<string, boolean>>): string {
  return Object.keys(features)
    .sort()
    .map((k) => (features[k] ? k : `-${k}`))
    .join(',');
}
