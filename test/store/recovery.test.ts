/** Recovery folder and autosave timing (fake timers; the kill test is crash-recovery.test.ts). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Autosaver, RecoveryStore, type Timers } from '../../services/recovery';
import { docText, makeDoc } from './fixture-doc';

const root = mkdtempSync(path.join(os.tmpdir(), 'bs-recovery-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshStore = () => new RecoveryStore(path.join(root, `r${n++}`), () => new Date('2026-11-28T04:00:00Z'));

/** A manual clock: timers fire only when advance() passes their time. */
function manualTimers() {
  let now = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  let id = 0;
  const timers: Timers = {
    setTimeout: (fn, ms) => (pending.set(++id, { at: now + ms, fn }), id),
    clearTimeout: (h) => void pending.delete(h as number),
  };
  return {
    timers,
    now: () => now,
    advance(ms: number) {
      now += ms;
      for (const [k, t] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now) {
          pending.delete(k);
          t.fn();
        }
      }
    },
  };
}

describe('RecoveryStore', () => {
  it('writes, lists, restores and discards entries', async () => {
    const store = freshStore();
    const text = docText(makeDoc({ marker: 'recovered' }));
    await store.write('k1', { path: '/news/issue.broadsheet', title: 'issue', text });
    expect(await store.list()).toEqual([{ key: 'k1', path: '/news/issue.broadsheet', title: 'issue', savedAt: '2026-11-28T04:00:00.000Z' }]);
    const rec = await store.restore('k1');
    expect(rec.doc.stories[0]!.paragraphs[0]!.runs[0]!.text).toBe('recovered');
    await store.discard('k1');
    await store.discard('k1'); // twice is fine
    expect(await store.list()).toEqual([]);
  });

  it('lists a damaged entry with its problem and refuses to restore it', async () => {
    const store = freshStore();
    await store.write('good', { path: null, title: 'Untitled', text: docText(makeDoc()) });
    writeFileSync(path.join(store.dir, 'bad.json'), '{"version":1');
    await store.write('broken-doc', { path: null, title: 'Broken', text: '{"format":"broadsheet"}' });
    const list = await store.list();
    expect(list.find((e) => e.key === 'bad')?.problem).toMatch(/cannot be read/);
    await expect(store.restore('broken-doc')).rejects.toThrow(/"Broken" is damaged/);
    await expect(store.restore('../../etc/passwd')).rejects.toThrow(/not a recovery key/);
  });
});

describe('Autosaver', () => {
  /** Snapshot functions note when they are taken (= when the autosave fires), on the manual clock. */
  const taken: number[] = [];
  let clockNow = () => 0;
  const snap = (marker: string) => () => (taken.push(clockNow()), { path: null, title: 't', text: docText(makeDoc({ marker })) });

  /** Lets the write chained on the previous one start. */
  const tick = () => new Promise((r) => setImmediate(r));

  /** A store that notes when each write starts, on the manual clock. */
  function spyStore(clock: { now(): number }) {
    clockNow = clock.now;
    taken.length = 0;
    return { store: freshStore(), writes: taken };
  }

  it('writes 500 ms after the last change', async () => {
    const clock = manualTimers();
    const { store, writes } = spyStore(clock);
    const a = new Autosaver(store, 'doc', { timers: clock.timers });
    a.changed(snap('one'), clock.now());
    clock.advance(200);
    a.changed(snap('two'), clock.now());
    clock.advance(499);
    await tick();
    expect(writes).toEqual([]);
    clock.advance(1);
    await tick();
    expect(writes).toEqual([700]);
    await a.flush();
    expect((await store.restore('doc')).doc.stories[0]!.paragraphs[0]!.runs[0]!.text).toBe('two');
  });

  it('writes within 1 s of the first change even while the user keeps typing', async () => {
    const clock = manualTimers();
    const { store, writes } = spyStore(clock);
    const a = new Autosaver(store, 'doc', { timers: clock.timers });
    for (let i = 0; i < 30; i++) {
      a.changed(snap(`e${i}`), clock.now());
      clock.advance(100); // a keystroke every 100 ms: a plain debounce would never fire
      await tick();
    }
    // One write per second of typing, each within 1 s of the first unsaved change.
    expect(writes).toEqual([1000, 2000, 3000]);
    await a.flush();
    expect((await store.restore('doc')).doc.stories[0]!.paragraphs[0]!.runs[0]!.text).toBe('e29');
  });

  it('clean() drops the pending write and the entry', async () => {
    const store = freshStore();
    const clock = manualTimers();
    const a = new Autosaver(store, 'doc', { timers: clock.timers });
    a.changed(snap('x'), clock.now());
    await a.flush();
    expect((await store.list()).length).toBe(1);
    a.changed(snap('y'), clock.now());
    await a.clean();
    clock.advance(2000);
    await a.flush();
    expect(await store.list()).toEqual([]);
  });
});
