/**
 * Relaying one story: when an edit changed only the text of one story (typing, deleting,
 * splitting or joining its paragraphs, an undo of such edits), nothing outside that story's
 * frames and jump lines can move — other stories, pictures, wraps, headlines and folios read
 * nothing from its text — so the previous layout is kept and only this story is flowed again,
 * with the same code the whole-issue layout runs (flow-story.ts). The editor does this on its
 * own thread for each keystroke, so the page shows the edit without waiting for the layout
 * worker; the worker's whole-issue layout follows and must agree (test/flow/relayout-story).
 *
 * The previous layout may be a copy (from the worker): nothing here needs its caches. The
 * caller keeps a RelayoutCache from one keystroke to the next, so frames before the edit are
 * reused and only the text from the edit on is composed.
 */
import { displayItems } from '../display/build';
import type { StoryId } from '../model/ids';
import type { Frame, ImageFrame, IssueDocument, Story, TextFrame } from '../model/types';
import type { FillCache } from './chain';
import { memoCompose } from './compose-memo';
import { creditHeightOf, wrapExclusions } from './exclusions';
import { flowStory, type Exclusion, type StoryFlowEnv } from './flow-story';
import { pageGrid, type PageGrid, type Rect } from './geometry';
import { captionFrame, fitCaption } from './image';
import { pageLabels } from './labels';
import { makeRecorder } from './recorder';
import type { LaidOutFrame, LaidOutIssue, LaidOutPage, LayoutEnv } from './types';

/** Fills kept from one relayout to the next (per typesetter identity: other fonts start afresh). */
export interface RelayoutCache {
  identity: object | null;
  fills: FillCache;
}

/** An empty cache. */
export function relayoutCache(): RelayoutCache {
  return { identity: null, fills: new Map() };
}

const SAME_EXCEPT_STORIES: readonly (keyof IssueDocument)[] = ['format', 'version', 'issue', 'templates', 'pages', 'frames', 'articles', 'paragraphStyles', 'characterStyles', 'swatches'];

/**
 * The one story whose paragraphs differ between two versions of a document, when that is the
 * only difference (records compared by identity, as immutable updates share what they keep);
 * null otherwise.
 */
export function editedStory(before: IssueDocument, after: IssueDocument): StoryId | null {
  if (before === after) return null;
  const keys = Object.keys(after);
  if (keys.length !== Object.keys(before).length) return null;
  for (const k of keys) {
    const key = k as keyof IssueDocument;
    if (key !== 'stories' && before[key] !== after[key]) return null;
  }
  for (const k of SAME_EXCEPT_STORIES) if (before[k] !== after[k]) return null;
  if (before.stories.length !== after.stories.length) return null;
  let edited: Story | null = null;
  for (let i = 0; i < after.stories.length; i++) {
    const a = before.stories[i]!;
    const b = after.stories[i]!;
    if (a === b) continue;
    if (edited || a.id !== b.id || !onlyParagraphsDiffer(a, b)) return null;
    edited = b;
  }
  return edited ? edited.id : null;
}

function onlyParagraphsDiffer(a: Story, b: Story): boolean {
  const ka = Object.keys(a) as (keyof Story)[];
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (k !== 'paragraphs' && a[k] !== b[k]) return false;
  return true;
}

/** Where a laid-out frame sits in a layout. */
interface Located {
  page: number;
  frame: LaidOutFrame;
}

/**
 * `prev` — the layout of a document that differs from `doc` only in the paragraphs of story
 * `storyId` — with that story flowed again: the result equals `layoutIssue(doc)` but for
 * `stats`. Null when that cannot be done here (a caption whose box grows or shrinks, which
 * moves the wrap around its picture; a story that starts or stops jumping to another page; a
 * frame missing from `prev`): the caller lays out the whole issue then.
 */
export function relayoutStory(prev: LaidOutIssue, doc: IssueDocument, storyId: StoryId, env: LayoutEnv, cache: RelayoutCache): LaidOutIssue | null {
  const story = doc.stories.find((s) => s.id === storyId);
  if (!story) return null;
  const ts = memoCompose(env.typesetter);
  if (cache.identity !== ts.identity) {
    cache.identity = ts.identity;
    cache.fills = new Map();
  }
  const frameById = new Map(doc.frames.map((f) => [f.id as string, f]));
  const textFrames = story.frames.map((id) => frameById.get(id)).filter((x): x is TextFrame => x?.kind === 'text');
  const templates = new Map(doc.templates.map((t) => [t.id as string, t]));
  const pageIndex = new Map(doc.pages.map((p, i) => [p.id as string, i]));
  const templateOf = (f: Frame) => templates.get(doc.pages[pageIndex.get(f.page)!]!.template)!;
  // A caption flows first in the frame bound to its picture (layout-issue.ts does the same).
  const image = doc.frames.find((f): f is ImageFrame => f.kind === 'image' && f.caption?.story === storyId);
  let caption: TextFrame | null = null;
  if (image) {
    const t = templateOf(image);
    caption = captionFrame(image, creditHeightOf(image, ts), { top: t.margins.top, bottom: t.trim.height - t.margins.bottom });
    if (!caption) return null;
  }
  const chainFrames = caption ? [caption, ...textFrames] : textFrames;
  if (!chainFrames.length) return null;

  // Where every laid-out frame of `prev` is.
  const located = new Map<string, Located>();
  prev.pages.forEach((p, page) => {
    for (const frame of p.frames) located.set(frame.id, { page, frame });
  });
  if (prev.pages.length !== doc.pages.length || prev.pages.some((p, i) => p.id !== doc.pages[i]!.id)) return null;

  // Page facts, made for the pages the story's frames are on. A caption is flowed while the
  // pictures are being placed: it keeps clear only of the pictures before its own.
  const earlier = image ? new Set<Frame>(doc.frames.slice(0, doc.frames.indexOf(image)).filter((f) => f.kind === 'image')) : null;
  const facts = new Map<number, { index: number; grid: PageGrid; exclusions: Exclusion[] }>();
  const captionBox = (f: ImageFrame): Rect | null => {
    const c = located.get(`${f.id}~caption`)?.frame;
    return c && c.role === 'caption' ? c : null;
  };
  const pageOf = (f: Frame) => {
    const index = pageIndex.get(f.page)!;
    let pf = facts.get(index);
    if (!pf) {
      const page = doc.pages[index]!;
      const template = templates.get(page.template)!;
      const onPage = doc.frames.filter((x) => x.page === page.id && (!earlier || earlier.has(x)));
      pf = { index, grid: pageGrid(template), exclusions: wrapExclusions(onPage, ts, captionBox) };
      facts.set(index, pf);
    }
    return pf;
  };

  // The story's frames, emptied, and its jump lines' frames as they were. A caption's frame is
  // synthetic (not a document frame: no jump line comes from it) and starts at its full box.
  const fresh = new Map<string, LaidOutFrame>();
  for (const f of textFrames) {
    const old = located.get(f.id);
    if (!old) return null;
    fresh.set(f.id, { ...old.frame, lines: [] });
  }
  const synthetic = new Map<string, LaidOutFrame>();
  const oldCaption = caption ? located.get(caption.id)?.frame : undefined;
  if (caption) {
    if (!oldCaption || oldCaption.role !== 'caption') return null;
    synthetic.set(caption.id, { ...oldCaption, x: caption.x, y: caption.y, width: caption.width, height: caption.height, lines: [] });
  }
  const jumpIds = (frames: Iterable<string>) => [...frames].flatMap((id) => [`jump:to:${id}`, `jump:from:${id}`]);
  const oldJumps = jumpIds(fresh.keys()).filter((id) => located.has(id));
  const newJumps = new Map<string, { page: number; frame: LaidOutFrame }>();

  const swatches = new Map(doc.swatches.map((s) => [s.id as string, s]));
  const flowEnv: StoryFlowEnv = {
    doc,
    ts,
    fills: cache.fills,
    stats: { framesLaidOut: 0, framesReused: 0 },
    labels: pageLabels(doc),
    jumpMetrics: ts.generated('（', doc.issue.jumps.style).metrics,
    record: makeRecorder(doc.swatches, swatches),
    pageOf,
    laid: (id) => fresh.get(id),
    addFrame: (page, frame) => void newJumps.set(frame.id, { page, frame }),
  };
  const out = flowStory(flowEnv, storyId, chainFrames, synthetic);
  if (!out) return null;
  if (image && caption && oldCaption) {
    // The caption's box as set must stay where it was: the picture's wrap covers it.
    const laid = synthetic.get(caption.id)!;
    fitCaption(laid, image.caption!.placement);
    if (laid.x !== oldCaption.x || laid.y !== oldCaption.y || laid.width !== oldCaption.width || laid.height !== oldCaption.height) return null;
    fresh.set(caption.id, laid);
    out.story.frames = [image.id, ...out.story.frames.filter((id) => !id.endsWith('~caption'))];
  }

  // A jump line that appears or goes would take another place in its page's frame order.
  if (oldJumps.length !== newJumps.size || oldJumps.some((id) => newJumps.get(id)?.page !== located.get(id)!.page)) return null;

  // The story's frames keep their old objects where every line is the same record.
  const replace = new Map<string, LaidOutFrame>();
  for (const [id, f] of [...fresh, ...[...newJumps].map(([jid, j]) => [jid, j.frame] as const)]) {
    const old = located.get(id)!.frame;
    replace.set(id, sameLines(old, f) ? old : f);
  }
  const pages = prev.pages.map((p): LaidOutPage => {
    let changed = false;
    const frames = p.frames.map((f) => {
      const r = replace.get(f.id);
      if (!r || r === f) return f;
      changed = true;
      return r;
    });
    return changed ? { ...p, frames, display: { ...p.display, items: displayItems(frames) } } : p;
  });

  const stories = prev.stories.map((s) => (s.id === storyId ? (sameStory(s, out.story) ? s : out.story) : s));
  const jumps = spliceStory(prev.jumps, out.jumps, storyId);
  const missing = spliceStory(prev.missing, out.missing, storyId);
  if (!jumps || !missing) return null;
  return { ...prev, pages, stories, jumps, missing };
}

function sameLines(a: LaidOutFrame, b: LaidOutFrame): boolean {
  if (a.lines.length !== b.lines.length || a.x !== b.x || a.y !== b.y || a.width !== b.width || a.height !== b.height) return false;
  for (let i = 0; i < a.lines.length; i++) if (a.lines[i] !== b.lines[i]) return false;
  return true;
}

function sameStory(a: LaidOutIssue['stories'][number], b: LaidOutIssue['stories'][number]): boolean {
  return a.id === b.id && a.overset === b.overset && a.frames.length === b.frames.length && a.frames.every((f, i) => f === b.frames[i]);
}

/**
 * `list` with the story's entries (one unbroken run, as the layout files them) replaced by
 * `entries`; null when the place is unknown (none before, some now) or the run is broken.
 */
function spliceStory<T extends { story: StoryId | null }>(list: readonly T[], entries: readonly T[], story: StoryId): T[] | null {
  const first = list.findIndex((e) => e.story === story);
  if (first < 0) return entries.length ? null : (list as T[]);
  let end = first;
  while (end < list.length && list[end]!.story === story) end++;
  for (let i = end; i < list.length; i++) if (list[i]!.story === story) return null;
  return [...list.slice(0, first), ...entries, ...list.slice(end)];
}
