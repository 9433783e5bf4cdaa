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
    let midSave = 0;
    const PARALLEL = 3;
    expect(hashOf(2)).toBe(sha(docText(makeDoc({ marker: 'v2', padding: PADDING }))));
    const runTrial = async (t: number) => {
      const dir = path.join(root, `t${t}`);
      const file = path.join(dir, 'issue.broadsheet');
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, v0Text);
      const child = startChild(script, ['save', file, String(PADDING)]);
      await child.waitFor('ready');
      await new Promise((r) => setTimeout(r, rand() * 30));
      child.proc.kill('SIGKILL');
      await child.exited;
      const reported = Math.max(0, ...child.lines.filter((l) => l.startsWith('saved ')).map((l) => Number(l.slice(6))));
      const text = readFileSync(file, 'utf8');
      const v = versionOf(text);
      expect(v, `trial ${t} (seed ${SEED}): unreadable file`).toBeGreaterThanOrEqual(0);
      expect(sha(text), `trial ${t}: file is not exactly version ${v}`).toBe(hashOf(v));
      // The version on disk is the last reported one, or the one being saved when killed.
      expect(v === reported || v === reported + 1, `trial ${t}: v${v} but child reported v${reported}`).toBe(true);
      if (v === reported + 1 || child.lines.length === 1) midSave++;
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
    console.log(`crash-save: ${done} trials, ${midSave} killed mid-save, ${Date.now() - started} ms (seed ${SEED})`);
    // The kills must actually land during saves for the test to mean anything.
    expect(midSave).toBeGreaterThan(done / 10);
  }, 180_000);
});
