/**
 * The editor controller: owns the host API, the fonts and images of the open document, runs
 * layout when the document changes, and performs the long jobs (open, preflight, export,
 * print preview) with progress in the store. Components read the store and call this.
 */
import { BridgeCallError, type BroadsheetApi, type OpenedDocument } from '../bridge';
import { FontBook } from '../engine/fonts';
import { checkDocument, type IssueDocument } from '../engine/model';
import type { LaidOutIssue } from '../engine/flow/types';
import { GlyphCache } from './canvas/glyph-cache';
import type { PaintSources } from './canvas/paint';
import { paintSources } from './canvas/sources';
import type { HostKind } from './host';
import { ImageStore, loadFonts } from './layout/resources';
import { LayoutClient } from './layout/layout-client';
import { History } from './history';
import { ToolMachine } from './tools';
import { followEdit } from './tools/caret-follow';
import { store, type Store } from './store/store';

/**
 * The history's document before one is open: a value with no records, so the tools' pruning
 * (which reads frames and stories) finds nothing. Never shown or saved; reset() replaces it.
 */
const NO_DOCUMENT = { pages: [], frames: [], stories: [] } as unknown as IssueDocument;

/** A short random id for new records ("frame-1a2b3c4d"). */
function newId(kind: string): string {
  return `${kind}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Message for any failure, naming the bridge error code when there is one. */
export function describeError(e: unknown): string {
  if (e instanceof BridgeCallError) return e.details?.length ? `${e.message}\n${e.details.map((d) => `  ${d.path}: ${d.message}`).join('\n')}` : e.message;
  return e instanceof Error ? e.message : String(e);
}

/** Yields to the browser so progress repaints between steps of a long job. */
const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** The controller of one editor window. */
export class Editor {
  readonly book = new FontBook();
  readonly images = new ImageStore();
  readonly glyphs = new GlyphCache();
  readonly sources: PaintSources;
  /** Milliseconds the last layout took (shown in the status bar, read by the benchmark). */
  lastLayoutMs = 0;
  /** Runs layout in a Web Worker (or on this thread where workers are unavailable). */
  readonly layouts: LayoutClient;
  private layoutScheduled = false;
  /** The full layout that confirms quick relayouts, waiting for typing to pause (0: none). */
  private settleTimer = 0;
  /** The layout the page canvas last painted, and when (performance.now()). */
  painted: { layout: LaidOutIssue | null; at: number } = { layout: null, at: 0 };
  private readonly paintListeners = new Set<() => void>();
  private running: Promise<unknown> | null = null;
  private queued = false;
  /** Undo and redo over the open document; every document change goes through it. */
  readonly history = new History<IssueDocument>(NO_DOCUMENT);
  /** The editing tools (select, type, frames, thread), driven by the canvas and the keyboard. */
  readonly tools: ToolMachine;

  constructor(
    readonly api: BroadsheetApi,
    readonly host: HostKind,
    readonly s: Store = store,
  ) {
    this.sources = paintSources(this.book, this.images, this.glyphs);
    this.layouts = new LayoutClient(this.book);
    this.tools = new ToolMachine({
      history: this.history,
      page: () => {
        const st = this.s.get();
        return (st.document?.doc.pages[st.session.page]?.id as string | undefined) ?? '';
      },
      layout: () => this.s.get().layout,
      scale: () => this.s.get().session.effectiveScale,
      newId,
      imageSize: (src) => this.images.get(src) ?? null,
    });
    // The history is the document's source of truth while editing: each change, undo or redo
    // becomes a new store revision (which re-runs layout); reset() is the store's open().
    // The text caret follows edits made elsewhere in its story (story editor, place, undo).
    let before: IssueDocument = NO_DOCUMENT;
    this.history.subscribe((doc, cause) => {
      if (cause !== 'reset') this.s.change(doc);
      const t = this.tools.session.text;
      if (t && cause !== 'reset') this.tools.session.text = followEdit(t, before, doc);
      before = doc;
      this.tools.pruneSelection();
    });
    // The store's one-frame selection (properties panel) follows the tools' selection.
    this.tools.subscribe(() => {
      const first = this.tools.session.selection[0];
      const cur = this.s.get().session.selection;
      if ((cur?.frame ?? null) !== (first ?? null)) this.s.session({ selection: first ? { frame: first } : null });
    });
    // Every document change re-runs layout (the changes of one task in one run). An edit to
    // one story's text is first relaid here and stored at once, so the canvas paints it in
    // this task; the worker's whole-issue layout follows (layout-client.ts).
    let revision = -1;
    this.s.subscribe(() => {
      const d = this.s.get().document;
      if (d && d.revision !== revision) {
        revision = d.revision;
        const quick = this.layouts.quick(d.doc);
        if (quick) this.s.laidOut(d.revision, quick);
        if (quick) this.settleLater();
        else this.scheduleLayout();
      }
    });
    // A caret placed in a story gets that story ready for quick relayouts while the user
    // reads the page, so the first keystroke is as quick as the next.
    let warmed: string | null = null;
    this.tools.subscribe(() => {
      const story = this.tools.session.text?.story ?? null;
      if (!story || story === warmed) return;
      warmed = story;
      // When the page is idle (it takes some 30–60 ms on this thread), soon in any case.
      const warm = () => {
        if (this.tools.session.text?.story === story) this.layouts.warm(story);
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 300 });
      else setTimeout(warm, 0);
    });
  }

  /** Opens the host's document (web mode: the served issue), else the sample. */
  async openInitial(): Promise<void> {
    await this.run('Opening', async () => {
      let opened: OpenedDocument;
      try {
        opened = await this.api.document.open();
      } catch (e) {
        if (!(e instanceof BridgeCallError) || (e.code !== 'unsupported' && e.code !== 'cancelled')) throw e;
        opened = await this.api.document.openSample();
      }
      await this.load(opened);
    });
  }

  /** Opens the bundled sample. */
  async openSample(): Promise<void> {
    await this.run('Opening the sample', async () => this.load(await this.api.document.openSample()));
  }

  /** Checks the document again on this side, loads its fonts and images, lays it out. */
  private async load(opened: OpenedDocument): Promise<void> {
    const checked = checkDocument(JSON.stringify(opened.doc));
    if (!checked.ok) throw new Error(`${opened.name} is not a valid document: ${checked.findings.map((f) => `${f.path}: ${f.message}`).join('; ')}`);
    const doc = checked.value;
    const added = await loadFonts(this.api, this.book, (done, total) =>
      this.s.session({ busy: { label: `Loading fonts ${done}/${total}` } }),
    );
    this.layouts.addFonts(added);
    this.s.session({ busy: { label: 'Loading images' } });
    await this.images.load(this.api, opened.path, doc);
    this.layouts.setImageSizes(this.images.sizes());
    this.s.open(doc, opened.path, opened.name);
    this.tools.setTool('select');
    this.tools.select([]);
    this.history.reset(doc);
    this.s.session({ busy: { label: 'Laying out' } });
    await nextFrame();
    await this.layoutNow();
    void this.api.recent.add(opened.path).catch(() => undefined);
    void this.preflight();
  }

  /**
   * Starts a layout as soon as the current task's changes are made (a microtask, not the next
   * frame: a keystroke's layout should be painted in the frame it was typed in). Changes made
   * while a layout runs collapse into one more run.
   */
  private scheduleLayout(): void {
    window.clearTimeout(this.settleTimer);
    this.settleTimer = 0;
    if (this.layoutScheduled) return;
    this.layoutScheduled = true;
    queueMicrotask(() => {
      this.layoutScheduled = false;
      void this.layoutNow();
    });
  }

  /**
   * Asks for the full layout once typing pauses. A quick relayout already shows the edit
   * exactly (engine relayoutStory); the full one only confirms it, so while keys keep coming it
   * would only take the CPU from the next keystroke (two cores: the worker, the page's
   * rasterising and the garbage collector's threads share the second).
   */
  private settleLater(): void {
    if (this.layoutScheduled) return;
    window.clearTimeout(this.settleTimer);
    this.settleTimer = window.setTimeout(() => {
      this.settleTimer = 0;
      this.scheduleLayout();
    }, Editor.SETTLE_MS);
  }

  /** How long typing must pause before the full layout runs after quick relayouts, ms. */
  static readonly SETTLE_MS = 250;

  /** Whether a full layout is asked for or running (a quick relayout may be showing meanwhile). */
  get layoutPending(): boolean {
    return this.layoutScheduled || this.settleTimer !== 0 || this.running !== null || this.queued;
  }

  /** The page canvas painted `layout` (for keystroke-to-paint measurements and tests). */
  notePainted(layout: LaidOutIssue | null): void {
    this.painted = { layout, at: performance.now() };
    for (const l of this.paintListeners) l();
  }

  /** Calls `l` after each paint of the page canvas; returns the unsubscribe. */
  onPainted(l: () => void): () => void {
    this.paintListeners.add(l);
    return () => this.paintListeners.delete(l);
  }

  /**
   * Lays out the current document and stores the result (`fresh`: without the previous
   * result's caches). While one layout runs, further requests collapse into one more run.
   */
  async layoutNow(fresh = false): Promise<LaidOutIssue | null> {
    if (this.running) {
      this.queued = true;
      await this.running;
      return this.s.get().layout;
    }
    const d = this.s.get().document;
    if (!d) return null;
    const job = this.layouts.layout(d.doc, fresh);
    this.running = job;
    try {
      const r = await job;
      this.lastLayoutMs = r.ms;
      this.s.laidOut(d.revision, r.layout);
      return r.layout;
    } catch (e) {
      this.s.session({ error: `Layout failed: ${describeError(e)}` });
      return null;
    } finally {
      this.running = null;
      if (this.queued) {
        this.queued = false;
        void this.layoutNow();
      }
    }
  }

  /**
   * Applies a document change given as a whole new document (panels, page operations) as one
   * undo step: the top-level fields that differ are replaced, so undo restores them exactly.
   */
  change(next: IssueDocument): void {
    this.history.change((d) => {
      const draft = d as unknown as Record<string, unknown>;
      const target = next as unknown as Record<string, unknown>;
      for (const k of Object.keys(draft)) if (!(k in target)) delete draft[k];
      for (const [k, v] of Object.entries(target)) if (draft[k] !== v) draft[k] = v;
    });
  }

  /** Undoes the last step (selection is kept where its frames still exist). */
  undo(): void {
    this.history.undo();
    this.tools.pruneSelection();
  }

  /** Redoes the last undone step. */
  redo(): void {
    this.history.redo();
    this.tools.pruneSelection();
  }

  /** Runs preflight on the Node side and stores the findings. */
  async preflight(): Promise<void> {
    const d = this.s.get().document;
    if (!d) return;
    try {
      const findings = await this.api.preflight.run(d.doc, d.path);
      const layout = this.s.get().layout;
      // Overset text is known here (layout ran on this side), so the panel lists it too.
      const overset = (layout?.stories ?? []).filter((st) => st.overset > 0).map((st) => ({
        rule: 'overset',
        severity: 'warning' as const,
        message: `story ${st.id}: ${st.overset} characters do not fit`,
        story: st.id,
        ...(st.frames.length ? { frame: st.frames[st.frames.length - 1]! } : {}),
      }));
      this.s.session({ findings: [...findings, ...overset] });
    } catch (e) {
      this.s.session({ error: `Preflight failed: ${describeError(e)}` });
    }
  }

  /** Saves to the document's path. */
  async save(): Promise<void> {
    const d = this.s.get().document;
    if (!d) return;
    await this.run('Saving', async () => {
      const r = await this.api.document.save(d.doc, d.path);
      this.s.saved(r.path);
    });
  }

  /** Exports the PDF next to the document, with progress. */
  async exportPdf(): Promise<string | undefined> {
    const d = this.s.get().document;
    if (!d) return undefined;
    let out: string | undefined;
    await this.run('Exporting PDF', async () => {
      const r = await this.api.export.pdf(d.doc, d.path, {}, (p) => this.s.session({ busy: { label: 'Exporting PDF', progress: p } }));
      out = r.path;
    });
    return out;
  }

  /** The bytes of the exact PDF the export writes (print preview). */
  async previewPdf(): Promise<Uint8Array | undefined> {
    const d = this.s.get().document;
    if (!d) return undefined;
    let bytes: Uint8Array | undefined;
    await this.run('Preparing the print preview', async () => {
      bytes = (await this.api.export.preview(d.doc, d.path)).bytes;
    });
    return bytes;
  }

  /** Runs a long job with a busy indicator; failures go to the error bar, never thrown. */
  private async run(label: string, job: () => Promise<void>): Promise<void> {
    this.s.session({ busy: { label }, error: null });
    try {
      await job();
    } catch (e) {
      this.s.session({ error: `${label} failed: ${describeError(e)}` });
    } finally {
      this.s.session({ busy: null });
    }
  }
}
