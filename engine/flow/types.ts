/**
 * The laid-out issue: what layoutIssue() returns and what the display list, hit-testing,
 * the PDF writer, the editor and `broadsheet layout --json` read.
 */
import type { DisplayItem, GlyphRunItem, PageDisplayList } from '../display/types';
import type { FrameId, PageId, StoryId } from '../model/ids';
import type { Typesetter } from './typesetter';

/** What a line is: story text, a caption (also story text), or generated text. */
export type LineRole = 'story' | 'jump' | 'folio' | 'headline' | 'byline' | 'credit';

/** A caret stop: the caret before story offset `offset` sits at page x `x`. */
export interface CaretStop {
  offset: number;
  x: number;
}

/** One set line, in page points; `y` is its baseline. */
export interface LineRecord {
  /** The story the text comes from; null for generated text (jump lines, folios, headlines). */
  story: StoryId | null;
  role: LineRole;
  column: number;
  x: number;
  y: number;
  width: number;
  ascent: number;
  descent: number;
  /** Story offsets [start, end) of the line's source characters; -1 when it has none. */
  start: number;
  end: number;
  /** Exactly the line's source characters (generated text for generated lines). */
  text: string;
  hyphen: boolean;
  /** Caret stops in offset order, including one after the last character. */
  carets: CaretStop[];
  /** The line's glyph runs as painted. */
  runs: GlyphRunItem[];
}

/** A frame as laid out. Jump lines, folios and captions are frames of their own (synthetic ids). */
export interface LaidOutFrame {
  id: string;
  kind: 'text' | 'image' | 'rule' | 'box' | 'headline';
  /** The document frame this belongs to (itself, or the frame a jump line/caption is bound to). */
  source: FrameId | null;
  role: 'frame' | 'jump-to' | 'jump-from' | 'folio' | 'caption' | 'credit';
  story?: StoryId;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Paint order on the page. */
  z: number;
  lines: LineRecord[];
  /** The frame's paint other than text (fill, stroke, rule, picture), painted before its lines. */
  art: DisplayItem[];
}

/** A laid-out page: its display list plus the frames with their line records. */
export interface LaidOutPage {
  id: PageId;
  /** 1-based position in the issue. */
  number: number;
  label: string;
  frames: LaidOutFrame[];
  display: PageDisplayList;
}

/** A jump line: on page `page`, pointing to page `target` (both 1-based numbers). */
export interface JumpRecord {
  story: StoryId;
  kind: 'to' | 'from';
  page: number;
  target: number;
  text: string;
  frame: FrameId;
}

/** How much of a story did not fit. */
export interface StoryRecord {
  id: StoryId;
  /** Source characters (paragraph separators not counted) that did not fit any frame. */
  overset: number;
  /** The story's frames in chain order (for a caption: its image frame). */
  frames: string[];
}

/** A character no face could draw. */
export interface MissingRecord {
  story: StoryId | null;
  offset: number;
  char: string;
}

/** The whole issue laid out. */
export interface LaidOutIssue {
  pages: LaidOutPage[];
  stories: StoryRecord[];
  jumps: JumpRecord[];
  missing: MissingRecord[];
  stats: { framesLaidOut: number; framesReused: number };
  /** Problems that are not errors: a frame too small for any line, an image of unknown size … */
  warnings: string[];
}

/** What layoutIssue needs from its host. */
export interface LayoutEnv {
  /** Paragraph composition (flow/text-typesetter.ts over a FontBook, or a test one). */
  typesetter: Typesetter;
  /** Natural size of a linked image in pt, when the host knows it. */
  imageSize?: (src: string) => { width: number; height: number } | null | undefined;
}
