/**
 * What the flow needs from paragraph composition, as one injected interface (the anchors'
 * "engines passed in"): the real one wraps engine/style + engine/text (flow/text-typesetter.ts);
 * tests can pass a fixed-pitch one. The flow itself never measures a glyph.
 */
import type { FrameId, ParagraphStyleId, StoryId, SwatchId } from '../model/ids';
import type { FontSpec } from '../model/types';

/** A glyph as the composer places it (mirrors engine/text's PlacedGlyph). */
export interface FlowGlyph {
  id: number;
  x: number;
  y: number;
  advance: number;
  text: string;
  offset: number;
}

/** A run of one face/size/colour inside a composed line; glyphs relative to (column left, baseline). */
export interface FlowRun {
  face: string;
  size: number;
  color?: SwatchId;
  overprint: boolean;
  glyphs: FlowGlyph[];
}

/** A composed line (the composer's ComposedLine contract, engine/DESIGN.md). */
export interface FlowLine {
  start: number;
  end: number;
  x: number;
  width: number;
  ascent: number;
  descent: number;
  leading: number;
  hyphen: boolean;
  last: boolean;
  runs: FlowRun[];
}

/** A character no face could draw. offset -1 for generated text. */
export interface FlowMissing {
  offset: number;
  char: string;
}

/** The composer's result for one paragraph (or its remainder from `from`). */
export interface FlowComposed {
  lines: FlowLine[];
  missing: FlowMissing[];
  /**
   * The story offset the glyphs' and missing characters' offsets count from, when it is not the
   * paragraph's own: a paragraph that moved in its story (text typed before it) shares the
   * composition made at offset 0 instead of copying it with every offset moved.
   */
  origin?: number;
}

/** The paragraph properties the flow acts on (from the resolved paragraph style). */
export interface ParaMetrics {
  size: number;
  /** Baseline-to-baseline distance. */
  leading: number;
  /** Space above and below the line's baseline used to fit it in a frame. */
  ascent: number;
  descent: number;
  spaceBefore: number;
  spaceAfter: number;
  keepWithNext: boolean;
  keepTogether: boolean;
  orphans: number;
  widows: number;
  gridAlign: boolean;
}

/** A paragraph ready to compose: its text, where each character comes from, and its metrics. */
export interface PreparedParagraph {
  /** Fingerprint of everything that affects composition (text, runs, styles): the cache key. */
  key: string;
  text: string;
  /**
   * Story offset of each UTF-16 unit of `text`, or -1 for generated text (an inline
   * byline, a jump line). Length = text.length.
   */
  offsets: Int32Array;
  metrics: ParaMetrics;
  /** Typesetter-private data (resolved style, spans). */
  data: unknown;
}

/** Overrides for generated lines (folios set their own face and size). */
export interface GeneratedOptions {
  font?: FontSpec;
  size?: number;
  align?: 'left' | 'right' | 'center' | 'justify';
  /** Character style for the whole text (bylines). */
  charStyle?: string;
}

/** Paragraph preparation and composition, injected into the flow. */
export interface Typesetter {
  /**
   * Prepares paragraph `index` of a story whose first character has story offset
   * `storyOffset`. `prefix`: generated text set before it (an inline byline).
   */
  prepare(story: { id: StoryId; paragraphs: readonly { style: ParagraphStyleId; runs: readonly { text: string; style?: string }[] }[] }, index: number, storyOffset: number, prefix?: { text: string; charStyle?: string }): PreparedParagraph;
  /** Prepares generated text (headline part, jump line, folio, byline, credit) in a paragraph style. */
  generated(text: string, style: ParagraphStyleId | undefined, options?: GeneratedOptions): PreparedParagraph;
  /**
   * Composes from text offset `from` to the end: one measure, or a measure per line (beside
   * a wrap exclusion). Pass a number whenever the measure is constant: a per-line measure
   * makes total-fit breaking track every line number separately, which is far slower.
   */
  compose(p: PreparedParagraph, width: number | ((line: number) => number), from: number): FlowComposed;
  /** Identity of the fonts/styles behind this typesetter: a cache made with another is not reused. */
  readonly identity: object;
}

/** Where a line's frame sits, for records. */
export type FrameRef = FrameId;
