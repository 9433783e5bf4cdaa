/**
 * The editor's side of layout: in a Web Worker when the platform allows one, else on this
 * thread (same engine call). Only the latest request matters: a layout asked for while one
 * runs replaces any queued one, so a burst of edits costs at most two layouts. Documents go
 * to the worker as the paths changed since the last one sent (doc-delta.ts) and results come
 * back as what changed since the last result (layout-delta.ts), with the damaged page areas.
 */
import type { FontBook } from '../../engine/fonts';
import { layoutIssue } from '../../engine/flow/layout-issue';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model';
import { docDelta } from './doc-delta';
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
  private readonly waiting = new Map<number, { resolve: (r: LayoutResult) => void; reject: (e: Error) => void }>();
  private sizes: Record<string, { width: number; height: number } | null> = {};
  private previous: LaidOutIssue | undefined;
  /** The last document the worker was given (edits are sent as changes from it). */
  private sent: IssueDocument | undefined;
  private readonly fitting = new Map<number, { resolve: (r: CopyfitResult) => void; reject: (e: Error) => void }>();

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
          this.previous = decodeLayout(this.previous, e.data.delta);
          w.resolve({ layout: this.previous, ms: e.data.ms });
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
    const before = fresh ? undefined : this.previous;
    const layout = layoutIssue(doc, { typesetter: typesetterFor(doc, this.book), imageSize: (src) => this.sizes[src] ?? null }, before);
    recordDamage(before, layout);
    this.previous = layout;
    return { layout, ms: performance.now() - t0 };
  }

  private ask(doc: IssueDocument, fresh: boolean): Promise<LayoutResult> {
    const id = this.nextId++;
    return new Promise<LayoutResult>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
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
