/**
 * The display list: what a laid-out page is made of, in paint order. The renderer's canvas
 * and the PDF writer both walk exactly this; neither lays anything out or measures text.
 * Coordinates are points from the trim box's top-left corner, y growing downwards.
 */
import type { FrameId, PageId, StoryId } from '../model/ids';
import type { Cmyk } from '../model/types';

/** A colour as painted: CMYK percentages, optionally a named spot ink with its alternate. */
export interface Paint {
  cmyk: Cmyk;
  /** Spot colours: the ink name; cmyk is then its alternate. */
  spot?: string;
  /** Tint of a spot or process colour, 0–1 (1 = solid). */
  tint?: number;
}

/** One glyph placed by the engine. */
export interface PlacedGlyph {
  /** Glyph id in the face (fontkit's id, the original font's glyph index). */
  id: number;
  /** Pen position of the glyph origin relative to the run origin, in pt. */
  x: number;
  y: number;
  /** Advance the engine gave the glyph (after punctuation compression), in pt. */
  advance: number;
  /** The source text this glyph stands for (a cluster; empty for the later glyphs of a ligature). */
  text: string;
  /** Offset of that text in the story (UTF-16 code units), for hit-testing. -1 for generated text. */
  offset: number;
}

export interface GlyphRunItem {
  type: 'glyphs';
  /** Key of the face in the FontBook (see engine/fonts). */
  face: string;
  size: number;
  /** Run origin: the baseline start, in page points. */
  x: number;
  y: number;
  paint: Paint;
  overprint: boolean;
  glyphs: PlacedGlyph[];
  /** Where the text came from: a story, or generated (jump line, folio, headline, byline). */
  source: { kind: 'story'; story: StoryId } | { kind: 'generated'; role: 'jump' | 'folio' | 'headline' | 'byline' | 'credit' };
  frame?: FrameId;
}

export interface ImageItem {
  type: 'image';
  /** The image link as written in the document (relative to the document's folder). */
  src: string;
  frame: FrameId;
  /** The frame's box: the image is clipped to it. */
  clip: { x: number; y: number; width: number; height: number };
  /** Where the whole image is placed (may extend beyond the clip). */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RectItem {
  type: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: Paint;
  stroke?: Paint;
  strokeWidth: number;
  overprint: boolean;
  frame?: FrameId;
}

export interface LineItem {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  paint: Paint;
  dash?: number[];
  overprint: boolean;
  frame?: FrameId;
}

export type DisplayItem = GlyphRunItem | ImageItem | RectItem | LineItem;

/** Editor-only guides; never printed. */
export interface Guides {
  margins: { x: number; y: number; width: number; height: number };
  columns: { x: number; width: number }[];
  /** Baselines of the page grid, in page points. */
  gridLines: number[];
  bleed: number;
}

export interface PageDisplayList {
  page: PageId;
  number: number;
  label: string;
  width: number;
  height: number;
  bleed: number;
  items: DisplayItem[];
  guides: Guides;
}
