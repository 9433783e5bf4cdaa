/**
 * The document store: opening and saving `.broadsheet` files.
 *
 * Open: read, migrate an older format version (engine/model), refuse a newer one with a
 * message, check the linked files, clean up temp files left by a crash.
 * Save: serialise, keep the version on disk as a backup (backups.ts, last 5), replace the
 * file atomically and durably (atomic-write.ts), record the links' fingerprints (links.ts).
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { checkDocument, DocumentError, serializeDocument, type IssueDocument } from '../engine/model';
import { tempPrefix, writeFileAtomic, type FsOps } from './atomic-write';
import { KEEP_BACKUPS, pruneBackups, snapshotBeforeSave } from './backups';
import { checkLinks, recordLinks, type LinkReport } from './links';

/** The file extension of issue documents. */
export const DOCUMENT_EXTENSION = '.broadsheet';

/** Largest document the store reads (a 64-page issue is a few MB of JSON). */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

/** A document read from disk. */
export interface OpenedDocument {
  /** Absolute path. */
  path: string;
  doc: IssueDocument;
  /** Set when the file was an older format version; saving writes the current version. */
  migratedFrom?: number;
  /** Linked files with their state; `links.problems` lists the missing and changed ones. */
  links: LinkReport;
}

/** Reads and validates a document without touching anything else (used by tests and import). */
export async function readDocument(file: string): Promise<{ doc: IssueDocument; migratedFrom?: number }> {
  const abs = path.resolve(file);
  let st;
  try {
    st = await fsp.stat(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${abs} does not exist` : `${abs} cannot be opened: ${(e as Error).message}`);
  }
  if (!st.isFile()) throw new Error(`${abs} is not a file`);
  if (st.size > MAX_DOCUMENT_BYTES) throw new Error(`${abs} is too large to be a Broadsheet issue (${st.size} bytes)`);
  const bytes = await fsp.readFile(abs);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentError(abs, [{ path: '(file)', message: 'is not UTF-8 text (is this a Broadsheet issue?)' }]);
  }
  const r = checkDocument(text);
  if (!r.ok) throw new DocumentError(abs, r.findings);
  return r.migratedFrom !== undefined ? { doc: r.value, migratedFrom: r.migratedFrom } : { doc: r.value };
}

/**
 * Opens a document: validates (migrating older versions), removes stale temp files of
 * interrupted saves, and checks its linked files. Throws DocumentError naming the file
 * and every problem when it cannot be read; the file itself is never modified.
 */
export async function openDocument(file: string): Promise<OpenedDocument> {
  const abs = path.resolve(file);
  const { doc, migratedFrom } = await readDocument(abs);
  await removeStaleTemps(abs);
  const links = await checkLinks(doc, abs);
  return migratedFrom !== undefined ? { path: abs, doc, migratedFrom, links } : { path: abs, doc, links };
}

/** Options for saveDocument. */
export interface SaveOptions {
  /** How many earlier versions to keep (default 5; 0 keeps none). */
  keepBackups?: number;
  now?: () => Date;
  fs?: FsOps;
  /** Skip fingerprinting the links (the crash tests save thousands of times). */
  skipLinks?: boolean;
}

/** What a save did. */
export interface SaveResult {
  path: string;
  bytes: number;
  /** The backup made of the previous version, if any. */
  backup?: string;
}

/**
 * Saves a document atomically. The version on disk is kept as a backup first; if anything
 * fails, a SaveError naming the file is thrown and the file on disk is the previous version.
 */
export async function saveDocument(file: string, doc: IssueDocument, opts: SaveOptions = {}): Promise<SaveResult> {
  const abs = path.resolve(file);
  const text = serializeDocument(doc);
  const keep = opts.keepBackups ?? KEEP_BACKUPS;
  // A backup failure (e.g. a read-only meta folder) must not block saving the work itself.
  const backup = keep > 0 ? await snapshotBeforeSave(abs, { fs: opts.fs, now: opts.now }).catch(() => undefined) : undefined;
  await writeFileAtomic(abs, text, { fs: opts.fs });
  if (keep > 0) await pruneBackups(abs, keep).catch(() => undefined);
  if (!opts.skipLinks) await recordLinks(doc, abs).catch(() => undefined);
  const bytes = Buffer.byteLength(text);
  return backup ? { path: abs, bytes, backup } : { path: abs, bytes };
}

/** Removes temp files that interrupted saves left beside `file` (older than a minute). */
export async function removeStaleTemps(file: string, olderThanMs = 60_000): Promise<number> {
  const dir = path.dirname(file);
  const prefix = tempPrefix(file);
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const n of names.filter((x) => x.startsWith(prefix))) {
    const p = path.join(dir, n);
    const st = await fsp.stat(p).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > olderThanMs) {
      await fsp.unlink(p).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}
