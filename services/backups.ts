/**
 * Backups of the last saved versions. Before each save replaces a document, the version on
 * disk is kept in `.broadsheet-meta/<name>/backups/` (see meta-dir.ts); the newest KEEP are
 * kept. The backup is a hard link to the old file where the file system allows it, so
 * keeping it costs no copying: the atomic rename gives the document a new inode and the
 * link keeps the old one. Elsewhere (FAT, some network shares) it is a copy.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { checkDocument } from '../engine/model';
import { nodeFs, writeFileAtomic, type FsOps } from './atomic-write';
import { backupsDir } from './meta-dir';

/** How many saved versions are kept by default. */
export const KEEP_BACKUPS = 5;

/** One kept version of a document. */
export interface BackupInfo {
  /** Stable name of the backup (its file name); pass it to restoreBackup. */
  id: string;
  path: string;
  /** When the version was replaced by a newer save (ISO 8601). */
  replacedAt: string;
  size: number;
}

const ID_RE = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d+)?\.broadsheet$/;

function stamp(d: Date): string {
  return d.toISOString().replace(/:/g, '-').replace('.', '-');
}

function parseStamp(id: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(id);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : '';
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fsp.stat(a), fsp.stat(b)]);
  if (sa.size !== sb.size) return false;
  if (sa.ino === sb.ino && sa.dev === sb.dev && sa.ino !== 0) return true;
  const [ba, bb] = await Promise.all([fsp.readFile(a), fsp.readFile(b)]);
  return ba.equals(bb);
}

/** Lists a document's backups, newest first. Missing folder → empty list. */
export async function listBackups(file: string): Promise<BackupInfo[]> {
  const dir = backupsDir(file);
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: BackupInfo[] = [];
  for (const id of names.filter((n) => ID_RE.test(n))) {
    const p = path.join(dir, id);
    const st = await fsp.stat(p).catch(() => undefined);
    if (st?.isFile()) out.push({ id, path: p, replacedAt: parseStamp(id), size: st.size });
  }
  // Names sort by time; the -N suffix orders versions replaced in the same millisecond.
  return out.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** Options shared by the backup functions. */
export interface BackupOptions {
  fs?: FsOps;
  now?: () => Date;
  keep?: number;
}

/**
 * Keeps the version of `file` now on disk as a backup (call before replacing it). Does
 * nothing if there is no file yet or it equals the newest backup (repeated saves of the
 * same content do not push older versions out). Returns the backup made, if any.
 */
export async function snapshotBeforeSave(file: string, opts: BackupOptions = {}): Promise<string | undefined> {
  const fs = opts.fs ?? nodeFs;
  const exists = await fsp.stat(file).then((s) => s.isFile(), () => false);
  if (!exists) return undefined;
  const dir = backupsDir(file);
  await fsp.mkdir(dir, { recursive: true });
  const newest = (await listBackups(file))[0];
  if (newest && (await sameBytes(newest.path, file))) return undefined;
  const base = stamp((opts.now ?? (() => new Date()))());
  let target = path.join(dir, `${base}.broadsheet`);
  for (let n = 1; await fsp.stat(target).then(() => true, () => false); n++) target = path.join(dir, `${base}-${n}.broadsheet`);
  try {
    await fs.link(file, target);
  } catch {
    await fs.copyFile(file, target);
  }
  return target;
}

/** Deletes all but the newest `keep` backups. */
export async function pruneBackups(file: string, keep = KEEP_BACKUPS): Promise<void> {
  const all = await listBackups(file);
  for (const b of all.slice(keep)) await fsp.unlink(b.path).catch(() => undefined);
}

/**
 * Restores backup `id` as the document: the backup is checked first (a damaged backup is
 * refused with a message), the current version becomes a backup itself (so a restore can
 * be undone), then the backup's bytes replace the document atomically. Returns the text.
 */
export async function restoreBackup(file: string, id: string, opts: BackupOptions = {}): Promise<string> {
  if (!ID_RE.test(id)) throw new Error(`${file}: "${id}" is not a backup name`);
  const src = path.join(backupsDir(file), id);
  let text: string;
  try {
    text = await fsp.readFile(src, 'utf8');
  } catch (e) {
    throw new Error(`${file}: backup ${id} cannot be read (${(e as Error).message})`);
  }
  const check = checkDocument(text);
  if (!check.ok) {
    throw new Error(`${file}: backup ${id} is damaged: ${check.findings.map((f) => `${f.path}: ${f.message}`).join('; ')}`);
  }
  await snapshotBeforeSave(file, opts);
  await writeFileAtomic(file, text, { fs: opts.fs });
  await pruneBackups(file, opts.keep ?? KEEP_BACKUPS);
  return text;
}
