/**
 * Paint sources for the app: faces from the session's FontBook, images from its ImageStore,
 * one glyph cache shared by the page canvas, the thumbnails and offscreen renders.
 */
import type { FontBook } from '../../engine/fonts';
import type { ImageStore } from '../layout/resources';
import { GlyphCache } from './glyph-cache';
import type { PaintSources } from './paint';

/** Builds paint sources over a font book and an image store. */
export function paintSources(book: FontBook, images: ImageStore, glyphs = new GlyphCache()): PaintSources {
  return {
    glyphs,
    face: (key) => book.tryFace(key),
    image: (src) => images.get(src)?.bitmap,
  };
}
