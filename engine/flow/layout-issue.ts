/**
 * layoutIssue: document → laid-out pages. The order of work: page facts (labels, grids) →
 * image frames and their captions (captions flow like body text) → wrap exclusions per
 * page → headline blocks → every story through its chain (with jump lines) → folios →
 * the display list of each page. Passing the previous result reuses the fills of frames
 * whose inputs did not change (see chain.ts).
 */
import type { DisplayItem, Paint } from '../display/types';
import { buildDisplayList } from '../display/build';
import type { FrameId, StoryId } from '../model/ids';
import type { Frame, ImageFrame, IssueDocument, Swatch, Template, TextFrame } from '../model/types';
import { flowChain, type ChainFrame, type FillCache } from './chain';
import { fillFrame, type FrameFill, type PlacedLine } from './fill';
import { pageGrid, round, wrapRect, type PageGrid, type Rect } from './geometry';
import { layoutHeadline } from './headline';
import { captionFrame, creditHeight, placeImage } from './image';
import { jumpText, pageLabels } from './labels';
import { folioText } from './folios';
import { memoCompose } from './compose-memo';
import { storyParagraphs, type StoryParagraphs } from './paragraphs';
import { BLACK, lineRecord, paintOf } from './records';
import type { JumpRecord, LaidOutFrame, LaidOutIssue, LaidOutPage, LayoutEnv, LineRecord, MissingRecord, StoryRecord } from './types';
import type { PreparedParagraph } from './typesetter';

interface Cache {
  identity: object;
  fills: FillCache;
}

/** Line records by placed line (placed lines live as long as the fill cache keeps them). */
const RECORDS = new WeakMap<PlacedLine, { prepared: PreparedParagraph; swatches: readonly Swatch[]; frame: string; role: string; rec: LineRecord }>();

const LINE_RECORDS = new WeakMap<PlacedLine['line'], Map<string, { prepared: PreparedParagraph; swatches: readonly Swatch[]; rec: LineRecord }>>();

/** The story line records of a frame fill, with what they were made from. */
const FILL_RECORDS = new WeakMap<FrameFill, { frame: string; story: string; swatches: readonly Swatch[]; prepared: PreparedParagraph[]; recs: LineRecord[] }>();

/** Whether the story lines of `lines` come from exactly the paragraphs `prepared` lists, in order. */
function sameParagraphs(prepared: readonly PreparedParagraph[], lines: readonly PlacedLine[], paras: StoryParagraphs): boolean {
  let k = 0;
  for (const pl of lines) {
    if (pl.para < 0) continue;
    if (k >= prepared.length || prepared[k] !== paras.para(pl.para)) return false;
    k++;
  }
  return k === prepared.length;
}

/** Layout caches, kept beside each result so that a later layout can start from them. */
const CACHES = new WeakMap<LaidOutIssue, Cache>();

interface PageFacts {
  index: number;
  template: Template;
  grid: PageGrid;
  frames: LaidOutFrame[];
  exclusions: { rect: Rect; frame: FrameId }[];
}

/**
 * Lays out a whole issue. `previous`: the last result for this document (same env), whose
 * per-frame fills are reused where nothing they read has changed.
 */
export function layoutIssue(doc: IssueDocument, env: LayoutEnv, previous?: LaidOutIssue): LaidOutIssue {
  const ts = memoCompose(env.typesetter);
  const old = previous ? CACHES.get(previous) : undefined;
  const fills: FillCache = old && old.identity === ts.identity ? new Map(old.fills) : new Map();
  const stats = { framesLaidOut: 0, framesReused: 0 };
  const warnings: string[] = [];
  const missing: MissingRecord[] = [];
  const swatches = new Map(doc.swatches.map((s) => [s.id as string, s]));
  const labels = pageLabels(doc);
  const templates = new Map(doc.templates.map((t) => [t.id as string, t]));
  const pageIndex = new Map(doc.pages.map((p, i) => [p.id as string, i]));
  const pages: PageFacts[] = doc.pages.map((p, i) => {
    const template = templates.get(p.template)!;
    return { index: i, template, grid: pageGrid(template), frames: [], exclusions: [] };
  });
  const frameById = new Map(doc.frames.map((f) => [f.id as string, f]));
  const storyById = new Map(doc.stories.map((s) => [s.id as string, s]));
  const pageOf = (f: Frame): PageFacts => pages[pageIndex.get(f.page)!]!;
  const jumpStyle = doc.issue.jumps.style;
  const jumpMetrics = ts.generated('（', jumpStyle).metrics;
  const storyRecords: StoryRecord[] = [];
  const jumps: JumpRecord[] = [];
  const captionStories = new Set<string>();
  const flowed = new Set<string>();
  const laidById = new Map<string, LaidOutFrame>();
  const articleById = new Map(doc.articles.map((a) => [a.id as string, a]));

  const record = (pl: PlacedLine, p: PreparedParagraph, story: StoryId | null, frame: string, role: LineRecord['role']): LineRecord => {
    // Lines of a reused fill keep their record while nothing it shows has changed.
    const hit = RECORDS.get(pl);
    if (hit && hit.prepared === p && hit.swatches === doc.swatches && hit.frame === frame && hit.role === role) return hit.rec;
    // Generated lines (headlines, folios, jump lines) are placed afresh each time, but their
    // composed line is memoised: keyed by it and the position, their record is reused too.
    const where = `${pl.x}|${pl.baseline}|${pl.col}|${frame}|${role}|${story ?? ''}`;
    let byLine = LINE_RECORDS.get(pl.line);
    const known = byLine?.get(where);
    if (known && known.prepared === p && known.swatches === doc.swatches) return known.rec;
    const rec = lineRecord({ line: pl.line, prepared: p, composedStart: pl.paraStart, x: pl.x, baseline: pl.baseline, column: pl.col, story, role, frame, swatches });
    RECORDS.set(pl, { prepared: p, swatches: doc.swatches, frame, role, rec });
    if (!byLine) LINE_RECORDS.set(pl.line, (byLine = new Map()));
    byLine.set(where, { prepared: p, swatches: doc.swatches, rec });
    return rec;
  };

  /** Flows a story through its chain and files its lines, jump lines and overset. */
  const flowStory = (storyId: StoryId, chainFrames: TextFrame[], synthetic: Map<string, LaidOutFrame>): void => {
    const story = storyById.get(storyId);
    if (!story) return;
    const paras: StoryParagraphs = storyParagraphs(doc, story, ts);
    const chain: ChainFrame[] = chainFrames.map((frame) => {
      const pf = pageOf(frame);
      const exclusions = pf.exclusions.filter((e) => e.frame !== frame.id && !frame.id.startsWith(`${e.frame}~`)).map((e) => e.rect);
      return { frame, pageIndex: pf.index, grid: pf.grid, exclusions };
    });
    const fromLines = new Map<number, PreparedParagraph>();
    const fromLine = (fromIndex: number): PreparedParagraph => {
      let p = fromLines.get(fromIndex);
      if (!p) {
        p = ts.generated(jumpText(doc.issue.jumps.from, doc.issue, fromIndex + 1, labels[fromIndex]!), jumpStyle, { align: 'left' });
        // Never alone at a column head: the from-line keeps with the text it introduces.
        p = keptWithNext(p);
        fromLines.set(fromIndex, p);
      }
      return p;
    };
    const result = flowChain(storyId, chain, { ts, para: paras.para, paraCount: paras.count, fromLine, jumpMetrics, cache: fills, stats });
    for (const fr of result.frames) {
      const laid = synthetic.get(fr.frame) ?? laidById.get(fr.frame);
      if (!laid) continue;
      laid.story = storyId;
      // A reused fill keeps its records while every line's paragraph is the same object:
      // one check per frame and line instead of a record look-up per line.
      const known = FILL_RECORDS.get(fr.fill);
      if (known && known.frame === fr.frame && known.story === storyId && known.swatches === doc.swatches && sameParagraphs(known.prepared, fr.fill.lines, paras)) {
        for (const rec of known.recs) laid.lines.push(rec);
      } else {
        const prepared: PreparedParagraph[] = [];
        const recs: LineRecord[] = [];
        for (const pl of fr.fill.lines) {
          if (pl.para < 0) continue;
          const p = paras.para(pl.para)!;
          // Generated text only ever precedes the story's text, so the last offset tells.
          const isByline = p.offsets.length > 0 && p.offsets[p.offsets.length - 1]! < 0;
          const rec = record(pl, p, storyId, fr.frame, isByline ? 'byline' : 'story');
          prepared.push(p);
          recs.push(rec);
          laid.lines.push(rec);
        }
        FILL_RECORDS.set(fr.fill, { frame: fr.frame, story: storyId, swatches: doc.swatches, prepared, recs });
      }
      for (const mc of fr.fill.missing) missing.push({ story: storyId, offset: mc.offset, char: mc.char });
    }
    for (const j of result.jumps) {
      const pf = pages[j.pageIndex]!;
      const src = laidById.get(j.frame);
      if (!src) continue;
      const text = jumpText(j.kind === 'to' ? doc.issue.jumps.to : doc.issue.jumps.from, doc.issue, j.targetIndex + 1, labels[j.targetIndex]!);
      let lines: LineRecord[] = [];
      if (j.kind === 'from') {
        const fr = result.frames.find((f) => f.frame === j.frame)!;
        lines = fr.fill.lines.filter((l) => l.para < 0).map((pl) => record(pl, fromLine(j.targetIndex), null, `jump:from:${j.frame}`, 'jump'));
      } else if (j.slot) {
        const p = ts.generated(text, jumpStyle, { align: 'right' });
        const composed = ts.compose(p, j.slot.width, 0);
        const pl = { col: j.slot.col, para: -1, x: j.slot.x, baseline: j.slot.baseline, measure: j.slot.width, paraStart: 0 };
        lines = composed.lines.slice(0, 1).map((line) => record({ ...pl, line }, p, null, `jump:to:${j.frame}`, 'jump'));
      }
      const box = linesBox(lines, src);
      pf.frames.push({ id: `jump:${j.kind}:${j.frame}`, kind: 'text', source: j.frame, role: j.kind === 'to' ? 'jump-to' : 'jump-from', x: box.x, y: box.y, width: box.width, height: box.height, z: src.z, lines, art: [] });
      jumps.push({ story: storyId, kind: j.kind, page: j.pageIndex + 1, target: j.targetIndex + 1, text, frame: j.frame });
    }
    storyRecords.push({ id: storyId, overset: paras.oversetFrom(result.end), frames: chainFrames.map((f) => f.id) });
    flowed.add(storyId);
  };

  // Frames as laid out, before any text.
  for (const f of doc.frames) {
    const pf = pageOf(f);
    const laid: LaidOutFrame = { id: f.id, kind: f.kind, source: f.id, role: 'frame', x: f.x, y: f.y, width: f.width, height: f.height, z: f.z, lines: [], art: artOf(f, doc.swatches, swatches, f.kind === 'image' ? placeImage(f, env.imageSize?.(f.src)) : null) };
    pf.frames.push(laid);
    laidById.set(f.id, laid);
  }

  // Image frames: captions flow first, so that the wrap exclusion covers the caption as set.
  const captionBoxes = new Map<string, Rect>();
  for (const f of doc.frames) {
    if (f.kind !== 'image') continue;
    const pf = pageOf(f);
    const creditSize = f.creditStyle ? ts.generated('x', f.creditStyle).metrics.size : 6;
    const creditH = creditHeight(f, creditSize);
    let extent: Rect = { x: f.x, y: f.y, width: f.width, height: f.height + creditH };
    if (f.credit) {
      const p = ts.generated(f.credit, f.creditStyle, { align: 'right', size: creditSize });
      const composed = ts.compose(p, f.width, 0);
      const baseline = f.y + f.height + p.metrics.ascent;
      const lines = composed.lines.slice(0, 1).map((line) => record({ col: 0, para: -1, line, x: f.x, baseline, measure: f.width, paraStart: 0 }, p, null, `credit:${f.id}`, 'credit'));
      pf.frames.push({ id: `credit:${f.id}`, kind: 'text', source: f.id, role: 'credit', x: f.x, y: f.y + f.height, width: f.width, height: creditH, z: f.z, lines, art: [] });
    }
    const cap = f.caption && storyById.has(f.caption.story) ? captionFrame(f, creditH, { top: pf.template.margins.top, bottom: pf.template.trim.height - pf.template.margins.bottom }) : null;
    if (cap && f.caption) {
      captionStories.add(f.caption.story);
      const laid: LaidOutFrame = { id: cap.id, kind: 'text', source: f.id, role: 'caption', x: cap.x, y: cap.y, width: cap.width, height: cap.height, z: f.z, lines: [], art: [] };
      pf.frames.push(laid);
      const story = storyById.get(f.caption.story)!;
      const more = story.frames.map((id) => frameById.get(id)).filter((x): x is TextFrame => x?.kind === 'text');
      flowStory(story.id, [cap, ...more], new Map([[cap.id, laid]]));
      // Above/below: the caption takes only the height its text needs.
      if ((f.caption.placement === 'below' || f.caption.placement === 'above') && laid.lines.length) {
        const top = Math.min(...laid.lines.map((l) => l.y - l.ascent));
        const foot = Math.max(...laid.lines.map((l) => l.y + l.descent));
        if (f.caption.placement === 'below') laid.height = round(foot - laid.y);
        else {
          laid.height = round(laid.y + laid.height - top);
          laid.y = round(top);
        }
      } else if (f.caption.placement === 'below' || f.caption.placement === 'above') laid.height = 0;
      captionBoxes.set(f.id, laid);
      extent = union(extent, laid);
    }
    const w = wrapRect(extent, f);
    if (w) pf.exclusions.push({ rect: w, frame: f.id });
  }
  for (const f of doc.frames) {
    if (f.kind === 'image' || !f.wrap || f.wrap.mode !== 'box') continue;
    const w = wrapRect(f, f);
    if (w) pageOf(f).exclusions.push({ rect: w, frame: f.id });
  }

  // Headline blocks.
  for (const f of doc.frames) {
    if (f.kind !== 'headline') continue;
    const pf = pageOf(f);
    const block = layoutHeadline(f, f.article ? articleById.get(f.article) : undefined, pf.grid, ts);
    if (block.overflows) warnings.push(`headline frame ${f.id}: the headline block needs ${block.gridLines} grid lines and does not fit the frame`);
    const laid = laidById.get(f.id)!;
    laid.lines = block.lines.map((hl) => record({ col: 0, para: -1, line: hl.line, x: hl.x, baseline: hl.baseline, measure: f.width, paraStart: 0 }, hl.prepared, null, f.id, 'headline'));
    for (const mc of block.missing) missing.push({ story: null, offset: -1, char: mc.char });
  }

  // Stories through their chains.
  for (const story of doc.stories) {
    if (captionStories.has(story.id)) continue;
    const chainFrames = story.frames.map((id) => frameById.get(id)).filter((x): x is TextFrame => x?.kind === 'text');
    flowStory(story.id, chainFrames, new Map());
  }

  // Folios, in the document's "folio" paragraph style when it has one (template convention).
  const folioStyle = doc.paragraphStyles.find((s) => s.id === 'folio')?.id;
  for (const pf of pages) {
    const page = doc.pages[pf.index]!;
    pf.template.folios.forEach((field, i) => {
      const text = folioText(field, doc, page, pf.index + 1, labels[pf.index]!);
      if (!text) return;
      const p = ts.generated(text, folioStyle, { size: field.size, align: field.align, ...(field.font ? { font: field.font } : {}) });
      const composed = ts.compose(p, field.width, 0);
      const baseline = field.y + p.metrics.ascent;
      const lines = composed.lines.slice(0, 1).map((line) => record({ col: 0, para: -1, line, x: field.x, baseline, measure: field.width, paraStart: 0 }, p, null, `folio:${page.id}:${i}`, 'folio'));
      for (const mc of composed.missing) missing.push({ story: null, offset: -1, char: mc.char });
      pf.frames.push({ id: `folio:${page.id}:${i}`, kind: 'text', source: null, role: 'folio', x: field.x, y: field.y, width: field.width, height: round(p.metrics.ascent + p.metrics.descent), z: Number.MAX_SAFE_INTEGER, lines, art: [] });
    });
  }

  // Stories nobody flows (no frames): all overset.
  for (const s of doc.stories) {
    if (flowed.has(s.id)) continue;
    storyRecords.push({ id: s.id, overset: s.paragraphs.reduce((n, p) => n + p.runs.reduce((m, r) => m + r.text.length, 0), 0), frames: [] });
  }
  const imageOfCaption = new Map<string, ImageFrame>();
  for (const f of doc.frames) if (f.kind === 'image' && f.caption) imageOfCaption.set(f.caption.story, f);
  for (const r of storyRecords) {
    const img = imageOfCaption.get(r.id);
    if (img) r.frames = [img.id, ...r.frames.filter((id) => !id.endsWith('~caption'))];
  }

  const before = new Map((previous?.pages ?? []).map((p) => [p.id as string, p]));
  const outPages: LaidOutPage[] = pages.map((pf) => {
    const page = doc.pages[pf.index]!;
    const old = before.get(page.id);
    // A page whose frames and line records are all as before keeps its display list.
    if (old && old.number === pf.index + 1 && old.label === labels[pf.index] && old.display.width === pf.template.trim.width && old.display.height === pf.template.trim.height && sameFrames(old.frames, pf.frames)) {
      return { ...old, frames: pf.frames };
    }
    return {
      id: page.id,
      number: pf.index + 1,
      label: labels[pf.index]!,
      frames: pf.frames,
      display: buildDisplayList({ page, number: pf.index + 1, label: labels[pf.index]!, template: pf.template, frames: pf.frames }),
    };
  });
  const order = new Map(doc.stories.map((s, i) => [s.id as string, i]));
  storyRecords.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const out: LaidOutIssue = { pages: outPages, stories: storyRecords, jumps, missing, stats, warnings };
  CACHES.set(out, { identity: ts.identity, fills });
  return out;
}

const KEPT = new WeakMap<PreparedParagraph, PreparedParagraph>();

/** The paragraph with keep-with-next set (one object per paragraph, so caches keyed by it hold). */
function keptWithNext(p: PreparedParagraph): PreparedParagraph {
  let k = KEPT.get(p);
  if (!k) KEPT.set(p, (k = { ...p, metrics: { ...p.metrics, keepWithNext: true } }));
  return k;
}

/** Whether two frame lists paint the same: same boxes, same art, the very same line records. */
function sameFrames(a: readonly LaidOutFrame[], b: readonly LaidOutFrame[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const f = a[i]!;
    const g = b[i]!;
    if (f.id !== g.id || f.x !== g.x || f.y !== g.y || f.width !== g.width || f.height !== g.height || f.z !== g.z || f.lines.length !== g.lines.length) return false;
    for (let k = 0; k < f.lines.length; k++) if (f.lines[k] !== g.lines[k]) return false;
    if (f.art !== g.art && (f.art.length !== g.art.length || (f.art.length && JSON.stringify(f.art) !== JSON.stringify(g.art)))) return false;
  }
  return true;
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

function linesBox(lines: LineRecord[], fallback: Rect): Rect {
  if (!lines.length) return { x: fallback.x, y: fallback.y, width: 0, height: 0 };
  const x = Math.min(...lines.map((l) => l.x));
  const y = Math.min(...lines.map((l) => l.y - l.ascent));
  const right = Math.max(...lines.map((l) => l.x + l.width));
  const foot = Math.max(...lines.map((l) => l.y + l.descent));
  return { x: round(x), y: round(y), width: round(right - x), height: round(foot - y) };
}

/** Frame art by frame record, with what it was made from (the same array lets sameFrames skip comparing it). */
const ART = new WeakMap<Frame, { swatches: readonly Swatch[]; placed: string; art: DisplayItem[] }>();

/** frameArt, reusing the previous array while the frame, the swatches and the image placement are unchanged. */
function artOf(f: Frame, docSwatches: readonly Swatch[], swatches: ReadonlyMap<string, Swatch>, placed: Rect | null): DisplayItem[] {
  const placedKey = placed ? JSON.stringify(placed) : '';
  const hit = ART.get(f);
  if (hit && hit.swatches === docSwatches && hit.placed === placedKey) return hit.art;
  const art = frameArt(f, swatches, placed);
  ART.set(f, { swatches: docSwatches, placed: placedKey, art });
  return art;
}

/** The paint of a frame other than its text. */
function frameArt(f: Frame, swatches: ReadonlyMap<string, Swatch>, placed: Rect | null): DisplayItem[] {
  switch (f.kind) {
    case 'text':
      return f.fill ? [{ type: 'rect', x: f.x, y: f.y, width: f.width, height: f.height, fill: paintOf(swatches, f.fill), strokeWidth: 0, overprint: false, frame: f.id }] : [];
    case 'box': {
      const fill = f.fill ? paintOf(swatches, f.fill, f.tint / 100) : undefined;
      const stroke = f.stroke && f.strokeWidth > 0 ? paintOf(swatches, f.stroke) : undefined;
      return [{ type: 'rect', x: f.x, y: f.y, width: f.width, height: f.height, ...(fill ? { fill } : {}), ...(stroke ? { stroke } : {}), strokeWidth: f.strokeWidth, overprint: f.overprint, frame: f.id }];
    }
    case 'rule':
      return ruleItems(f, f.color ? paintOf(swatches, f.color) : BLACK);
    case 'image':
      // An empty graphics frame prints nothing (the editor draws its crossed placeholder).
      if (!f.src) return [];
      return [{ type: 'image', src: f.src, frame: f.id, clip: { x: f.x, y: f.y, width: f.width, height: f.height }, ...placed! }];
    case 'headline':
      return [];
  }
}

/** A rule along the frame's longer side, centred; double rules are two strokes a third as thick. */
function ruleItems(f: Extract<Frame, { kind: 'rule' }>, paint: Paint): DisplayItem[] {
  const horizontal = f.width >= f.height;
  const t = f.thickness;
  const line = (offset: number, width: number): DisplayItem => {
    const [x1, y1, x2, y2] = horizontal ? [f.x, f.y + f.height / 2 + offset, f.x + f.width, f.y + f.height / 2 + offset] : [f.x + f.width / 2 + offset, f.y, f.x + f.width / 2 + offset, f.y + f.height];
    const dash = f.style === 'dashed' ? [t * 3, t * 2] : f.style === 'dotted' ? [t, t * 1.5] : undefined;
    return { type: 'line', x1, y1, x2, y2, width, paint, overprint: true, frame: f.id, ...(dash ? { dash } : {}) };
  };
  return f.style === 'double' ? [line(-t / 3, t / 3), line(t / 3, t / 3)] : [line(0, t)];
}

// fillFrame is re-exported for tools that fill a single region (the editor's overset preview).
export { fillFrame };
