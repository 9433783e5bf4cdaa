/**
 * A layout result crossing from the worker as what changed since the previous one: pages whose
 * display list the engine kept are named, not sent; a changed page sends its frames, and a
 * changed frame its geometry and only the line records that are new (the others by index into
 * the same frame's previous lines). The editor side rebuilds the pages from its copy of the
 * previous result, so a keystroke moves a few lines across instead of every glyph of the
 * issue, and it records which areas of each page changed (damage), so the canvas repaints only
 * those.
 *
 * Both sides keep the previous result they encoded or decoded; they stay in step because the
 * worker answers every request in order and the editor decodes every answer.
 */
import { displayItems } from '../../engine/display/build';
import type { DisplayItem, PageDisplayList } from '../../engine/display/types';
import { bounds, type Rect } from '../../engine/edit/geometry';
import type { LaidOutFrame, LaidOutIssue, LaidOutPage, LineRecord } from '../../engine/flow/types';

/** A rectangle in page points (the engine's). */
export type { Rect };

type FrameHead = Omit<LaidOutFrame, 'lines' | 'art'>;
/**
 * A line of a changed frame: the previous frame's line `i` itself; that line with its story
 * offsets moved by `shift` (text typed earlier in the story: same glyphs, same place); or new.
 */
type LineDelta = number | { from: number; shift: number } | LineRecord;
/** A frame: the same as before (by id), or its head with its lines. */
type FrameDelta = { same: string } | { head: FrameHead; lines: LineDelta[]; art: DisplayItem[] | null };
type PageDelta = { same: string } | { id: string; number: number; label: string; shell: Omit<PageDisplayList, 'items'>; frames: FrameDelta[] };

/** What the worker sends for one layout. */
export type LayoutDelta =
  | { kind: 'full'; layout: LaidOutIssue }
  | { kind: 'delta'; pages: PageDelta[]; rest: Omit<LaidOutIssue, 'pages'> };

function framesById(layout: LaidOutIssue): Map<string, LaidOutFrame> {
  const m = new Map<string, LaidOutFrame>();
  for (const p of layout.pages) for (const f of p.frames) m.set(f.id, f);
  return m;
}

function sameHead(a: LaidOutFrame, b: LaidOutFrame): boolean {
  return a.id === b.id && a.kind === b.kind && a.source === b.source && a.role === b.role && a.story === b.story && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.z === b.z;
}

function sameFrame(a: LaidOutFrame, b: LaidOutFrame): boolean {
  if (a === b) return true;
  if (!sameHead(a, b) || a.art !== b.art || a.lines.length !== b.lines.length) return false;
  for (let i = 0; i < a.lines.length; i++) if (a.lines[i] !== b.lines[i]) return false;
  return true;
}

function headOf(f: LaidOutFrame): FrameHead {
  const { lines: _lines, art: _art, ...head } = f;
  return head;
}

/** The worker's side: `next` as a delta from `prev` (the result it sent last), or whole. */
export function encodeLayout(prev: LaidOutIssue | undefined, next: LaidOutIssue): LayoutDelta {
  if (!prev) return { kind: 'full', layout: next };
  const oldPages = new Map(prev.pages.map((p) => [p.id as string, p]));
  const oldFrames = framesById(prev);
  const pages = next.pages.map((p): PageDelta => {
    const o = oldPages.get(p.id);
    if (o && o.display === p.display) return { same: p.id };
    const { items: _items, ...shell } = p.display;
    const frames = p.frames.map((f): FrameDelta => {
      const of = oldFrames.get(f.id);
      if (of && sameFrame(of, f)) return { same: f.id };
      return { head: headOf(f), lines: encodeLines(of, f), art: of && of.art === f.art ? null : f.art };
    });
    return { id: p.id, number: p.number, label: p.label, shell, frames };
  });
  const { pages: _pages, ...rest } = next;
  return { kind: 'delta', pages, rest };
}

function encodeLines(of: LaidOutFrame | undefined, f: LaidOutFrame): LineDelta[] {
  if (!of) return f.lines;
  const index = new Map(of.lines.map((l, i) => [l, i]));
  // Lines at the same place in the previous frame, the candidates for a shifted copy.
  const at = new Map(of.lines.map((l, i) => [`${l.x} ${l.y}`, i]));
  return f.lines.map((l): LineDelta => {
    const same = index.get(l);
    if (same !== undefined) return same;
    const i = at.get(`${l.x} ${l.y}`);
    if (i === undefined) return l;
    const o = of.lines[i]!;
    const shift = l.start - o.start;
    return o.start >= 0 && lineShiftedEqual(o, l, shift) ? { from: i, shift } : l;
  });
}

/** The fields the fast comparison below knows; records with others are compared generically. */
const KNOWN = {
  line: ['ascent', 'carets', 'column', 'descent', 'end', 'hyphen', 'role', 'runs', 'start', 'story', 'text', 'width', 'x', 'y'],
  run: ['face', 'frame', 'glyphs', 'overprint', 'paint', 'size', 'source', 'type', 'x', 'y'],
  glyph: ['advance', 'id', 'offset', 'text', 'x', 'y'],
};

/** Whether `o` has exactly these own keys (no allocation: this runs for every line typed past). */
function shaped(o: object, keys: readonly string[]): boolean {
  let n = 0;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) return false;
    n++;
  }
  if (n !== keys.length) return false;
  for (const k of keys) if (!Object.hasOwn(o, k)) return false;
  return true;
}

/**
 * Whether line `b` is line `a` with every story offset (start, end, caret and glyph offsets)
 * moved by `shift` and nothing else different. Only records of the known shape qualify; any
 * other is sent whole (shiftedLine must move exactly the offsets compared here).
 */
function lineShiftedEqual(a: LineRecord, b: LineRecord, shift: number): boolean {
  const run = a.runs[0];
  const glyph = run?.glyphs[0];
  const known = shaped(a, KNOWN.line) && shaped(b, KNOWN.line) && (!run || shaped(run, KNOWN.run)) && (!glyph || shaped(glyph, KNOWN.glyph));
  if (!known) return false;
  const by = (x: number, y: number) => (x < 0 ? y === x : y - x === shift);
  if (a.story !== b.story || a.role !== b.role || a.column !== b.column || a.x !== b.x || a.y !== b.y || a.width !== b.width) return false;
  if (a.ascent !== b.ascent || a.descent !== b.descent || a.text !== b.text || a.hyphen !== b.hyphen || !by(a.start, b.start) || !by(a.end, b.end)) return false;
  if (a.carets.length !== b.carets.length || a.runs.length !== b.runs.length) return false;
  for (let i = 0; i < a.carets.length; i++) if (a.carets[i]!.x !== b.carets[i]!.x || !by(a.carets[i]!.offset, b.carets[i]!.offset)) return false;
  for (let i = 0; i < a.runs.length; i++) {
    const r = a.runs[i]!;
    const q = b.runs[i]!;
    if (r.face !== q.face || r.size !== q.size || r.x !== q.x || r.y !== q.y || r.overprint !== q.overprint || r.frame !== q.frame || r.glyphs.length !== q.glyphs.length) return false;
    if (!shaped(q, KNOWN.run) || !sameValue(r.paint, q.paint) || !sameValue(r.source, q.source)) return false;
    for (let j = 0; j < r.glyphs.length; j++) {
      const g = r.glyphs[j]!;
      const h = q.glyphs[j]!;
      if (g.id !== h.id || g.x !== h.x || g.y !== h.y || g.advance !== h.advance || g.text !== h.text || !by(g.offset, h.offset)) return false;
    }
  }
  return true;
}

/** Deep equality of small plain values (a run's paint and source). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra);
  return ka.length === Object.keys(rb).length && ka.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}

/**
 * A copy of line `l` with every story offset moved by `shift`: the line's start and end, its
 * caret stops' and its glyphs' offsets (-1, generated text, stays). Everything else is the
 * same value (shared, not copied: nothing mutates laid-out records).
 */
function shiftedLine(l: LineRecord, shift: number): LineRecord {
  const by = (o: number) => (o >= 0 ? o + shift : o);
  return {
    ...l,
    start: by(l.start),
    end: by(l.end),
    carets: l.carets.map((c) => ({ ...c, offset: by(c.offset) })),
    runs: l.runs.map((r) => ({ ...r, glyphs: r.glyphs.map((g) => (g.offset >= 0 ? { ...g, offset: g.offset + shift } : g)) })),
  };
}

/** New lines that paint exactly as a line of the previous layout (shifted copies). */
const PAINTS_AS = new WeakMap<LineRecord, LineRecord>();

/** The layout and the previous result disagree (a lost message): lay out afresh. */
export class LayoutDeltaMismatch extends Error {}

/** The editor's side: the whole result, from the previous decoded one and the delta. */
export function decodeLayout(prev: LaidOutIssue | undefined, d: LayoutDelta): LaidOutIssue {
  if (d.kind === 'full') return d.layout;
  if (!prev) throw new LayoutDeltaMismatch('a layout delta arrived without a previous layout');
  const oldPages = new Map(prev.pages.map((p) => [p.id as string, p]));
  const oldFrames = framesById(prev);
  const frame = (id: string): LaidOutFrame => {
    const f = oldFrames.get(id);
    if (!f) throw new LayoutDeltaMismatch(`a layout delta refers to frame ${id}, which the previous layout does not have`);
    return f;
  };
  const pages = d.pages.map((pd): LaidOutPage => {
    if ('same' in pd) {
      const p = oldPages.get(pd.same);
      if (!p) throw new LayoutDeltaMismatch(`a layout delta refers to page ${pd.same}, which the previous layout does not have`);
      return p;
    }
    const frames = pd.frames.map((fd): LaidOutFrame => {
      if ('same' in fd) return frame(fd.same);
      const old = (i: number) => frame(fd.head.id).lines[i] ?? missingLine(fd.head.id, i);
      const lines = fd.lines.map((l) => {
        if (typeof l === 'number') return old(l);
        if (!('from' in l)) return l;
        const o = old(l.from);
        const copy = shiftedLine(o, l.shift);
        PAINTS_AS.set(copy, o);
        return copy;
      });
      return { ...fd.head, lines, art: fd.art ?? frame(fd.head.id).art };
    });
    return { id: pd.id as LaidOutPage['id'], number: pd.number, label: pd.label, frames, display: { ...pd.shell, items: displayItems(frames) } };
  });
  const out: LaidOutIssue = { ...d.rest, pages };
  recordDamage(prev, out);
  return out;
}

function missingLine(frameId: string, i: number): never {
  throw new LayoutDeltaMismatch(`a layout delta refers to line ${i} of frame ${frameId}, which the previous layout does not have`);
}

// ---------------------------------------------------------------------------------------------
// Damage: which areas of a page's display list differ from the list it replaced.

/** Per new display list: the list it replaced and its damage, worked out when first asked for. */
const DAMAGE = new WeakMap<PageDisplayList, { prev: PageDisplayList; rects: () => Rect[] }>();

function lazy(f: () => Rect[]): () => Rect[] {
  let v: Rect[] | undefined;
  return () => (v ??= f());
}

/**
 * Records, for every page of `next` whose display list is new, the areas that differ from the
 * same page's list in `prev` (pages of another size, or new pages, get none: repaint whole).
 * The areas are worked out when the canvas first asks (damageSince): most pages of a result
 * are never painted before the next one replaces them.
 */
export function recordDamage(prev: LaidOutIssue | undefined, next: LaidOutIssue): void {
  if (!prev) return;
  const oldPages = new Map(prev.pages.map((p) => [p.id as string, p]));
  for (const p of next.pages) {
    const o = oldPages.get(p.id);
    if (!o || o.display === p.display) continue;
    if (o.display.width !== p.display.width || o.display.height !== p.display.height || o.display.bleed !== p.display.bleed) continue;
    const before = o.frames;
    const after = p.frames;
    DAMAGE.set(p.display, { prev: o.display, rects: lazy(() => mergeRects(pageDamage(before, after))) });
  }
}

/**
 * The areas that changed between the list `from` (painted earlier) and `to`: the damage of
 * each step between them, or null when `to` does not descend from `from` within `maxSteps`.
 */
export function damageSince(from: PageDisplayList, to: PageDisplayList, maxSteps = 8): Rect[] | null {
  const rects: Rect[] = [];
  let cur = to;
  for (let i = 0; i < maxSteps && cur !== from; i++) {
    const d = DAMAGE.get(cur);
    if (!d) return null;
    rects.push(...d.rects());
    cur = d.prev;
  }
  return cur === from ? mergeRects(rects) : null;
}

function frameBox(f: LaidOutFrame): Rect {
  return { x: f.x, y: f.y, width: f.width, height: f.height };
}

function itemBox(it: DisplayItem): Rect {
  switch (it.type) {
    case 'glyphs':
      return runBox(it);
    case 'image':
      return it.clip;
    case 'rect':
      return { x: it.x - it.strokeWidth, y: it.y - it.strokeWidth, width: it.width + 2 * it.strokeWidth, height: it.height + 2 * it.strokeWidth };
    case 'line': {
      const x = Math.min(it.x1, it.x2) - it.width;
      const y = Math.min(it.y1, it.y2) - it.width;
      return { x, y, width: Math.abs(it.x2 - it.x1) + 2 * it.width, height: Math.abs(it.y2 - it.y1) + 2 * it.width };
    }
  }
}

/** Where a run can paint: the same generous box the painter culls with. */
function runBox(run: Extract<DisplayItem, { type: 'glyphs' }>): Rect {
  const n = run.glyphs.length;
  if (!n) return { x: run.x, y: run.y, width: 0, height: 0 };
  const first = run.glyphs[0]!;
  const last = run.glyphs[n - 1]!;
  const x0 = run.x + Math.min(first.x, last.x) - run.size;
  const x1 = run.x + Math.max(first.x, last.x) + last.advance + run.size;
  return { x: x0, y: run.y - 1.5 * run.size, width: x1 - x0, height: 2.5 * run.size };
}

function lineBox(l: LineRecord): Rect {
  let r: Rect = { x: l.x, y: l.y - l.ascent, width: l.width, height: l.ascent + l.descent };
  for (const run of l.runs) r = union(r, runBox(run));
  return r;
}

function frameAll(f: LaidOutFrame): Rect[] {
  return [frameBox(f), ...f.art.map(itemBox), ...f.lines.map(lineBox)];
}

function pageDamage(before: readonly LaidOutFrame[], after: readonly LaidOutFrame[]): Rect[] {
  const rects: Rect[] = [];
  const old = new Map(before.map((f) => [f.id, f]));
  const seen = new Set<string>();
  for (const f of after) {
    seen.add(f.id);
    const o = old.get(f.id);
    if (!o) {
      rects.push(...frameAll(f));
      continue;
    }
    if (sameFrame(o, f)) continue;
    // Another place or stacking order: everything of the frame, before and after.
    if (!sameHead(o, f)) {
      rects.push(...frameAll(o), ...frameAll(f));
      continue;
    }
    if (o.art !== f.art) rects.push(...o.art.map(itemBox), ...f.art.map(itemBox));
    // A line that paints as one of before (the same object, a copy with moved offsets, or a
    // new record with the same glyphs in the same place) is no damage; every other line is,
    // where it is now and where the old ones were.
    // Lines come column by column, top to bottom: damaged neighbours are joined as they come
    // (a paragraph's lines become one strip), which keeps the final merge small.
    const then = new Set(o.lines);
    const at = new Map(o.lines.map((l) => [`${l.x} ${l.y}`, l]));
    const kept = new Set<LineRecord>();
    const strips: Rect[] = [];
    for (const l of f.lines) {
      const same = PAINTS_AS.get(l) ?? l;
      if (then.has(same)) {
        kept.add(same);
        continue;
      }
      const old = at.get(`${l.x} ${l.y}`);
      if (old && paintsSame(old, l)) kept.add(old);
      else addStrip(strips, lineBox(l));
    }
    const was: Rect[] = [];
    for (const l of o.lines) if (!kept.has(l)) addStrip(was, lineBox(l));
    rects.push(...strips, ...was);
  }
  for (const o of before) if (!seen.has(o.id)) rects.push(...frameAll(o));
  return rects;
}

/** Adds `r` to `strips`, joined to the last one when the two touch. */
function addStrip(strips: Rect[], r: Rect): void {
  const last = strips[strips.length - 1];
  if (last && touches(last, r)) strips[strips.length - 1] = union(last, r);
  else strips.push(r);
}

/** Whether two lines put the same glyphs in the same places with the same paint (offsets aside). */
function paintsSame(a: LineRecord, b: LineRecord): boolean {
  if (a.x !== b.x || a.y !== b.y || a.runs.length !== b.runs.length) return false;
  for (let i = 0; i < a.runs.length; i++) {
    const r = a.runs[i]!;
    const q = b.runs[i]!;
    if (r.face !== q.face || r.size !== q.size || r.x !== q.x || r.y !== q.y || r.overprint !== q.overprint || r.glyphs.length !== q.glyphs.length || !sameValue(r.paint, q.paint)) return false;
    for (let j = 0; j < r.glyphs.length; j++) {
      const g = r.glyphs[j]!;
      const h = q.glyphs[j]!;
      if (g.id !== h.id || g.x !== h.x || g.y !== h.y) return false;
    }
  }
  return true;
}

function union(a: Rect, b: Rect): Rect {
  return bounds([a, b])!;
}

function touches(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** Merges touching rectangles (a changed paragraph's lines become one strip per column). */
export function mergeRects(rects: readonly Rect[]): Rect[] {
  const out: Rect[] = [];
  for (const r of rects) {
    if (!(r.width > 0 && r.height > 0)) continue;
    let cur = r;
    for (let merged = true; merged; ) {
      merged = false;
      for (let i = 0; i < out.length; i++) {
        if (touches(out[i]!, cur)) {
          cur = union(out[i]!, cur);
          out.splice(i, 1);
          merged = true;
          break;
        }
      }
    }
    out.push(cur);
  }
  return out;
}
