/**
 * Preflight inputs and outputs. The layout is taken structurally (engine/flow's LaidOutIssue
 * satisfies PreflightLayout), and image facts come from the host: the engine never reads files.
 */
import type { PageDisplayList } from '../display/types';

/** What the host found out about a linked image. */
export type ImageFacts =
  | {
      readable: true;
      widthPx: number;
      heightPx: number;
      colorSpace: 'cmyk' | 'rgb' | 'gray';
      hasAlpha: boolean;
      format: string;
      /** Highest total ink of any pixel, in % (CMYK images, when the host measured it). */
      maxInk?: number;
    }
  | { readable: false; message: string };

/** The names of the rules, stable for tests, JSON output and the editor's filters. */
export type PreflightRule =
  | 'overset'
  | 'missing-glyph'
  | 'image-missing'
  | 'image-resolution'
  | 'rgb'
  | 'transparency'
  | 'ink-coverage'
  | 'black-text'
  | 'min-text-size'
  | 'outside-bleed'
  | 'empty-frame'
  | 'jump-unresolved';

/** One problem. Pages are 1-based numbers in the issue (0 when the problem has no page). */
export interface PreflightFinding {
  rule: PreflightRule;
  severity: 'error' | 'warning';
  page: number;
  frame?: string;
  story?: string;
  message: string;
}

/** Limits; the defaults follow shared/reference/print-pdf.md §1.3 (see DEFAULT_LIMITS). */
export interface PreflightOptions {
  profile: 'pdfx1a' | 'pdfx4';
  /** Warn below this effective resolution (ppi). */
  warnPpi: number;
  /** Error below this effective resolution (ppi). */
  errorPpi: number;
  /** Total area coverage limit, % (sum of C, M, Y, K). */
  inkLimit: number;
  /** Smallest text size, pt. */
  minTextSize: number;
  /** Bleed the export will use (pt); objects beyond it are clipped. */
  bleed?: number;
}

/** A laid-out frame as preflight reads it. */
export interface PreflightFrame {
  id: string;
  kind: string;
  source: string | null;
  role: string;
  story?: string;
  lines: readonly unknown[];
}

/** The parts of engine/flow's LaidOutIssue preflight reads. */
export interface PreflightLayout {
  pages: readonly { id?: string; number: number; label: string; frames: readonly PreflightFrame[]; display: PageDisplayList }[];
  stories: readonly { id: string; overset: number; frames: readonly string[] }[];
  jumps: readonly { story: string; kind: 'to' | 'from'; page: number; target: number; frame: string }[];
  missing: readonly { story: string | null; offset: number; char: string }[];
}
