/**
 * The paragraph composer. composeParagraph() is the entry point (engine/DESIGN.md); the
 * rest is exported for tests, the CLI and the flow (widow/orphan helpers).
 */
export { composeParagraph } from './compose';
export type { ComposeRequest, ComposedParagraph, ComposedLine, LineRun, MissingChar, TextEnv, StyledSpan, ResolvedParagraphStyle } from './types';
export { allowedSplits, bestSplit } from './keep';
export { kinsoku, notStartSet, notEndSet, isUnbreakablePair, OPENING, CLOSING, PAUSE_STOP, CONNECTORS, INTERPUNCTS, SOLIDUS, DASH_ELLIPSIS, type Kinsoku } from './kinsoku';
export { hyphenationPoints, registerHyphenator, hyphenatorFor, type Hyphenator } from './hyphenate';
export { punctKind, isHan, isCjkPunct, type PunctKind, type CharClass } from './chars';
