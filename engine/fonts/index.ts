/** Fonts: the font book over fontkit (faces from bytes, resolution, metrics and shaping caches). */
export { FontBook, type AddFontOptions } from './font-book';
export { Face, featureKey, type FaceInfo, type ShapedGlyph, type PunctBlanks } from './face';
export { FontError } from './errors';
