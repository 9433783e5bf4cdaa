/**
 * Path2D per face and glyph. Outlines come from the same font bytes the PDF embeds
 * (Face.glyphPath, SVG path data in font units, y up); parsing a path is the costly part of
 * painting text, so each glyph is parsed once per face.
 */
export interface GlyphSource {
  unitsPerEm: number;
  glyphPath(glyphId: number): string;
}

/** Caches Path2D objects keyed by face key and glyph id. */
export class GlyphCache {
  private readonly faces = new Map<string, Map<number, Path2D>>();

  /** The outline of `glyphId` in `face` (font units, y up). */
  path(faceKey: string, face: GlyphSource, glyphId: number): Path2D {
    let m = this.faces.get(faceKey);
    if (!m) this.faces.set(faceKey, (m = new Map()));
    let p = m.get(glyphId);
    if (!p) {
      p = new Path2D(face.glyphPath(glyphId));
      m.set(glyphId, p);
    }
    return p;
  }

  /** Number of cached outlines (for the benchmark and tests). */
  get size(): number {
    let n = 0;
    for (const m of this.faces.values()) n += m.size;
    return n;
  }
}
