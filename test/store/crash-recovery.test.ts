/**
 * kill -9 mid-edit: a child edits a document every 20 ms with autosave on and is killed at
 * a random moment. The recovery folder must then hold a readable document containing every
 * edit made more than 2 s before the kill (the goal), and the restore/discard API
 * must work on it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RecoveryStore } from '../../services/recovery';
import { buildChild, prng, startChild } from './child';

const TRIALS = 8;
const root = mkdtempSync(path.join(os.tmpdir(), 'bs-crash-edit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('autosave under kill -9', () => {
  it('loses at most 2 s of edits', async () => {
    const script = await buildChild();
    const rand = prng(7);
    const losses: number[] = [];
    const trial = async (t: number) => {
      const dir = path.join(root, `t${t}`);
      const child = startChild(script, ['edit', dir, '2000']);
      await child.waitFor('ready');
      await new Promise((r) => setTimeout(r, 1500 + rand() * 1500));
      const killedAt = Date.now();
      child.proc.kill('SIGKILL');
      await child.exited;
      const edits = child.lines
        .filter((l) => l.startsWith('edit '))
        .map((l) => l.split(' ').map(Number) as [number, number, number])
        .map(([, n, at]) => ({ n, at }));
      expect(edits.length, `trial ${t}: the child made no edits`).toBeGreaterThan(10);
      const store = new RecoveryStore(dir);
      const list = await store.list();
      expect(list.map((e) => e.key)).toEqual(['crash-test-doc']);
      expect(list[0]!.problem).toBeUndefined();
      const rec = await store.restore('crash-test-doc');
      const first = rec.doc.stories[0]!.paragraphs[0]!.runs[0]!.text;
      const n = Number(/^e(\d+)/.exec(first)?.[1]);
      // Every edit older than 2 s at the moment of the kill must be in the recovered document.
      const mustHave = Math.max(0, ...edits.filter((e) => e.at <= killedAt - 2000).map((e) => e.n));
      expect(n, `trial ${t}: recovered edit ${n}, but edit ${mustHave} was older than 2 s`).toBeGreaterThanOrEqual(mustHave);
      const recoveredAt = edits.find((e) => e.n === n)?.at ?? 0;
      losses.push(killedAt - recoveredAt);
      await store.discard('crash-test-doc');
      expect(await store.list()).toEqual([]);
    };
    for (let t = 0; t < TRIALS; t += 4) await Promise.all([0, 1, 2, 3].map((k) => trial(t + k)));
    console.log(`crash-recovery: work lost per kill (ms): ${losses.sort((a, b) => a - b).join(', ')}`);
    expect(Math.max(...losses)).toBeLessThanOrEqual(2000);
  }, 120_000);
});
