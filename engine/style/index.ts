/** Style resolution: basedOn chains and language defaults → resolved paragraph and character attributes. */
export { resolveStyles, resolveStyleSources, defaultParagraphStyle, isSolidBlack, type StyleSheet, type StyleSources } from './resolve';
export { languageDefaults, isCjkLang, DEFAULT_FAMILIES, type LanguageDefaults } from './defaults';
export type { ResolvedCharAttrs, ResolvedFont, ResolvedParagraphStyle, StyledSpan } from './types';
