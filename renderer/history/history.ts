/**
 * Undo and redo over immer patches, with marks (tldraw's HistoryManager pattern, Excalidraw's
 * capture rules). Framework-free: no React, no clock. The document is the only thing kept
 * here; session state (selection, view) lives elsewhere so that selecting never clears redo.
 */
import { applyPatches, enablePatches, produceWithPatches, type Draft, type Patch } from 'immer';

enablePatches();

/**
 * How a change enters the history:
 * - record: a new undo step (clears redo);
 * - squash: merged into the last step (one step for a whole gesture);
 * - never: applied without an undo step (e.g. derived data the user never sees as an edit).
 */
export type Capture = 'record' | 'never' | 'squash';

/** Typing-burst grouping: consecutive changes with the same key within `window` ms merge. */
export interface Burst {
  /** What the burst is about, e.g. the story id being typed into. */
  key: string;
  /** The event's timestamp in ms, supplied by the caller (History has no clock). */
  at: number;
  /** Largest gap between two keystrokes of one burst, in ms. */
  window: number;
}

/** Options of one change. */
export interface ChangeOptions {
  capture?: Capture;
  burst?: Burst;
}

/** One undoable step: patches forward and back. */
interface Step {
  kind: 'step';
  patches: Patch[];
  inverse: Patch[];
  burst?: { key: string; at: number };
}

/** A named point in the undo stack that a gesture can bail or squash back to. */
interface Mark {
  kind: 'mark';
  id: string;
}

type Entry = Step | Mark;

/** Called after every document change with the new document. */
export type HistoryListener<T> = (doc: T, cause: 'change' | 'undo' | 'redo' | 'reset' | 'bail') => void;

/** The undo/redo history of one document of type T. */
export class History<T extends object> {
  private doc: T;
  private undos: Entry[] = [];
  private redos: Step[] = [];
  private readonly listeners = new Set<HistoryListener<T>>();

  constructor(doc: T) {
    this.doc = doc;
  }

  /** The current document. */
  get current(): T {
    return this.doc;
  }

  /** Whether there is a step to undo. */
  get canUndo(): boolean {
    return this.undos.some((e) => e.kind === 'step');
  }

  /** Whether there is a step to redo. */
  get canRedo(): boolean {
    return this.redos.length > 0;
  }

  /** Number of undoable steps (marks not counted). */
  get undoDepth(): number {
    return this.undos.filter((e) => e.kind === 'step').length;
  }

  /** Number of redoable steps. */
  get redoDepth(): number {
    return this.redos.length;
  }

  /** Listens to document changes; returns the unsubscriber. */
  subscribe(l: HistoryListener<T>): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Replaces the document (open, revert): never undoable, clears both stacks. */
  reset(doc: T): void {
    this.doc = doc;
    this.undos = [];
    this.redos = [];
    this.emit('reset');
  }

  /**
   * Changes the document with an immer recipe (a plain mutating function over a draft, such as
   * the engine/edit operations). A recipe that changes nothing leaves no step. Returns the new
   * document. Throwing inside the recipe leaves the document and history untouched.
   */
  change(recipe: (draft: T) => void, opts: ChangeOptions = {}): T {
    // Drafts of our plain-JSON records have the records' own shape, so recipes are typed over T.
    const [next, patches, inverse] = produceWithPatches(this.doc, (d: Draft<T>) => {
      recipe(d as T);
    });
    if (patches.length === 0) return this.doc;
    this.doc = next as T;
    const capture = opts.capture ?? 'record';
    if (capture === 'record') this.record({ kind: 'step', patches, inverse }, opts.burst);
    else if (capture === 'squash') this.squashInto({ kind: 'step', patches, inverse });
    this.emit('change');
    return this.doc;
  }

  /** Adds a mark (the start of a gesture). Marks with the same id may repeat; the latest wins. */
  mark(id: string): void {
    this.undos.push({ kind: 'mark', id });
  }

  /**
   * Reverts every step since mark `id` and forgets them and the mark (a cancelled gesture
   * leaves no step). Redo is untouched. Unknown mark: nothing happens, returns false.
   */
  bailToMark(id: string): boolean {
    const i = this.findMark(id);
    if (i < 0) return false;
    const tail = this.undos.splice(i);
    let changed = false;
    for (let k = tail.length - 1; k >= 0; k--) {
      const e = tail[k]!;
      if (e.kind === 'step') {
        this.doc = applyPatches(this.doc, e.inverse);
        changed = true;
      }
    }
    if (changed) this.emit('bail');
    return true;
  }

  /** Merges every step since mark `id` into one step and removes the mark (a whole drag is one step). */
  squashToMark(id: string): boolean {
    const i = this.findMark(id);
    if (i < 0) return false;
    const tail = this.undos.splice(i).filter((e): e is Step => e.kind === 'step');
    if (tail.length) this.undos.push(tail.reduce((a, b) => merge(a, b)));
    return true;
  }

  /** Undoes the last step (skipping marks). Returns false when there is none. */
  undo(): boolean {
    while (this.undos.length) {
      const e = this.undos.pop()!;
      if (e.kind === 'mark') continue;
      this.doc = applyPatches(this.doc, e.inverse);
      this.redos.push(e);
      this.emit('undo');
      return true;
    }
    return false;
  }

  /** Redoes the last undone step. Returns false when there is none. */
  redo(): boolean {
    const e = this.redos.pop();
    if (!e) return false;
    this.doc = applyPatches(this.doc, e.patches);
    this.undos.push({ ...e, burst: undefined });
    this.emit('redo');
    return true;
  }

  private record(step: Step, burst?: Burst): void {
    this.redos = [];
    const top = this.undos[this.undos.length - 1];
    if (burst && top?.kind === 'step' && top.burst && top.burst.key === burst.key && burst.at - top.burst.at >= 0 && burst.at - top.burst.at <= burst.window) {
      this.undos[this.undos.length - 1] = { ...merge(top, step), burst: { key: burst.key, at: burst.at } };
      return;
    }
    this.undos.push(burst ? { ...step, burst: { key: burst.key, at: burst.at } } : step);
  }

  private squashInto(step: Step): void {
    // Squashing does not open a new step, but it is still a new edit: redo is stale.
    this.redos = [];
    const top = this.undos[this.undos.length - 1];
    if (top?.kind === 'step') this.undos[this.undos.length - 1] = merge(top, step);
    else this.undos.push(step);
  }

  private findMark(id: string): number {
    for (let i = this.undos.length - 1; i >= 0; i--) {
      const e = this.undos[i]!;
      if (e.kind === 'mark' && e.id === id) return i;
    }
    return -1;
  }

  private emit(cause: Parameters<HistoryListener<T>>[1]): void {
    for (const l of this.listeners) l(this.doc, cause);
  }
}

/** Step a then step b as one step: forward a then b, back b⁻¹ then a⁻¹. */
function merge(a: Step, b: Step): Step {
  return { kind: 'step', patches: [...a.patches, ...b.patches], inverse: [...b.inverse, ...a.inverse] };
}
