/**
 * One story through its chain of text frames, with its jump lines and overset: the step the
 * whole-issue layout runs for every story, and the one-story relayout (relayout-story.ts)
 * runs for the story being typed in. Lines go into the laid-out frames the caller hands over;
 * jump lines become frames of their own on their pages.
 */
import type { FrameId, StoryId } from '../model/ids';
import type { Frame, IssueDocument, Swatch, TextFrame } from '../model/types';
import { flowChain, type ChainFrame, type FillCache } from './chain';
import type { FrameFill, PlacedLine } from './fill';
import { round, type PageGrid, type Rect } from './geometry';
import { jumpText } from './labels';
import { storyParagraphs, type StoryParagraphs } from './paragraphs';
import type { Recorder } from './recorder';
import type { JumpRecord, LaidOutFrame, LineRecord, MissingRecord, StoryRecord } from './types';
import type { ParaMetrics, PreparedParagraph, Typesetter } from './typesetter';

/** A page's wrap exclusions: the rectangle and the frame it keeps text away from. */
export interface Exclusion {
  rect: Rect;
  frame: FrameId;
}

/** What flowing a story reads from the layout around it. */
export interface StoryFlowEnv {
  doc: IssueDocument;
  ts: Typesetter;
  fills: FillCache;
  stats: { framesLaidOut: number; framesReused: number };
  /** Page labels by page index. */
  labels: readonly string[];
  /** Metrics of the jump-line style (the room a jump-to line takes). */
  jumpMetrics: ParaMetrics;
  record: Recorder;
  /** The page facts of a frame: its page's index, grid and wrap exclusions. */
  pageOf: (f: Frame) => { index: number; grid: PageGrid; exclusions: readonly Exclusion[] };
  /** The laid-out frame that receives a document frame's lines. */
  laid: (id: string) => LaidOutFrame | undefined;
  /** Adds a jump line's frame to the page with index `pageIndex`. */
  addFrame: (pageIndex: number, f: LaidOutFrame) => void;
}

/** What flowing one story gives besides the lines placed in its frames. */
export interface StoryFlow {
  story: StoryRecord;
  jumps: JumpRecord[];
  missing: MissingRecord[];
}

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

const KEPT = new WeakMap<PreparedParagraph, PreparedParagraph>();

/** The paragraph with keep-with-next set (one object per paragraph, so caches keyed by it hold). */
function keptWithNext(p: PreparedParagraph): PreparedParagraph {
  let k = KEPT.get(p);
  if (!k) KEPT.set(p, (k = { ...p, metrics: { ...p.metrics, keepWithNext: true } }));
  return k;
}

/**
 * Flows story `storyId` through `chainFrames` (a caption's first frame is synthetic: its
 * laid-out frame is in `synthetic`) and files its lines in the laid-out frames.
 */
export function flowStory(env: StoryFlowEnv, storyId: StoryId, chainFrames: readonly TextFrame[], synthetic: ReadonlyMap<string, LaidOutFrame>): StoryFlow | null {
  const { doc, ts } = env;
  const story = doc.stories.find((s) => s.id === storyId);
  if (!story) return null;
  const jumpStyle = doc.issue.jumps.style;
  const paras: StoryParagraphs = storyParagraphs(doc, story, ts);
  const chain: ChainFrame[] = chainFrames.map((frame) => {
    const pf = env.pageOf(frame);
    const exclusions = pf.exclusions.filter((e) => e.frame !== frame.id && !frame.id.startsWith(`${e.frame}~`)).map((e) => e.rect);
    return { frame, pageIndex: pf.index, grid: pf.grid, exclusions };
  });
  const fromLines = new Map<number, PreparedParagraph>();
  const fromLine = (fromIndex: number): PreparedParagraph => {
    let p = fromLines.get(fromIndex);
    if (!p) {
      p = ts.generated(jumpText(doc.issue.jumps.from, doc.issue, fromIndex + 1, env.labels[fromIndex]!), jumpStyle, { align: 'left' });
      // Never alone at a column head: the from-line keeps with the text it introduces.
      p = keptWithNext(p);
      fromLines.set(fromIndex, p);
    }
    return p;
  };
  const result = flowChain(storyId, chain, { ts, para: paras.para, paraCount: paras.count, fromLine, jumpMetrics: env.jumpMetrics, cache: env.fills, stats: env.stats });
  const missing: MissingRecord[] = [];
  for (const fr of result.frames) {
    const laid = synthetic.get(fr.frame) ?? env.laid(fr.frame);
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
        const rec = env.record(pl, p, storyId, fr.frame, isByline ? 'byline' : 'story');
        prepared.push(p);
        recs.push(rec);
        laid.lines.push(rec);
      }
      FILL_RECORDS.set(fr.fill, { frame: fr.frame, story: storyId, swatches: doc.swatches, prepared, recs });
    }
    for (const mc of fr.fill.missing) missing.push({ story: storyId, offset: mc.offset, char: mc.char });
  }
  const jumps: JumpRecord[] = [];
  for (const j of result.jumps) {
    const src = env.laid(j.frame);
    if (!src) continue;
    const text = jumpText(j.kind === 'to' ? doc.issue.jumps.to : doc.issue.jumps.from, doc.issue, j.targetIndex + 1, env.labels[j.targetIndex]!);
    let lines: LineRecord[] = [];
    if (j.kind === 'from') {
      const fr = result.frames.find((f) => f.frame === j.frame)!;
      lines = fr.fill.lines.filter((l) => l.para < 0).map((pl) => env.record(pl, fromLine(j.targetIndex), null, `jump:from:${j.frame}`, 'jump'));
    } else if (j.slot) {
      const p = ts.generated(text, jumpStyle, { align: 'right' });
      const composed = ts.compose(p, j.slot.width, 0);
      const pl = { col: j.slot.col, para: -1, x: j.slot.x, baseline: j.slot.baseline, measure: j.slot.width, paraStart: 0 };
      lines = composed.lines.slice(0, 1).map((line) => env.record({ ...pl, line }, p, null, `jump:to:${j.frame}`, 'jump'));
    }
    const box = linesBox(lines, src);
    env.addFrame(j.pageIndex, { id: `jump:${j.kind}:${j.frame}`, kind: 'text', source: j.frame, role: j.kind === 'to' ? 'jump-to' : 'jump-from', x: box.x, y: box.y, width: box.width, height: box.height, z: src.z, lines, art: [] });
    jumps.push({ story: storyId, kind: j.kind, page: j.pageIndex + 1, target: j.targetIndex + 1, text, frame: j.frame });
  }
  return { story: { id: storyId, overset: paras.oversetFrom(result.end), frames: chainFrames.map((f) => f.id) }, jumps, missing };
}

function linesBox(lines: LineRecord[], fallback: Rect): Rect {
  if (!lines.length) return { x: fallback.x, y: fallback.y, width: 0, height: 0 };
  const x = Math.min(...lines.map((l) => l.x));
  const y = Math.min(...lines.map((l) => l.y - l.ascent));
  const right = Math.max(...lines.map((l) => l.x + l.width));
  const foot = Math.max(...lines.map((l) => l.y + l.descent));
  return { x: round(x), y: round(y), width: round(right - x), height: round(foot - y) };
}
