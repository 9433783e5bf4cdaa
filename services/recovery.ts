/**
 * Crash recovery. Each open document with unsaved changes has a recovery entry in the app's
 * recovery folder (`<userData>/recovery/<key>.json`), written atomically shortly after each
 * change (Autosaver: at most `maxWaitMs` after the first unsaved change, default 1 s, so a
 * crash loses at most about 1–2 s of work). Entries are keyed by a per-document id, not by
 * path, so a document moved or renamed after a crash can still be recovered (InDesign's
 * recovery loses those). A save or a clean close discards the entry; on the next start the
 * app lists what is left and offers to restore or discard each.
 */
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { checkDocument, type IssueDocument } from '../engine/model';
import { writeFileAtomic } from './atomic-write';

const Entry = z.object({
  version: z.literal(1),
  key: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  /** The document's file, or null for one never saved. */
  path: z.string().nullable(),
  title: z.string(),
  savedAt: z.string(),
  text: z.string(),
});
type Entry = z.infer<typeof Entry>;

/** What the start-up prompt shows for one recoverable document. */
export interface RecoveryInfo {
  key: string;
  path: string | null;
  title: string;
  /** When the entry was written (ISO 8601). */
  savedAt: string;
  /** Set when the entry cannot be restored (damaged); it can only be discarded. */
  problem?: string;
}

/** A restored document: the text and parsed document, and where it was saved before. */
export interface RecoveredDocument {
  key: string;
  path: string | null;
  title: string;
  text: string;
  doc: IssueDocument;
}

const KEY_RE = /^[A-Za-z0-9-]{1,64}$/;

/** The recovery folder: write, list, restore and discard entries. */
export class RecoveryStore {
  /** @param dir the recovery folder, e.g. `<userData>/recovery`. */
  constructor(readonly dir: string, private readonly now: () => Date = () => new Date()) {}

  /** A fresh key for a newly opened document. */
  static newKey(): string {
    return randomUUID();
  }

  private file(key: string): string {
    // Keys come from us, but a renderer may echo one back: never let it name another path.
    if (!KEY_RE.test(key)) throw new Error(`"${key}" is not a recovery key`);
    return path.join(this.dir, `${key}.json`);
  }

  /** Writes (replaces) the recovery entry of a document. */
  async write(key: string, info: { path: string | null; title: string; text: string }): Promise<void> {
    await fsp.mkdir(this.dir, { recursive: true });
    const entry: Entry = { version: 1, key, path: info.path, title: info.title, savedAt: this.now().toISOString(), text: info.text };
    await writeFileAtomic(this.file(key), JSON.stringify(entry));
  }

  /** Lists the entries left in the folder, newest first; damaged ones carry a `problem`. */
  async list(): Promise<RecoveryInfo[]> {
    const names = await fsp.readdir(this.dir).catch(() => [] as string[]);
    const out: RecoveryInfo[] = [];
    for (const n of names) {
      if (!n.endsWith('.json') || !KEY_RE.test(n.slice(0, -5))) continue;
      const key = n.slice(0, -5);
      const r = await this.read(key);
      if (r.ok) out.push({ key, path: r.entry.path, title: r.entry.title, savedAt: r.entry.savedAt });
      else out.push({ key, path: null, title: n, savedAt: '', problem: r.problem });
    }
    return out.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  }

  private async read(key: string): Promise<{ ok: true; entry: Entry } | { ok: false; problem: string }> {
    let raw: unknown;
    try {
      raw = JSON.parse(await fsp.readFile(this.file(key), 'utf8'));
    } catch (e) {
      return { ok: false, problem: `cannot be read: ${(e as Error).message}` };
    }
    const parsed = Entry.safeParse(raw);
    if (!parsed.success || parsed.data.key !== key) return { ok: false, problem: 'is not a recovery entry' };
    return { ok: true, entry: parsed.data };
  }

  /** Reads an entry back as a document; throws with a message if it is damaged. */
  async restore(key: string): Promise<RecoveredDocument> {
    const r = await this.read(key);
    if (!r.ok) throw new Error(`Recovered document ${key} ${r.problem}`);
    const check = checkDocument(r.entry.text);
    if (!check.ok) {
      throw new Error(`Recovered document "${r.entry.title}" is damaged: ${check.findings.map((f) => `${f.path}: ${f.message}`).join('; ')}`);
    }
    return { key, path: r.entry.path, title: r.entry.title, text: r.entry.text, doc: check.value };
  }

  /** Removes an entry (after a save, a clean close, or when the user declines recovery). */
  async discard(key: string): Promise<void> {
    await fsp.unlink(this.file(key)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }
}

/** Timer functions, injectable so tests can drive time. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Autosaver timing. */
export interface AutosaveOptions {
  /** Quiet time after the last change before writing (VS Code uses 1000 ms). */
  debounceMs?: number;
  /** Upper bound from the first unsaved change to the write, so steady typing is covered too. */
  maxWaitMs?: number;
  timers?: Timers;
  /** Told about a failed write (e.g. disk full); autosave keeps trying on later changes. */
  onError?: (e: unknown) => void;
}

/**
 * Writes a document's recovery entry shortly after changes. Call `changed()` on every edit
 * with a function that serialises the current state (called only when writing), `clean()`
 * after a save, `dispose()` when the window closes.
 */
export class Autosaver {
  private timer: unknown;
  private firstPendingAt = 0;
  private snapshot: (() => { path: string | null; title: string; text: string }) | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly timers: Timers;

  constructor(
    private readonly store: RecoveryStore,
    readonly key: string,
    private readonly opts: AutosaveOptions = {},
  ) {
    this.debounceMs = opts.debounceMs ?? 500;
    this.maxWaitMs = opts.maxWaitMs ?? 1000;
    this.timers = opts.timers ?? realTimers;
  }

  /** Notes an unsaved change; `snapshot` is read when the entry is written. */
  changed(snapshot: () => { path: string | null; title: string; text: string }, nowMs = performance.now()): void {
    this.snapshot = snapshot;
    if (this.timer === undefined) this.firstPendingAt = nowMs;
    else this.timers.clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstPendingAt + this.maxWaitMs - nowMs));
    this.timer = this.timers.setTimeout(() => void this.flush(), wait);
  }

  /** Writes the pending change now (if any) and waits for the write to finish. */
  flush(): Promise<void> {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    const snap = this.snapshot;
    this.snapshot = undefined;
    if (snap) {
      // Serialise now (the state at the deadline); chain the write so an older snapshot never
      // lands after a newer one.
      let info: ReturnType<typeof snap>;
      try {
        info = snap();
      } catch (e) {
        this.opts.onError?.(e);
        return this.writing;
      }
      this.writing = this.writing.then(() => this.store.write(this.key, info)).catch((e) => this.opts.onError?.(e));
    }
    return this.writing;
  }

  /** The document was saved or reverted: drop pending work and the entry. */
  async clean(): Promise<void> {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.snapshot = undefined;
    await this.writing;
    await this.store.discard(this.key);
  }

  /** Stops the timer without writing (the window is closing; call clean() first if saved). */
  dispose(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
