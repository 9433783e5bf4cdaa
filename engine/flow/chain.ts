/**
 * A story's thread: its text frames in chain order, across columns and pages. Each frame is
 * filled from the cursor the previous one left (the continuation). When the next frame is on
 * another page and text continues, room for a jump-to line is reserved at the foot of the
 * frame and a jump-from line opens the continuation. Frames are cached by their input (start
 * cursor, geometry, jump lines, the paragraphs they read), so an edit re-flows only from the
 * frame holding it (or the one before, whose split paragraph it may change) onwards.
 */
import { EPS, frameColumns, type PageGrid, type Rect } from './geometry';
import { fillFrame, type Cursor, type FrameFill, type Slot } from './fill';
import type { ParaMetrics, PreparedParagraph, Typesetter } from './typesetter';
import type { FrameId, StoryId } from '../model/ids';
import type { TextFrame } from '../model/types';

/** A frame of the chain with the page facts the flow needs. */
export interface ChainFrame {
  frame: TextFrame;
  pageIndex: number;
  grid: PageGrid;
  exclusions: Rect[];
}

/** A jump line the chain asks for; its text is made by the caller from page numbers. */
export interface ChainJump {
  kind: 'to' | 'from';
  frame: FrameId;
  pageIndex: number;
  targetIndex: number;
  /** to: the slot reserved for it. from: set by the fill as the frame's first line. */
  slot: Slot | null;
}

/** One frame's share of the story. */
export interface ChainFrameResult {
  frame: FrameId;
  pageIndex: number;
  fill: FrameFill;
  reused: boolean;
}

/** The result of flowing one story. */
export interface ChainResult {
  story: StoryId;
  frames: ChainFrameResult[];
  end: Cursor;
  jumps: ChainJump[];
}

/** Cached fill of one frame and what it was computed from. */
export interface CachedFill {
  sig: string;
  paraKeys: string[];
  fill: FrameFill;
}

/**
 * The per-frame cache kept between layouts, keyed by frame id and whether a jump-to line was
 * reserved (a frame that jumps is filled both ways: first to learn that text continues).
 */
export type FillCache = Map<string, CachedFill>;

/** What the chain walk needs besides the frames. */
export interface ChainContext {
  ts: Typesetter;
  para: (i: number) => PreparedParagraph | undefined;
  paraCount: number;
  /** Prepared jump-from line naming page `fromIndex`. */
  fromLine: (fromIndex: number) => PreparedParagraph;
  /** Metrics of the jump-line style (to reserve the to-line's room). */
  jumpMetrics: ParaMetrics;
  cache: FillCache;
  /** Counts frames actually laid out (not reused). */
  stats: { framesLaidOut: number; framesReused: number };
}

function geometryKey(cf: ChainFrame): string {
  const f = cf.frame;
  return JSON.stringify([f.x, f.y, f.width, f.height, f.columns, f.gutter, f.insets, f.valign, f.balance, cf.grid, cf.exclusions, cf.pageIndex]);
}

/** Keys of the paragraphs a fill read: from its start to one past its end (keep-with-next looks ahead). */
function readKeys(ctx: ChainContext, start: Cursor, end: Cursor): string[] {
  const keys: string[] = [];
  const last = Math.min(end.para + 1, ctx.paraCount - 1);
  for (let i = start.para; i <= last; i++) keys.push(ctx.para(i)?.key ?? '');
  return keys;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** Fills a frame, or reuses the cached fill when nothing it read has changed. */
function fillCached(ctx: ChainContext, cf: ChainFrame, start: Cursor, fromLine: PreparedParagraph | null, toLine: ParaMetrics | null, run: () => FrameFill): { fill: FrameFill; reused: boolean } {
  const sig = JSON.stringify([geometryKey(cf), start, fromLine?.key ?? null, toLine]);
  const key = `${cf.frame.id}|${toLine ? 'to' : ''}`;
  const hit = ctx.cache.get(key);
  if (hit && hit.sig === sig && sameKeys(hit.paraKeys, readKeys(ctx, start, hit.fill.end))) {
    return { fill: hit.fill, reused: true };
  }
  const fill = run();
  ctx.cache.set(key, { sig, paraKeys: readKeys(ctx, start, fill.end), fill });
  return { fill, reused: false };
}

function done(ctx: ChainContext, c: Cursor): boolean {
  return c.para >= ctx.paraCount;
}

/** Fills one frame with balancing and vertical alignment applied. */
function fillOne(ctx: ChainContext, cf: ChainFrame, start: Cursor, fromLine: PreparedParagraph | null, toLine: ParaMetrics | null): FrameFill {
  const cols = frameColumns(cf.frame, cf.exclusions);
  const base = { cols, grid: cf.grid, para: ctx.para, start, ts: ctx.ts, fromLine, toLine };
  let fill = fillFrame(base);
  if (cf.frame.balance && cols.length > 1 && done(ctx, fill.end) && fill.lines.length) {
    fill = balance(base, fill, cols[0]!.top, cols[0]!.bottom, cf.grid.pitch, ctx);
  }
  return alignVertically(fill, cf);
}

/**
 * Column balancing: the smallest column depth (in whole grid lines) that still holds all
 * the remaining text, found by bisection over fills of the same frame.
 */
function balance(base: Parameters<typeof fillFrame>[0], full: FrameFill, top: number, bottom: number, pitch: number, ctx: ChainContext): FrameFill {
  let lo = 1;
  let hi = Math.max(1, Math.ceil((bottom - top) / pitch));
  let best = full;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const trial = fillFrame({ ...base, limit: top + mid * pitch + EPS });
    if (done(ctx, trial.end)) {
      best = trial;
      hi = mid;
    } else lo = mid + 1;
  }
  return best;
}

/**
 * Vertical alignment by whole grid lines, frame-wide so that columns stay on one grid.
 * Frames with wrap exclusions keep top alignment (moving lines would change their measure).
 */
function alignVertically(fill: FrameFill, cf: ChainFrame): FrameFill {
  const f = cf.frame;
  if (f.valign === 'top' || !fill.lines.length || cf.exclusions.length) return fill;
  const bottom = f.y + f.height - f.insets.bottom;
  const pitch = cf.grid.pitch;
  // The reserved jump-to line counts as text: nothing may be pushed into it.
  const toFoot = fill.toSlot ? fill.toSlot.baseline + cf.grid.cellDescent : -Infinity;
  const foot = Math.max(toFoot, ...fill.lines.map((l) => l.baseline + l.line.descent));
  const free = Math.floor((bottom - foot + EPS) / pitch);
  if (free <= 0) return fill;
  if (f.valign === 'center' || f.valign === 'bottom') {
    const shift = (f.valign === 'center' ? Math.floor(free / 2) : free) * pitch;
    return { ...fill, lines: fill.lines.map((l) => ({ ...l, baseline: l.baseline + shift })), toSlot: fill.toSlot && { ...fill.toSlot, baseline: fill.toSlot.baseline + shift } };
  }
  // justify: spread the free grid lines over the gaps between paragraphs, column by column.
  const lines = fill.lines.map((l) => ({ ...l }));
  let toSlot = fill.toSlot;
  const byCol = new Map<number, typeof lines>();
  for (const l of lines) byCol.set(l.col, [...(byCol.get(l.col) ?? []), l]);
  for (const colLines of byCol.values()) {
    const colFoot = Math.max(fill.toSlot?.col === colLines[0]!.col ? toFoot : -Infinity, ...colLines.map((l) => l.baseline + l.line.descent));
    const colFree = Math.floor((bottom - colFoot + EPS) / pitch);
    const gaps: number[] = [];
    for (let i = 1; i < colLines.length; i++) if (colLines[i]!.para !== colLines[i - 1]!.para) gaps.push(i);
    if (!gaps.length || colFree <= 0) continue;
    let shift = 0;
    let g = 0;
    for (let i = 1; i < colLines.length; i++) {
      if (gaps[g] === i) {
        shift += Math.floor(((g + 1) * colFree) / gaps.length) - Math.floor((g * colFree) / gaps.length);
        g++;
      }
      colLines[i]!.baseline += shift * pitch;
    }
    // The jump-to line stays right under the column's last line.
    if (toSlot && toSlot.col === colLines[0]!.col) toSlot = { ...toSlot, baseline: toSlot.baseline + shift * pitch };
  }
  return { ...fill, lines, toSlot };
}

/** Flows a story through its chain of text frames. */
export function flowChain(story: StoryId, chain: readonly ChainFrame[], ctx: ChainContext): ChainResult {
  const frames: ChainFrameResult[] = [];
  const jumps: ChainJump[] = [];
  let cursor: Cursor = { para: 0, from: 0 };
  // Page of the last frame that received text; a jump-from is pending when we arrive on another page.
  let lastTextPage = -1;
  let pendingTo: ChainJump | null = null;
  for (let i = 0; i < chain.length; i++) {
    const cf = chain[i]!;
    const start = cursor;
    const continuing = !done(ctx, start) && lastTextPage >= 0 && lastTextPage !== cf.pageIndex;
    const fromLine = continuing ? ctx.fromLine(lastTextPage) : null;
    const next = chain[i + 1];
    let { fill, reused } = fillCached(ctx, cf, start, fromLine, null, () => fillOne(ctx, cf, start, fromLine, null));
    // Text continues on another page: set the to-line, refilling with its room reserved.
    if (next && next.pageIndex !== cf.pageIndex && !done(ctx, fill.end) && (fill.lines.length > 0 || fill.fromPlaced)) {
      const first = reused;
      ({ fill, reused } = fillCached(ctx, cf, start, fromLine, ctx.jumpMetrics, () => fillOne(ctx, cf, start, fromLine, ctx.jumpMetrics)));
      reused &&= first;
    }
    // Counted per frame: a frame filled twice (to learn that it jumps) is one frame laid out.
    if (reused) ctx.stats.framesReused++;
    else ctx.stats.framesLaidOut++;
    const gotText = fill.lines.some((l) => l.para >= 0);
    if (fill.fromPlaced && fromLine) {
      jumps.push({ kind: 'from', frame: cf.frame.id, pageIndex: cf.pageIndex, targetIndex: lastTextPage, slot: null });
      if (pendingTo) pendingTo.targetIndex = cf.pageIndex;
      pendingTo = null;
    }
    if (fill.toSlot) {
      pendingTo = { kind: 'to', frame: cf.frame.id, pageIndex: cf.pageIndex, targetIndex: next!.pageIndex, slot: fill.toSlot };
      jumps.push(pendingTo);
    }
    if (gotText) lastTextPage = cf.pageIndex;
    frames.push({ frame: cf.frame.id, pageIndex: cf.pageIndex, fill, reused });
    cursor = fill.end;
  }
  // A to-line whose text never landed anywhere names no page: drop it (the text is overset).
  const placed = jumps.filter((j) => j.kind === 'to' ? jumps.some((k) => k.kind === 'from' && k.pageIndex === j.targetIndex && k.targetIndex === j.pageIndex) : true);
  return { story, frames, end: cursor, jumps: placed };
}
