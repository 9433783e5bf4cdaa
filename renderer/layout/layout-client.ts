/**
 * The editor's side of layout: in a Web Worker when the platform allows one, else on this
 * thread (same engine call). Only the latest request matters: a layout asked for while one
 * runs replaces any queued one, so a burst of edits costs at most two layouts. Documents go
 * to the worker as the paths changed since the last one sent (doc-delta.ts) and results come
 * back as what changed since the last result (layout-delta.ts), with the damaged page areas.
 *
 * A keystroke does not wait for the worker: an edit to one story's text is relaid on this
 * thread at once (quick(), engine/flow/relayout-story.ts: only that story flows again, the
 * rest of the last layout is kept) and painted; the worker's whole-issue layout of the same
 * document follows, and when it shows the same (it must) the quick result stays as it is.
 */
import type { FontBook } from '../../engine/fonts';
import { layoutIssue } from '../../engine/flow/layout-issue';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model';
import { editedStory, relayoutCache, relayoutStory } from '../../engine/flow/relayout-story';
import type { StoryId } from '../../engine/model/ids';
import { docDelta } from './doc-delta';
import { sameLayout } from './same-layout';
import { decodeLayout, LayoutDeltaMismatch, recordDamage } from './layout-delta';
import type { FromWorker, ToWorker } from './protocol';
import { typesetterFor } from './typesetter';
import { copyfit, type CopyfitLimits, type CopyfitResult } from '../../engine/edit';
import { trialRelayout } from '../articles/relayout';

/** Result of one layout. */
export interface LayoutResult {
  layout: LaidOutIssue;
  ms: number;
}

/** Runs layouts for one editor. */
export class LayoutClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { doc: IssueDocument; resolve: (r: LayoutResult) => void; reject: (e: Error) => void }>();
  private sizes: Record<string, { width: number; height: number } | null> = {};
  private previous: LaidOutIssue | undefined;
  /** Without a worker: the engine's last whole-issue result here (its caches make the next one incremental). */
  private lastFull: LaidOutIssue | undefined;
  /** The last document the worker was given (edits are sent as changes from it). */
  private sent: IssueDocument | undefined;
  private readonly fitting = new Map<number, { resolve: (r: CopyfitResult) => void; reject: (e: Error) => void }>();
  /** Fills kept between one-story relayouts on this thread. */
  private readonly relayout = relayoutCache();
  /** Layouts relaid here, by document, until the worker's layout of that document arrives. */
  private readonly quickLayouts = new WeakMap<IssueDocument, LaidOutIssue>();
  /** Order in which documents were laid out or asked for (the newest one wins `shown`). */
  private readonly order = new WeakMap<IssueDocument, number>();
  private nextOrder = 1;
  /** The newest document with a layout on this side, and that layout: the base of quick(). */
  private shown: { doc: IssueDocument; layout: LaidOutIssue } | null = null;
  /** Documents relaid by quick(). */
  quickRelaid = 0;
  /** Full layouts that showed exactly what the quick relayout of their document had shown. */
  quickConfirmed = 0;
  /** Full layouts that did not show what the quick relayout of their document had shown (must stay 0). */
  quickMismatches = 0;

  constructor(private readonly book: FontBook) {
    try {
      this.worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'layout' });
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const f = this.fitting.get(e.data.id);
        if (f) {
          this.fitting.delete(e.data.id);
          if (e.data.type === 'copyfitted') f.resolve(e.data.result);
          else f.reject(new Error(e.data.type === 'failed' ? e.data.message : 'unexpected answer from the layout worker'));
          return;
        }
        if (e.data.type === 'copyfitted') return;
        const w = this.waiting.get(e.data.id);
        if (!w) return;
        this.waiting.delete(e.data.id);
        if (e.data.type === 'failed') return w.reject(new Error(e.data.message));
        // Decoded here, in the order the worker answered, against the last decoded result.
        try {
          const decoded = decodeLayout(this.previous, e.data.delta);
          const layout = this.settle(w.doc, decoded);
          this.previous = layout;
          w.resolve({ layout, ms: e.data.ms });
        } catch (err) {
          w.reject(err instanceof Error ? err : new Error(String(err)));
        }
      };
      this.worker.onerror = (e) => {
        // A worker that cannot start (e.g. a restrictive host) falls back to this thread.
        e.preventDefault();
        this.fallBack(new Error(e.message || 'the layout worker failed'));
      };
    } catch {
      this.worker = null;
    }
  }

  /** Whether layout runs off the UI thread. */
  get offThread(): boolean {
    return this.worker !== null;
  }

  private fallBack(err: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
    for (const f of this.fitting.values()) f.reject(err);
    this.fitting.clear();
  }

  private send(m: ToWorker, transfer: Transferable[] = []): void {
    this.worker?.postMessage(m, transfer);
  }

  /**
   * The worker's layout of `doc` against what this side has shown: the quick relayout of the
   * same document when the two agree (so nothing repaints and its records stay), else the
   * worker's, with its damage recorded against the layout most likely on the canvas.
   */
  private settle(doc: IssueDocument, decoded: LaidOutIssue): LaidOutIssue {
    const quick = this.quickLayouts.get(doc);
    let layout = decoded;
    if (quick && sameLayout(quick, decoded)) {
      layout = quick;
      this.quickConfirmed++;
    } else {
      if (quick) {
        this.quickMismatches++;
        console.warn('Broadsheet: the quick relayout of a keystroke differed from the full layout; the full layout is shown');
      }
      if (this.shown && this.shown.layout !== this.previous) recordDamage(this.shown.layout, decoded);
    }
    this.noteShown(doc, layout);
    return layout;
  }

  private noteShown(doc: IssueDocument, layout: LaidOutIssue): void {
    const at = this.order.get(doc) ?? 0;
    if (!this.shown || at >= (this.order.get(this.shown.doc) ?? 0)) this.shown = { doc, layout };
  }

  private stamp(doc: IssueDocument): void {
    if (!this.order.has(doc)) this.order.set(doc, this.nextOrder++);
  }

  /**
   * The layout of `doc` relaid on this thread, when `doc` differs from the newest document
   * laid out here only in the text of one story (typing, deleting, undoing that): that story
   * flows again and the rest of the last layout is kept. Null when it does not apply or
   * cannot be done exactly (then only the full layout shows the change). Its damage against
   * the last layout is recorded, so the canvas repaints just the changed lines.
   */
  quick(doc: IssueDocument): LaidOutIssue | null {
    const base = this.shown;
    if (!base || base.doc === doc) return null;
    const story = editedStory(base.doc, doc);
    if (!story) return null;
    this.stamp(doc);
    let layout: LaidOutIssue | null;
    try {
      layout = relayoutStory(base.layout, doc, story, this.env(doc), this.relayout);
    } catch {
      layout = null;
    }
    if (!layout) return null;
    recordDamage(base.layout, layout);
    this.quickRelaid++;
    this.quickLayouts.set(doc, layout);
    this.noteShown(doc, layout);
    return layout;
  }

  /**
   * Gets story `story` ready for quick relayouts: its paragraphs prepared and composed on this
   * thread, its frames' fills cached, and the relayout itself run over a few trial edits
   * (thrown away) so that the script engine has compiled that path before the first real key.
   */
  warm(story: string): void {
    const base = this.shown;
    if (!base) return;
    const id = story as StoryId;
    try {
      relayoutStory(base.layout, base.doc, id, this.env(base.doc), this.relayout);
      for (const trial of trialEdits(base.doc, id)) {
        const layout = relayoutStory(base.layout, trial, id, this.env(trial), this.relayout);
        if (layout) recordDamage(base.layout, layout);
      }
      // The fills again as they are for the real text.
      relayoutStory(base.layout, base.doc, id, this.env(base.doc), this.relayout);
    } catch {
      // Warming is an optimisation; a failure shows up (and is reported) in the real layout.
    }
  }

  private env(doc: IssueDocument) {
    return { typesetter: typesetterFor(doc, this.book), imageSize: (src: string) => this.sizes[src] ?? null };
  }

  /** Gives the worker the font files (copies: the painter keeps its own). */
  addFonts(files: { source: string; bytes: Uint8Array }[]): void {
    if (!files.length) return;
    const copies = files.map((f) => ({ source: f.source, bytes: f.bytes.slice() }));
    this.send({ type: 'fonts', files: copies }, copies.map((c) => c.bytes.buffer));
  }

  /** Natural image sizes in pt. */
  setImageSizes(sizes: Record<string, { width: number; height: number } | null>): void {
    this.sizes = { ...this.sizes, ...sizes };
    this.send({ type: 'images', sizes });
  }

  /** Lays out `doc` (`fresh`: without the previous result's caches). */
  async layout(doc: IssueDocument, fresh = false): Promise<LayoutResult> {
    if (this.worker) {
      try {
        return await this.ask(doc, fresh);
      } catch (e) {
        // Out of step with the worker (should not happen): once more, whole and afresh.
        if (e instanceof LayoutDeltaMismatch) return this.ask(doc, true);
        if (this.worker) throw e; // a layout error, not a dead worker
      }
    }
    const t0 = performance.now();
    this.stamp(doc);
    // On this thread the engine's caches live beside its own last result (not the quick one).
    const full = layoutIssue(doc, this.env(doc), fresh ? undefined : this.lastFull);
    this.lastFull = full;
    if (!fresh) recordDamage(this.previous, full);
    const layout = this.settle(doc, full);
    this.previous = layout;
    return { layout, ms: performance.now() - t0 };
  }

  private ask(doc: IssueDocument, fresh: boolean): Promise<LayoutResult> {
    const id = this.nextId++;
    this.stamp(doc);
    return new Promise<LayoutResult>((resolve, reject) => {
      this.waiting.set(id, { doc, resolve, reject });
      if (fresh || !this.sent) this.send({ type: 'layout', id, doc, fresh });
      else this.send({ type: 'layout-delta', id, ops: docDelta(this.sent, doc) });
      this.sent = doc;
    });
  }

  /**
   * Copyfit's search (engine/edit/copyfit.ts) where the layouts run: in the worker, so its
   * trial layouts use the same fonts and code as the layout the user then sees.
   */
  async copyfit(doc: IssueDocument, article: string, limits: CopyfitLimits): Promise<CopyfitResult> {
    if (this.worker) {
      const id = this.nextId++;
      try {
        return await new Promise<CopyfitResult>((resolve, reject) => {
          this.fitting.set(id, { resolve, reject });
          this.send({ type: 'copyfit', id, doc, article, limits });
        });
      } catch (e) {
        if (this.worker) throw e;
      }
    }
    return copyfit(doc, article, limits, trialRelayout(this.book, () => this.sizes));
  }
}

/**
 * Documents that differ from `doc` by a character typed into story `story` (at the start of
 * its first paragraph, of a middle one, at the end of its last): the trial edits warm() relays.
 */
function trialEdits(doc: IssueDocument, story: StoryId): IssueDocument[] {
  const s = doc.stories.find((x) => x.id === story);
  if (!s || !s.paragraphs.length) return [];
  const n = s.paragraphs.length;
  const spots: [number, 'start' | 'end'][] = [[0, 'start'], [Math.floor(n / 2), 'start'], [n - 1, 'end']];
  return spots.map(([i, where]) => {
    const paragraphs = s.paragraphs.map((p, k) => {
      if (k !== i || !p.runs.length) return p;
      const r = where === 'start' ? 0 : p.runs.length - 1;
      return { ...p, runs: p.runs.map((run, j) => (j === r ? { ...run, text: where === 'start' ? `一${run.text}` : `${run.text}一` } : run)) };
    });
    return { ...doc, stories: doc.stories.map((x) => (x === s ? { ...s, paragraphs } : x)) };
  });
}

