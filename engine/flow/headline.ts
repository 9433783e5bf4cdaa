/**
 * Headline blocks (标题): an article's kicker (引题), title (主题), subhead (副题) and deck
 * (提要) stacked in a headline frame, each part in its own style. The block occupies whole
 * grid lines (clreq: 单行标题占三行): a one-line title takes `linesPerLine` grid lines, each
 * further title line as many grid lines as its leading needs, and the other parts as many
 * grid lines as their lines need. Each part is centred vertically in its band of grid lines.
 */
import { EPS, snapDown, type PageGrid } from './geometry';
import type { Article, HeadlineFrame } from '../model/types';
import type { FlowLine, FlowMissing, PreparedParagraph, Typesetter } from './typesetter';

/** A set headline line, in page points. */
export interface HeadlineLine {
  part: 'kicker' | 'title' | 'subhead' | 'deck';
  prepared: PreparedParagraph;
  line: FlowLine;
  x: number;
  baseline: number;
}

/** A headline frame laid out. */
export interface HeadlineBlock {
  lines: HeadlineLine[];
  /** Grid lines the block occupies. */
  gridLines: number;
  missing: FlowMissing[];
  /** The block is taller than its frame (reported as a warning). */
  overflows: boolean;
}

const PARTS = ['kicker', 'title', 'subhead', 'deck'] as const;

/** Lays out the headline block of `article` in frame `f`. */
export function layoutHeadline(f: HeadlineFrame, article: Article | undefined, grid: PageGrid, ts: Typesetter): HeadlineBlock {
  const h = article?.headline;
  if (!h) return { lines: [], gridLines: 0, missing: [], overflows: false };
  const bands: { part: (typeof PARTS)[number]; prepared: PreparedParagraph; lines: FlowLine[]; grid: number }[] = [];
  const missing: FlowMissing[] = [];
  for (const part of PARTS) {
    const hp = h[part];
    if (!hp) continue;
    const prepared = ts.generated(hp.text, hp.style);
    const composed = ts.compose(prepared, f.width, 0);
    missing.push(...composed.missing);
    const n = Math.max(1, composed.lines.length);
    const leading = prepared.metrics.leading;
    const perLine = Math.max(1, Math.ceil(leading / grid.pitch - EPS));
    const natural = Math.ceil(((n - 1) * leading + prepared.metrics.ascent + prepared.metrics.descent) / grid.pitch - EPS);
    const g = part === 'title' ? Math.max(h.linesPerLine + (n - 1) * perLine, natural) : Math.max(natural, 1);
    bands.push({ part, prepared, lines: composed.lines, grid: g });
  }
  const total = bands.reduce((s, b) => s + b.grid, 0);
  // The block starts on a grid cell: the first cell whose top is inside the frame.
  const firstCellTop = snapDown(grid, f.y + grid.cellAscent) - grid.cellAscent;
  // The last grid line needs only its em box, not the line gap under it: ten lines take
  // nine pitches plus one em.
  const gap = grid.pitch - grid.cellAscent - grid.cellDescent;
  const cellsInFrame = Math.floor((f.y + f.height - firstCellTop + gap + EPS) / grid.pitch);
  const free = Math.max(0, cellsInFrame - total);
  const skip = f.valign === 'top' ? 0 : f.valign === 'bottom' ? free : Math.floor(free / 2);
  let top = firstCellTop + skip * grid.pitch;
  const lines: HeadlineLine[] = [];
  for (const b of bands) {
    const m = b.prepared.metrics;
    const height = b.grid * grid.pitch;
    // Centre in the band less the gap under its last grid line, so a body-sized part sits on the grid.
    const band = height - (grid.pitch - grid.cellAscent - grid.cellDescent);
    const blockH = (b.lines.length - 1) * m.leading + m.ascent + m.descent;
    let baseline = top + (band - blockH) / 2 + m.ascent;
    for (const line of b.lines) {
      lines.push({ part: b.part, prepared: b.prepared, line, x: f.x, baseline });
      baseline += m.leading;
    }
    top += height;
  }
  return { lines, gridLines: total, missing, overflows: total > cellsInFrame };
}
