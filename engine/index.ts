/**
 * The engine's public API: the document model, fonts, styles, the paragraph composer, the
 * page flow (layoutIssue), the display list with hit-testing, and preflight. Hosts (cli/,
 * services/, main/, renderer/, pdf/) may import from here or from a module's own index.
 */
export * from './model';
export { FontBook, Face, FontError, featureKey, type AddFontOptions, type FaceInfo, type ShapedGlyph } from './fonts';
export { resolveStyles, resolveStyleSources, defaultParagraphStyle, languageDefaults, isCjkLang, type StyleSheet, type ResolvedCharAttrs, type ResolvedParagraphStyle, type StyledSpan } from './style';
export { composeParagraph, type ComposeRequest, type ComposedParagraph, type ComposedLine, type LineRun, type MissingChar, type TextEnv } from './text';
export * from './flow';
export type { Paint, PlacedGlyph, GlyphRunItem, ImageItem, RectItem, LineItem, DisplayItem, Guides, PageDisplayList } from './display/types';
export { buildDisplayList, type DisplayInput } from './display/build';
export { hitTest, caretRect, type Hit, type CaretRect } from './display/hittest';
export * as preflight from './preflight';
