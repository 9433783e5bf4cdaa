/**
 * The durability order of a save, observed with strace (Linux, where strace is installed):
 * the temp file is created exclusively, fsynced, renamed over the target, and then the
 * folder is opened and fsynced. write-file-atomic, for one, skips the folder fsync.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChild } from './child';

const strace = ['/usr/bin/strace', '/bin/strace'].find((p) => existsSync(p));

describe('save syscalls', () => {
  it.skipIf(process.platform !== 'linux' || !strace)('write tmp → fsync(tmp) → rename → fsync(folder)', async () => {
    const script = await buildChild();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bs-strace-'));
    const file = path.join(dir, 'issue.broadsheet');
    const log = path.join(dir, 'trace.txt');
    try {
      const r = spawnSync(strace!, ['-f', '-qq', '-o', log, '-e', 'trace=openat,fsync,fdatasync,rename,renameat,renameat2,close', process.execPath, script, 'save-once', file, '10'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const lines = readFileSync(log, 'utf8').split('\n');
      // Track which fd is which file, and list the events that touch our folder.
      const fdName = new Map<string, string>();
      const events: string[] = [];
      for (const l of lines) {
        const open = /openat\(AT_FDCWD, "([^"]+)", ([^)]*)\) = (\d+)/.exec(l);
        if (open && open[1]!.startsWith(dir)) {
          fdName.set(open[3]!, open[1]!);
          events.push(`open ${path.basename(open[1]!) || '.'}${open[1] === dir ? ' (dir)' : ''}${open[2]!.includes('O_EXCL') ? ' excl' : ''}`);
          continue;
        }
        const sync = /(?:fsync|fdatasync)\((\d+)\)\s*= 0/.exec(l);
        if (sync && fdName.has(sync[1]!)) {
          events.push(`fsync ${fdName.get(sync[1]!) === dir ? '(dir)' : path.basename(fdName.get(sync[1]!)!)}`);
          continue;
        }
        const ren = /rename(?:at2?)?\((?:AT_FDCWD, )?"([^"]+)", (?:AT_FDCWD, )?"([^"]+)"/.exec(l);
        if (ren && ren[2]!.startsWith(dir)) events.push(`rename ${path.basename(ren[1]!)} → ${path.basename(ren[2]!)}`);
      }
      const norm = events.map((e) => e.replace(/\.tmp-\d+-[0-9a-f]+/, '.tmp-*'));
      expect(norm).toEqual([
        'open .issue.broadsheet.tmp-* excl',
        'fsync .issue.broadsheet.tmp-*',
        'rename .issue.broadsheet.tmp-* → issue.broadsheet',
        `open ${path.basename(dir)} (dir)`,
        'fsync (dir)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
