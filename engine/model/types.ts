/** Types of the document records, inferred from the schemas (the parsed form: lengths in pt). */
import type { z } from 'zod';
import type * as S from './schema';

export type IssueDocument = z.output<typeof S.IssueDocument>;
export type IssueInfo = z.output<typeof S.Issue>;
export type Template = z.output<typeof S.Template>;
export type TemplateFile = z.output<typeof S.TemplateFile>;
export type Grid = z.output<typeof S.Grid>;
export type FolioField = z.output<typeof S.FolioField>;
export type Page = z.output<typeof S.Page>;
export type Frame = z.output<typeof S.Frame>;
export type TextFrame = z.output<typeof S.TextFrame>;
export type ImageFrame = z.output<typeof S.ImageFrame>;
export type RuleFrame = z.output<typeof S.RuleFrame>;
export type BoxFrame = z.output<typeof S.BoxFrame>;
export type HeadlineFrame = z.output<typeof S.HeadlineFrame>;
export type FrameKind = Frame['kind'];
export type Story = z.output<typeof S.Story>;
export type Paragraph = z.output<typeof S.Paragraph>;
export type Run = z.output<typeof S.Run>;
export type Article = z.output<typeof S.Article>;
export type ParagraphStyle = z.output<typeof S.ParagraphStyle>;
export type CharacterStyle = z.output<typeof S.CharacterStyle>;
export type Swatch = z.output<typeof S.Swatch>;
export type FontSpec = z.output<typeof S.FontSpec>;
export type Alignment = z.output<typeof S.Alignment>;
export type BreakRules = z.output<typeof S.BreakRules>;
export type PunctuationPreset = z.output<typeof S.PunctuationPreset>;
export type Insets = z.output<typeof S.Insets>;
export type Cmyk = z.output<typeof S.Cmyk>;
/** The file's JSON shape before parsing (lengths may still carry units). */
export type IssueDocumentInput = z.input<typeof S.IssueDocument>;
