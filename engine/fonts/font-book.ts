/**
 * The font book: every face the document may use, loaded from bytes, looked up by family,
 * weight and style. The PDF writer embeds from faceSource(); the screen paints glyphPath().
 */
import { Face, type FaceInfo } from './face';
import { FontError } from './errors';
import { createFont, isCollection, type Font } from './fontkit-api';

interface Entry {
  face: Face;
  bytes: Uint8Array;
}

/** Options for adding a font. */
export interface AddFontOptions {
  /** Extra family names the faces answer to (e.g. "思源宋体" for "Source Han Serif SC"). */
  aliases?: string[];
}

const norm = (family: string): string => family.trim().toLowerCase().replace(/\s+/g, ' ');

/** Faces from bytes; resolution by family/weight/style. */
export class FontBook {
  private readonly entries = new Map<string, Entry>();
  private readonly byFamily = new Map<string, Face[]>();

  /**
   * Adds every face in the bytes (OTF, TTF, TTC/OTC, WOFF, WOFF2). Throws FontError naming
   * the source when the bytes are not a font fontkit can read.
   */
  addFont(bytes: Uint8Array, source: string, options: AddFontOptions = {}): FaceInfo[] {
    if (!(bytes instanceof Uint8Array) || bytes.length < 12) {
      throw new FontError(source, 'not a font file (too short or empty)');
    }
    let parsed;
    try {
      parsed = createFont(bytes);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new FontError(source, `not a font fontkit can read (${why}); supported: OTF, TTF, TTC/OTC, WOFF, WOFF2`);
    }
    const fonts: { font: Font; index?: number }[] = isCollection(parsed)
      ? parsed.fonts.map((font, index) => ({ font, index }))
      : [{ font: parsed }];
    if (fonts.length === 0) throw new FontError(source, 'the font collection holds no faces');
    const added: FaceInfo[] = [];
    for (const { font, index } of fonts) {
      const info = this.describe(font, source, index, options.aliases ?? []);
      const face = new Face(font, info);
      this.entries.set(info.key, { face, bytes });
      for (const name of new Set([info.family, ...info.aliases].map(norm))) {
        const list = this.byFamily.get(name) ?? [];
        list.push(face);
        this.byFamily.set(name, list);
      }
      added.push(info);
    }
    return added;
  }

  private describe(font: Font, source: string, index: number | undefined, aliases: string[]): FaceInfo {
    let postscriptName: string;
    let family: string;
    let subfamily: string;
    let legacyFamily: string;
    let cjk = false;
    try {
      postscriptName = font.postscriptName || `${source}#${index ?? 0}`;
      const names = (font as unknown as { name?: { records?: Record<string, Record<string, string>> } }).name?.records;
      const preferred = names?.preferredFamily?.en;
      legacyFamily = font.familyName || postscriptName;
      family = preferred || legacyFamily;
      subfamily = names?.preferredSubfamily?.en || font.subfamilyName || 'Regular';
      cjk = font.hasGlyphForCodePoint(0x4e2d) && font.hasGlyphForCodePoint(0x3002);
      void font.unitsPerEm;
    } catch (e) {
      throw new FontError(source, `corrupt font tables (${e instanceof Error ? e.message : String(e)})`);
    }
    if (!Number.isFinite(font.unitsPerEm) || font.unitsPerEm <= 0) {
      throw new FontError(source, 'corrupt font: unitsPerEm is missing or zero');
    }
    let key = postscriptName;
    for (let n = 2; this.entries.has(key); n++) key = `${postscriptName}#${n}`;
    const { weight, style } = Face.weightAndStyle(font);
    const allAliases = [...new Set([legacyFamily, ...aliases].filter((a) => a !== family))];
    return { key, postscriptName, family, aliases: allAliases, subfamily, weight, style, source, cjk, ...(index === undefined ? {} : { collectionIndex: index }) };
  }

  /**
   * The face of a family nearest to the weight (CSS rule: exact, then the nearer side as
   * CSS font-weight matching orders it) and style (falls back to the other style).
   */
  resolve(family: string, weight = 400, style: 'normal' | 'italic' = 'normal'): Face | undefined {
    const faces = this.byFamily.get(norm(family));
    if (!faces || faces.length === 0) return undefined;
    const sameStyle = faces.filter((f) => f.info.style === style);
    const pool = sameStyle.length > 0 ? sameStyle : faces;
    let best: Face | undefined;
    let bestScore = Infinity;
    for (const f of pool) {
      const w = f.info.weight;
      // CSS: for 400 try 500 then lighter then heavier; lighter-first below 400, heavier-first above 500.
      let score = Math.abs(w - weight);
      if (weight <= 500 && w > weight && !(weight >= 400 && w <= 500)) score += 1000;
      if (weight > 500 && w < weight) score += 1000;
      if (score < bestScore) {
        bestScore = score;
        best = f;
      }
    }
    return best;
  }

  /** A face by key; throws FontError when the key is unknown. */
  face(key: string): Face {
    const e = this.entries.get(key);
    if (!e) throw new FontError(key, 'no such face in the font book');
    return e.face;
  }

  /** A face by key, or undefined. */
  tryFace(key: string): Face | undefined {
    return this.entries.get(key)?.face;
  }

  /** Every face, in the order added. */
  faces(): FaceInfo[] {
    return [...this.entries.values()].map((e) => e.face.info);
  }

  /** Family names known to the book (as the fonts name them). */
  families(): string[] {
    return [...new Set([...this.entries.values()].map((e) => e.face.info.family))];
  }

  /** The bytes a face came from, for embedding (a collection's bytes plus the face's index). */
  faceSource(key: string): { bytes: Uint8Array; postscriptName: string; collectionIndex?: number } {
    const e = this.entries.get(key);
    if (!e) throw new FontError(key, 'no such face in the font book');
    const out: { bytes: Uint8Array; postscriptName: string; collectionIndex?: number } = {
      bytes: e.bytes,
      postscriptName: e.face.info.postscriptName,
    };
    if (e.face.info.collectionIndex !== undefined) out.collectionIndex = e.face.info.collectionIndex;
    return out;
  }
}
