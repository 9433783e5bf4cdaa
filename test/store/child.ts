/** Builds the crash-test child once (esbuild → one .mjs) and spawns it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

let built: Promise<string> | undefined;

/** Bundles test/store/fixtures/crash-child.ts into a temp folder; cached per test file. */
export function buildChild(): Promise<string> {
  built ??= (async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'bs-child-')), 'crash-child.mjs');
    await build({
      entryPoints: [path.join(import.meta.dirname, 'fixtures', 'crash-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: out,
      logLevel: 'error',
      // fontkit-free: the store needs only the model (zod); keep the bundle self-contained.
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    return out;
  })();
  return built;
}

/** A running child with its stdout lines collected. */
export interface RunningChild {
  proc: ChildProcess;
  lines: string[];
  /** Resolves when the child printed `line`. */
  waitFor(line: string): Promise<void>;
  /** Resolves when the child has exited. */
  exited: Promise<void>;
}

/** Starts the crash child with the given arguments. */
export function startChild(script: string, args: string[]): RunningChild {
  const proc = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { line: string; resolve: () => void }[] = [];
  let buf = '';
  proc.stdout!.setEncoding('utf8');
  proc.stdout!.on('data', (d: string) => {
    buf += d;
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      lines.push(line);
      for (const w of waiters.filter((x) => x.line === line)) w.resolve();
    }
  });
  proc.stderr!.resume();
  const exited = new Promise<void>((r) => proc.on('exit', () => r()));
  return {
    proc,
    lines,
    exited,
    waitFor: (line) =>
      lines.includes(line) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ line, resolve })),
  };
}

export { prng } from '../../scripts/prng';
