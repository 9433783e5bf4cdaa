/**
 * kill -9 during saves: a child saves versions v1, v2, … of a ~180 KB document in a loop
 * (with backups on) and is killed at a random moment. The document on disk must always be
 * exactly one complete version (byte-identical to what the store writes), at least the last
 * version the child reported saved, and every backup must be a complete version too.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupsDir } from '../../services/meta-dir';
import { buildChild, prng, startChild } from './child';
import { docText, makeDoc } from './fixture-doc';

const TRIALS = Number(process.env.BS_CRASH_TRIALS ?? 300);
const PADDING = 60_000; // ≈ 180 KB of UTF-8, so a save takes long enough to be hit mid-write
const MIN_TRIALS = Math.min(TRIALS, 100);
const BUDGET_MS = 45_000;
const SEED = Number(process.env.BS_CRASH_SEED ?? 20261128);

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const v0Text = docText(makeDoc({ marker: 'v0', padding: PADDING }));
const expected = new Map<number, string>();
/** The hash of version v as the store writes it (versions differ only in the marker). */
function hashOf(v: number): string {
  let h = expected.get(v);
  if (!h) expected.set(v, (h = sha(v0Text.replace('"v0字', `"v${v}字`))));
  return h;
}
function versionOf(text: string): number {
  const m = /"text": "v(\d+)字/.exec(text);
  return m ? Number(m[1]) : -1;
}

const root = mkdtempSync(path.join(os.tmpdir(), 'bs-crash-save-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('atomic save under kill -9', () => {
  it(`leaves exactly the old or the new version in hundreds of random kills`, async () => {
    const script = await buildChild();
    const rand = prng(SEED);
    let keptOld = 0;
    let keptNew = 0;
    let midWrite = 0;
    const PARALLEL = 3;
    expect(hashOf(2)).toBe(sha(docText(makeDoc({ marker: 'v2', padding: PADDING }))));
    const runTrial = async (t: number) => {
      const dir = path.join(root, `t${t}`);
      const file = path.join(dir, 'issue.broadsheet');
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, v0Text);
      const child = startChild(script, ['save', file, String(PADDING)]);
      // Warmed up (one save done), then killed at a random moment a few saves later.
      await child.waitFor('saved 1');
      await new Promise((r) => setTimeout(r, rand() * 40));
      child.proc.kill('SIGKILL');
      await child.exited;
      const reported = Math.max(0, ...child.lines.filter((l) => l.startsWith('saved ')).map((l) => Number(l.slice(6))));
      const text = readFileSync(file, 'utf8');
      const v = versionOf(text);
      expect(v, `trial ${t} (seed ${SEED}): unreadable file`).toBeGreaterThanOrEqual(0);
      expect(sha(text), `trial ${t}: file is not exactly version ${v}`).toBe(hashOf(v));
      // The version on disk is the last reported one, or the one being saved when killed.
      expect(v === reported || v === reported + 1, `trial ${t}: v${v} but child reported v${reported}`).toBe(true);
      // A temp file left behind means the kill hit between creating it and the rename.
      if (readdirSync(dir).some((f) => f.startsWith('.issue.broadsheet.tmp-'))) midWrite++;
      if (v === reported) keptOld++;
      else keptNew++;
      const backups = existsSync(backupsDir(file)) ? readdirSync(backupsDir(file)) : [];
      for (const b of backups) {
        const bt = readFileSync(path.join(backupsDir(file), b), 'utf8');
        expect(sha(bt), `trial ${t}: backup ${b} is not a complete version`).toBe(hashOf(versionOf(bt)));
      }
      expect(backups.length).toBeLessThanOrEqual(5 + 1); // +1: killed between link and prune
      rmSync(dir, { recursive: true, force: true });
    };
    // On a loaded machine, stop at the time budget once MIN_TRIALS have run.
    const started = Date.now();
    let done = 0;
    while (done < TRIALS && (done < MIN_TRIALS || Date.now() - started < BUDGET_MS)) {
      const n = Math.min(PARALLEL, TRIALS - done);
      await Promise.all(Array.from({ length: n }, (_, k) => runTrial(done + k)));
      done += n;
    }
    console.log(
      `crash-save: ${done} trials in ${Date.now() - started} ms (seed ${SEED}): ${midWrite} killed while writing the temp file; ` +
        `${keptOld} left the last reported version, ${keptNew} the one being saved`,
    );
    // The kills must land inside the temp write and after the rename for the test to mean anything.
    expect(midWrite).toBeGreaterThan(done / 40);
    expect(keptNew).toBeGreaterThan(done / 40);
  }, 180_000);
});
