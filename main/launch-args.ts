/**
 * What to open at launch. Files arrive on the command line (Windows and Linux file
 * associations, `broadsheet-app issue.broadsheet`, a second instance forwarding its argv) or
 * through macOS's open-file event. Pure and tested: Chromium switches, the Electron binary
 * and the app path must never be taken for documents.
 */
import path from 'node:path';

/** The parsed launch request. */
export interface LaunchRequest {
  /** Absolute paths of documents to open, in order, without duplicates. */
  files: string[];
}

/**
 * Parses an argv as Electron gives it: `[electron, app-path?, ...args]` in development,
 * `[app, ...args]` when packaged. Flags (`--x`, `-x`, `--x=y`) are skipped; everything after
 * a bare `--` is a file. Only `.broadsheet` files are taken, resolved against `cwd`.
 */
export function parseLaunchArgs(argv: readonly string[], opts: { packaged: boolean; cwd: string }): LaunchRequest {
  const args = argv.slice(opts.packaged ? 1 : 2);
  const files: string[] = [];
  let onlyFiles = false;
  for (const a of args) {
    if (!onlyFiles && a === '--') {
      onlyFiles = true;
      continue;
    }
    if (!onlyFiles && a.startsWith('-')) continue;
    if (!a || a.includes('\0')) continue;
    // macOS Finder once passed -psn_0_…; file:// URLs come from some Linux desktops.
    let p = a;
    if (/^file:\/\//i.test(p)) {
      try {
        p = decodeURIComponent(new URL(p).pathname);
      } catch {
        continue;
      }
    }
    if (!p.toLowerCase().endsWith('.broadsheet')) continue;
    const abs = path.resolve(opts.cwd, p);
    if (!files.includes(abs)) files.push(abs);
  }
  return { files };
}

/**
 * Chooses what to open when the app starts with no file requested: the last document if it
 * still exists, otherwise the sample issue (first run).
 */
export function chooseStartDocument(req: LaunchRequest, last: string | undefined, exists: (p: string) => boolean, sample: string): string[] {
  if (req.files.length) return req.files;
  if (last && exists(last)) return [last];
  return exists(sample) ? [sample] : [];
}
