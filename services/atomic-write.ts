/**
 * Atomic, durable file replacement: write a temporary file in the same folder, fsync it,
 * rename it over the target, fsync the folder. After a crash at any moment the target is
 * either the complete old file or the complete new one (rename is atomic within a folder),
 * and once this resolves the new content survives a power cut (both fsyncs done).
 *
 * All file-system calls go through `FsOps` so tests can inject failures at each step.
 */
import { promises as fsp } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** The file-system operations the store needs; `nodeFs` is the real implementation. */
export interface FsOps {
  /** Creates `file` (must not exist), writes `data`, fsyncs and closes it. */
  writeSynced(file: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Flushes a folder's entries (the rename) to disk; a no-op where folders cannot be opened. */
  fsyncDir(dir: string): Promise<void>;
  /** Hard link; may fail on file systems without links (the caller falls back to copy). */
  link(existing: string, created: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
}

/** The real file system (node:fs/promises). */
export const nodeFs: FsOps = {
  async writeSynced(file, data) {
    // 'wx': never follow or clobber something already at the temp name.
    const fh = await fsp.open(file, 'wx', 0o644);
    try {
      let off = 0;
      while (off < data.byteLength) {
        const { bytesWritten } = await fh.write(data, off, data.byteLength - off);
        off += bytesWritten;
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
  },
  rename: (a, b) => fsp.rename(a, b),
  unlink: (f) => fsp.unlink(f),
  async fsyncDir(dir) {
    let fh: fsp.FileHandle | undefined;
    try {
      fh = await fsp.open(dir, 'r');
      await fh.sync();
    } catch (e) {
      // Windows cannot open a directory for fsync (EISDIR/EPERM); NTFS journals renames itself.
      if (process.platform !== 'win32') throw e;
    } finally {
      await fh?.close();
    }
  },
  link: (a, b) => fsp.link(a, b),
  copyFile: (a, b) => fsp.copyFile(a, b),
};

/** A save that failed; the message names the file and what went wrong. The old file is intact. */
export class SaveError extends Error {
  readonly file: string;
  readonly code: string | undefined;
  constructor(file: string, step: string, cause: unknown, replaced = false) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const state = replaced
      ? 'The new version is in place but may not survive a power cut; save again.'
      : 'The previous version on disk is unchanged.';
    super(`Could not save ${file}: ${step} failed (${describe(cause)}). ${state}`);
    this.name = 'SaveError';
    this.file = file;
    this.code = code;
  }
}

function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const hints: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the disk is read-only',
    ENOENT: 'the folder no longer exists',
    EBUSY: 'the file is in use by another program',
    EIO: 'an input/output error on the disk',
  };
  const msg = e instanceof Error ? e.message : String(e);
  return code && hints[code] ? `${hints[code]}: ${msg}` : msg;
}

/** The temp-file prefix for a target; hidden, and recognisable for cleaning up after a crash. */
export function tempPrefix(file: string): string {
  return `.${path.basename(file)}.tmp-`;
}

/** Options for writeFileAtomic. */
export interface AtomicWriteOptions {
  fs?: FsOps;
  /** Called just before the rename; the crash tests use it to pause there. */
  beforeRename?: () => Promise<void> | void;
  /** Sleep used between rename retries (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
}

// Windows: antivirus or the indexer briefly holds the target; retry the rename with backoff
// for up to ~5 s before failing visibly (write-file-atomic issue #227, graceful-fs).
const RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
const RETRY_DELAYS = [50, 100, 200, 400, 800, 1200, 2000];

/**
 * Replaces `file` with `data` atomically and durably. On any failure the temp file is removed,
 * the target is untouched and a SaveError naming the file is thrown.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string, opts: AtomicWriteOptions = {}): Promise<void> {
  const fs = opts.fs ?? nodeFs;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const dir = path.dirname(file);
  const tmp = path.join(dir, `${tempPrefix(file)}${process.pid}-${randomBytes(4).toString('hex')}`);
  let step = 'writing the temporary file';
  try {
    await fs.writeSynced(tmp, bytes);
    await opts.beforeRename?.();
    step = 'replacing the file';
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.rename(tmp, file);
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (process.platform !== 'win32' || !code || !RETRY_CODES.has(code) || attempt >= RETRY_DELAYS.length) throw e;
        await sleep(RETRY_DELAYS[attempt]!);
      }
    }
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw new SaveError(file, step, e);
  }
  try {
    await fs.fsyncDir(dir);
  } catch (e) {
    // The new file is in place but its name may not be durable yet; say so rather than pretend.
    throw new SaveError(file, 'flushing the folder to disk', e, true);
  }
}
