/** The composer's contract (engine/DESIGN.md §Contract: the composer). */
import type { FontBook } from '../fonts/font-book';
import type { SwatchId } from '../model/ids';
import type { Cmyk } from '../model/types';
import type { PlacedGlyph } from '../display/types';
import type { ResolvedParagraphStyle, StyledSpan } from '../style/types';

export type { StyledSpan, ResolvedParagraphStyle };

/** One paragraph to compose. */
export interface ComposeRequest {
  /** Paragraph text, no paragraph separator. */
  text: string;
  /** Cover [0, text.length) in order. */
  spans: StyledSpan[];
  style: ResolvedParagraphStyle;
  /** Measure per line in pt (before the paragraph's left/right indents). */
  width: number | ((line: number) => number);
  /** Continue composing at this text offset (no first-line indent, no drop cap). */
  from?: number;
}

/** What the composer needs from its host. */
export interface TextEnv {
  fonts: FontBook;
  /** Families tried, in order, for a character the span's faces lack (the bundled faces). */
  fallbackFamilies?: readonly string[];
}

/** A run of glyphs sharing face, size and paint, positioned relative to the line's baseline. */
export interface LineRun {
  face: string;
  size: number;
  color?: SwatchId;
  /** CMYK of the colour (so the display list needs no swatch lookup). */
  cmyk: Cmyk;
  overprint: boolean;
  /** x from the column's left edge; y from the line's baseline (down positive). */
  glyphs: PlacedGlyph[];
}

/** One composed line. */
export interface ComposedLine {
  /** [start, end) in req.text. */
  start: number;
  end: number;
  /** Left of the line's first glyph, relative to the column's left edge. */
  x: number;
  /** Set width after justification: from x to the end of the last glyph's advance. */
  width: number;
  /** How far this line's measure starts right of the left indent: first-line indent or drop-cap narrowing. */
  indent: number;
  /** The measure this line was set to (after indents), pt. */
  measure: number;
  /** pt, both positive. */
  ascent: number;
  descent: number;
  /** Baseline-to-baseline distance the style asks for. */
  leading: number;
  /** The line ends at a hyphenation point and shows a hyphen. */
  hyphen: boolean;
  /** The paragraph's last line. */
  last: boolean;
  runs: LineRun[];
}

/** A character no face in the chain has (drawn as .notdef, and reported). */
export interface MissingChar {
  /** Story offset; -1 if generated text. */
  offset: number;
  char: string;
}

/** The composer's answer. */
export interface ComposedParagraph {
  lines: ComposedLine[];
  missing: MissingChar[];
  /** Keep-with-next / keep-together flags from the style, passed through for the flow. */
  keepWithNext: boolean;
  keepTogether: boolean;
}
