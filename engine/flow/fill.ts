/**
 * Filling one text frame's columns from a story cursor: the region step of the flow (Typst's
 * regions + continuation). Lines sit on grid baselines so they align across columns; wrap
 * exclusions narrow a line (or skip a grid line) without moving the grid. Paragraphs split
 * across columns with orphans/widows, keep-with-next and keep-together honoured, and space
 * before a paragraph is dropped at a column head. Pure: the same input gives the same output.
 */
import { EPS, freeSpan, snapDown, type ColumnRegion, type PageGrid } from './geometry';
import type { FlowComposed, FlowLine, FlowMissing, ParaMetrics, PreparedParagraph, Typesetter } from './typesetter';

/** Where a story's flow stands: paragraph index and text offset inside the prepared paragraph. */
export interface Cursor {
  para: number;
  from: number;
}

/** A line placed in a frame. `para` -1: the jump-from line. */
export interface PlacedLine {
  col: number;
  para: number;
  line: FlowLine;
  /** Page x of the line's origin (column left + wrap offset) and its baseline. */
  x: number;
  baseline: number;
  /** The measure the line was set to. */
  measure: number;
  /** Story offset of the paragraph's first character when it was composed (to rebase reused lines). */
  paraStart: number;
}

/** Where a jump-to line goes: a grid line after the text of the frame's last column. */
export interface Slot {
  col: number;
  x: number;
  baseline: number;
  width: number;
}

/** The result of filling one frame. */
export interface FrameFill {
  lines: PlacedLine[];
  end: Cursor;
  missing: FlowMissing[];
  /** Whether the pending jump-from line was placed in this frame. */
  fromPlaced: boolean;
  /** Where the jump-to line goes, when one was reserved. */
  toSlot: Slot | null;
}

/** Everything fillFrame reads. */
export interface FillInput {
  cols: ColumnRegion[];
  grid: PageGrid;
  para: (i: number) => PreparedParagraph | undefined;
  start: Cursor;
  ts: Typesetter;
  /** A jump-from line to set first, followed by at least one line of text. */
  fromLine?: PreparedParagraph | null;
  /** Reserve a jump-to line of these metrics at the foot of the last column. */
  toLine?: ParaMetrics | null;
  /** Column balancing: no line's foot below this y. */
  limit?: number;
}

/** Minimum measure for a line beside an exclusion; narrower gaps are skipped. */
function minMeasure(m: ParaMetrics): number {
  return m.size * 2;
}

interface ColumnState {
  col: ColumnRegion;
  bottom: number;
  prev: number | null;
  prevSpaceAfter: number;
}

/** The baseline and free span of the next line for a paragraph, or null when the column is full. */
function nextSlot(s: ColumnState, grid: PageGrid, m: ParaMetrics, firstOfPara: boolean): { baseline: number; offset: number; width: number } | null {
  let b: number;
  if (s.prev === null) {
    b = s.col.top + (m.gridAlign ? Math.max(m.ascent, grid.cellAscent) : m.ascent);
  } else {
    b = s.prev + m.leading + (firstOfPara ? s.prevSpaceAfter + m.spaceBefore : 0);
  }
  if (m.gridAlign) b = snapDown(grid, b);
  const step = m.gridAlign ? Math.max(grid.pitch, grid.pitch * Math.ceil(m.leading / grid.pitch - EPS)) : m.leading;
  for (let guard = 0; guard < 10000; guard++) {
    if (b + m.descent > s.bottom + EPS) return null;
    const span = freeSpan(s.col, b - m.ascent, b + m.descent);
    if (span.width >= Math.min(minMeasure(m), s.col.width) - EPS) return { baseline: b, ...span };
    b += step;
  }
  return null;
}

/** Slots for the lines of one paragraph segment in a column, generated as the composer asks. */
class SlotList {
  readonly slots: { baseline: number; offset: number; width: number }[] = [];
  private done = false;
  constructor(
    private readonly s: ColumnState,
    private readonly grid: PageGrid,
    private readonly m: ParaMetrics,
  ) {}
  get(i: number): { baseline: number; offset: number; width: number } | undefined {
    while (!this.done && this.slots.length <= i) {
      const probe: ColumnState = { ...this.s, prev: this.slots.length ? this.slots[this.slots.length - 1]!.baseline : this.s.prev };
      const slot = nextSlot(probe, this.grid, this.m, this.slots.length === 0);
      if (slot) this.slots.push(slot);
      else this.done = true;
    }
    return this.slots[i];
  }
  width(i: number): number {
    return (this.get(i) ?? this.slots[this.slots.length - 1] ?? { width: this.s.col.width }).width;
  }
}

/**
 * Composes beside exclusions as runs of constant measure: each run of slots with one width
 * is composed with that width, continuing from where the previous run stopped. Total-fit
 * breaking with a per-line measure must track every line number separately (far slower);
 * runs keep it to one composition per change of measure.
 */
function composeInSlots(ts: Typesetter, p: PreparedParagraph, slots: SlotList, from: number): FlowComposed {
  const lines: FlowLine[] = [];
  const missing = new Map<string, FlowMissing>();
  let origin: number | undefined;
  let pos = from;
  for (let guard = 0; guard < 10000 && pos < p.text.length; guard++) {
    const i = lines.length;
    const w = slots.width(i);
    let j = i + 1;
    while (slots.get(j) && Math.abs(slots.width(j) - w) < EPS) j++;
    const runEnd = slots.get(j) ? j : Infinity;
    const part = ts.compose(p, w, pos);
    origin = part.origin;
    for (const m of part.missing) missing.set(`${m.offset}:${m.char}`, m);
    const take = Math.min(part.lines.length, runEnd - i);
    for (let k = 0; k < take; k++) lines.push(part.lines[k]!);
    if (take >= part.lines.length) break;
    pos = part.lines[take]!.start;
  }
  return { lines, missing: [...missing.values()], ...(origin !== undefined ? { origin } : {}) };
}

/** How many of a paragraph's N lines to set when only n fit (orphans, widows, keeps). 0 = move on. */
function linesToPlace(n: number, N: number, m: ParaMetrics, atParaStart: boolean, atHead: boolean): number {
  if (n >= N) return N;
  if (atHead) {
    // At a column head nothing is gained by moving on: set what fits (widows if possible).
    const w = N - n < m.widows ? N - m.widows : n;
    return w >= 1 ? w : n;
  }
  if (m.keepTogether) return 0;
  let k = n;
  if (N - k < m.widows) k = N - m.widows;
  if (atParaStart && k < m.orphans) return 0;
  return Math.max(0, k);
}

/** Fills the columns of one frame; see FillInput. */
export function fillFrame(input: FillInput): FrameFill {
  const { cols, grid, ts } = input;
  const lines: PlacedLine[] = [];
  const missing: FlowMissing[] = [];
  let cursor = { ...input.start };
  let fromPending = input.fromLine ?? null;
  let fromPlaced = false;
  const colStates: ColumnState[] = [];

  for (let c = 0; c < cols.length; c++) {
    const col = cols[c]!;
    let bottom = Math.min(col.bottom, input.limit ?? Infinity);
    if (input.toLine && c === cols.length - 1) bottom -= reserveHeight(input.toLine, grid);
    const s: ColumnState = { col, bottom, prev: null, prevSpaceAfter: 0 };
    colStates.push(s);

    for (let guard = 0; guard < 100000; guard++) {
      const p = fromPending ?? input.para(cursor.para);
      if (!p) break;
      const m = p.metrics;
      const from = fromPending ? 0 : cursor.from;
      const atHead = s.prev === null;
      const slots = new SlotList(s, grid, m);
      const composed = col.exclusions.length ? composeInSlots(ts, p, slots, from) : ts.compose(p, col.width, from);
      const N = composed.lines.length;
      if (N === 0) {
        // An empty paragraph: nothing to set, move on.
        if (fromPending) fromPending = null;
        else cursor = { para: cursor.para + 1, from: 0 };
        continue;
      }
      let fit = 0;
      while (fit < N && slots.get(fit)) fit++;
      let k = linesToPlace(fit, N, m, from === 0, atHead);
      if (fromPending) {
        // The from-line must be whole and followed by at least one line of text.
        const next = input.para(cursor.para);
        const followed = k === N && next ? followerFits(s, slots, N, grid, next.metrics) : k === N;
        if (!followed) break;
      } else if (k === N && m.keepWithNext && !atHead) {
        const next = input.para(cursor.para + 1);
        if (next && !followerFits(s, slots, N, grid, next.metrics)) k = 0;
      }
      if (k === 0) break;
      // The offset the composition counts from (its lines are rebased when recorded).
      const own = p.offsets.length ? firstSource(p.offsets) : 0;
      const paraStart = composed.origin ?? own;
      for (let i = 0; i < k; i++) {
        const slot = slots.get(i)!;
        lines.push({
          col: c,
          para: fromPending ? -1 : cursor.para,
          line: composed.lines[i]!,
          x: col.x + slot.offset,
          baseline: slot.baseline,
          measure: slot.width,
          paraStart,
        });
      }
      for (const mc of composed.missing) missing.push(mc.offset >= 0 && paraStart !== own ? { ...mc, offset: mc.offset + own - paraStart } : mc);
      s.prev = slots.get(k - 1)!.baseline;
      if (fromPending) {
        fromPending = null;
        fromPlaced = true;
        s.prevSpaceAfter = 0;
        continue;
      }
      if (k === N) {
        cursor = { para: cursor.para + 1, from: 0 };
        s.prevSpaceAfter = m.spaceAfter;
        continue;
      }
      cursor = { para: cursor.para, from: composed.lines[k]!.start };
      break;
    }
  }

  let toSlot: Slot | null = null;
  if (input.toLine) toSlot = placeToSlot(cols, colStates, lines, grid, input.toLine);
  return { lines, end: cursor, missing, fromPlaced, toSlot };
}

/** Height taken from the last column to keep room for the jump-to line. */
function reserveHeight(m: ParaMetrics, grid: PageGrid): number {
  return m.gridAlign ? grid.pitch * Math.max(1, Math.ceil(m.leading / grid.pitch - EPS)) : m.leading;
}

/** Whether the first line of the following paragraph fits after `N` lines of this one. */
function followerFits(s: ColumnState, slots: SlotList, N: number, grid: PageGrid, next: ParaMetrics): boolean {
  const last = slots.get(N - 1);
  if (!last) return false;
  return nextSlot({ ...s, prev: last.baseline, prevSpaceAfter: 0 }, grid, next, true) !== null;
}

function firstSource(offsets: Int32Array): number {
  for (const o of offsets) if (o >= 0) return o;
  return 0;
}

/**
 * The jump-to line sits on the grid line right after the last text line of the frame's last
 * column that holds text (so it stays with the text it continues), in the room reserved at
 * the foot; if that column is full, at the head of the next column.
 */
function placeToSlot(cols: ColumnRegion[], states: ColumnState[], lines: PlacedLine[], grid: PageGrid, m: ParaMetrics): Slot | null {
  let c = cols.length - 1;
  while (c > 0 && !lines.some((l) => l.col === c)) c--;
  for (let k = c; k < cols.length; k++) {
    const st = states[k]!;
    const full: ColumnState = { ...st, bottom: cols[k]!.bottom, prevSpaceAfter: 0 };
    const slot = nextSlot(full, grid, m, true);
    if (slot) return { col: k, x: cols[k]!.x + slot.offset, baseline: slot.baseline, width: slot.width };
  }
  return null;
}
