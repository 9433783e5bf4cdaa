/**
 * layoutIssue: document → laid-out pages. The order of work: page facts (labels, grids) →
 * image frames and their captions (captions flow like body text) → wrap exclusions per
 * page → headline blocks → every story through its chain (with jump lines) → folios →
 * the display list of each page. Passing the previous result reuses the fills of frames
 * whose inputs did not change (see chain.ts).
 */
import type { DisplayItem, Paint } from '../display/types';
import { buildDisplayList } from '../display/build';
import type { StoryId } from '../model/ids';
import type { Frame, ImageFrame, IssueDocument, Swatch, Template, TextFrame } from '../model/types';
import type { FillCache } from './chain';
import { fillFrame } from './fill';
import { pageGrid, round, wrapRect, type PageGrid, type Rect } from './geometry';
import { layoutHeadline } from './headline';
import { captionFrame, fitCaption, placeImage } from './image';
import { pageLabels } from './labels';
import { folioText } from './folios';
import { memoCompose } from './compose-memo';
import { BLACK, paintOf } from './records';
import { makeRecorder } from './recorder';
import { flowStory as flowOneStory, type Exclusion, type StoryFlowEnv } from './flow-story';
import { boxWraps, creditHeightOf, creditSizeOf, imageExtent } from './exclusions';
import type { JumpRecord, LaidOutFrame, LaidOutIssue, LaidOutPage, LayoutEnv, MissingRecord, StoryRecord } from './types';

interface Cache {
  identity: object;
  fills: FillCache;
}

/** Layout caches, kept beside each result so that a later layout can start from them. */
const CACHES = new WeakMap<LaidOutIssue, Cache>();

interface PageFacts {
  index: number;
  template: Template;
  grid: PageGrid;
  frames: LaidOutFrame[];
  exclusions: Exclusion[];
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

  const record = makeRecorder(doc.swatches, swatches);
  const storyEnv: StoryFlowEnv = {
    doc,
    ts,
    fills,
    stats,
    labels,
    jumpMetrics,
    record,
    pageOf,
    laid: (id) => laidById.get(id),
    addFrame: (pageIndex, f) => pages[pageIndex]!.frames.push(f),
  };

  /** Flows a story through its chain and files its lines, jump lines and overset. */
  const flowStory = (storyId: StoryId, chainFrames: TextFrame[], synthetic: Map<string, LaidOutFrame>): void => {
    const out = flowOneStory(storyEnv, storyId, chainFrames, synthetic);
    if (!out) return;
    missing.push(...out.missing);
    jumps.push(...out.jumps);
    storyRecords.push(out.story);
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
  for (const f of doc.frames) {
    if (f.kind !== 'image') continue;
    const pf = pageOf(f);
    const creditH = creditHeightOf(f, ts);
    let caption: Rect | null = null;
    if (f.credit) {
      const p = ts.generated(f.credit, f.creditStyle, { align: 'right', size: creditSizeOf(f, ts) });
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
      fitCaption(laid, f.caption.placement);
      caption = laid;
    }
    // Filed as soon as known: a later picture's caption already keeps clear of it.
    const w = wrapRect(imageExtent(f, creditH, caption), f);
    if (w) pf.exclusions.push({ rect: w, frame: f.id });
  }
  for (const e of boxWraps(doc.frames)) pageOf(frameById.get(e.frame)!).exclusions.push(e);

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
