/** Resolved styles: every attribute filled in, lengths in pt, ready for the composer. */
import type { SwatchId } from '../model/ids';
import type { Alignment, BreakRules, Cmyk, PunctuationPreset } from '../model/types';

/** The composite font of a span: a CJK family and a Latin family; faces are looked up lazily. */
export interface ResolvedFont {
  cjk: string;
  latin: string;
  weight: number;
  style: 'normal' | 'italic';
}

/** Character attributes after the paragraph style, character style and defaults are merged. */
export interface ResolvedCharAttrs {
  font: ResolvedFont;
  /** pt */
  size: number;
  /** Letter-spacing in 1/1000 em. */
  tracking: number;
  /** The swatch the text is painted with; undefined = the default black. */
  color: SwatchId | undefined;
  /** CMYK percentages of that colour. */
  cmyk: Cmyk;
  overprint: boolean;
  /** OpenType features to turn on or off, merged over the language defaults. */
  features: Readonly<Record<string, boolean>>;
  /** BCP 47 language tag. */
  lang: string;
  /** pt, positive raises the text. */
  baselineShift: number;
}

/** A paragraph style with every field resolved (basedOn chain, then language defaults). */
export interface ResolvedParagraphStyle {
  id: string;
  name: string;
  /** The paragraph's own character attributes (spans start from these). */
  chars: ResolvedCharAttrs;
  lang: string;
  /** Baseline-to-baseline distance, pt. */
  leading: number;
  align: Alignment;
  /** First-line indent in em of the paragraph's size. */
  firstLineIndent: number;
  leftIndent: number;
  rightIndent: number;
  spaceBefore: number;
  spaceAfter: number;
  rules: BreakRules;
  punctuation: PunctuationPreset;
  /** Han–Latin/digit gap in em. */
  hanLatinSpacing: number;
  hyphenate: boolean;
  breaking: 'total-fit' | 'greedy';
  keepWithNext: boolean;
  keepTogether: boolean;
  orphans: number;
  widows: number;
  avoidSingleCharLastLine: boolean;
  gridAlign: boolean;
  dropCap: { lines: number; chars: number } | undefined;
}

/** A stretch of a paragraph's text with one set of attributes. */
export interface StyledSpan {
  /** [start, end) in the paragraph text. */
  start: number;
  end: number;
  attrs: ResolvedCharAttrs;
  /** Story offset of the span start; null for generated text (jump lines, folios…). */
  offset: number | null;
  /** Keep the span on one line: no break opportunity inside it (bylines, datelines). */
  noBreak?: boolean;
}
