/**
 * Confinement of paths the renderer names. In web mode every file the services touch must be
 * inside the served folder: a path that resolves (after symlinks) outside it is refused.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../bridge';

/** Whether `child` is `root` itself or inside it (both absolute, normalised). */
export function isInside(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Resolves `p` (absolute, or relative to `base`) and, when `root` is set, checks that it and
 * its real path (symlinks followed, for files that exist) stay inside `root`.
 */
export async function confine(root: string | undefined, base: string, p: string): Promise<string> {
  if (p.includes('\0')) throw new ServiceError('forbidden', 'path contains a NUL byte');
  const abs = path.resolve(base, p.replace(/\\/g, '/'));
  if (!root) return abs;
  const realRoot = await fsp.realpath(root).catch(() => path.resolve(root));
  if (!isInside(path.resolve(root), abs) && !isInside(realRoot, abs)) {
    throw new ServiceError('forbidden', `"${p}" is outside the folder this server may read (${root})`);
  }
  const real = await fsp.realpath(abs).catch(() => undefined);
  if (real && !isInside(realRoot, real)) {
    throw new ServiceError('forbidden', `"${p}" links to a file outside the folder this server may read`);
  }
  return abs;
}

/** Turns a Node file-system error into the bridge's error codes, naming the file. */
export function fsError(e: unknown, file: string, doing: string): ServiceError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ServiceError('not-found', `${file}: no such file`);
  if (code === 'EACCES' || code === 'EPERM') return new ServiceError('io', `${file}: permission denied while ${doing}`);
  if (code === 'EISDIR') return new ServiceError('io', `${file}: is a folder, not a file`);
  return new ServiceError('io', `${file}: ${doing} failed (${e instanceof Error ? e.message : String(e)})`);
}
