/** Flow: document → laid-out pages (frames, columns, chains, jump lines, headlines, captions, folios). */
export { layoutIssue } from './layout-issue';
export { createTextTypesetter, type TextTypesetterOptions } from './text-typesetter';
export { layoutJson, type LayoutJson, type JsonFrame, type JsonLine } from './json';
export { pageTrace, traceDiff } from './trace';
export { chineseNumeral, formatNumber, pageLabel, pageLabels, jumpText, weekday, formatIssueDate } from './labels';
export { folioText } from './folios';
export { pageGrid, typeArea, templateColumns, gridBaselines, type PageGrid, type Rect } from './geometry';
export type { LaidOutIssue, LaidOutPage, LaidOutFrame, LineRecord, LineRole, CaretStop, JumpRecord, StoryRecord, MissingRecord, LayoutEnv } from './types';
export type { Typesetter, PreparedParagraph, ParaMetrics, FlowComposed, FlowLine, FlowRun, FlowGlyph, FlowMissing, GeneratedOptions } from './typesetter';
