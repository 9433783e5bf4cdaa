/**
 * The slice of fontkit the engine uses, typed without Node's Buffer: the engine receives font
 * bytes as Uint8Array (fontkit 2 accepts any Uint8Array; Buffer is only what its types say).
 */
import * as fontkit from 'fontkit';
import type { Font, FontCollection, Glyph, GlyphRun } from 'fontkit';

export type { Font, Glyph, GlyphRun };

/** Parses font bytes: a single font or a collection (TTC/OTC). Throws fontkit's own errors. */
export function createFont(bytes: Uint8Array): Font | FontCollection {
  // fontkit's declared parameter type is Node's Buffer; at run time it reads any Uint8Array.
  return fontkit.create(bytes as unknown as Parameters<typeof fontkit.create>[0]);
}

/** Whether a parsed result is a collection of faces. */
export function isCollection(f: Font | FontCollection): f is FontCollection {
  return (f as FontCollection).type === 'TTC' || (f as FontCollection).type === 'DFont';
}
