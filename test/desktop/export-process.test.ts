/** Export in a utility process: progress relayed, results and failures, hangs and crashes. */
import { describe, expect, it } from 'vitest';
import type { Exporter } from '../../services/api';
import { createProcessExporter, runExportRequest, type WorkerHandle, type WorkerMessage } from '../../main/export-process';

/** A fake utility process running `exporter` in-process, or misbehaving as told. */
function fakeFork(behaviour: 'ok' | 'crash' | 'hang' | 'garbage', exporter?: Exporter) {
  const killed: number[] = [];
  let n = 0;
  const fork = (): WorkerHandle => {
    const id = ++n;
    const on: Record<string, ((x: never) => void)[]> = { message: [], exit: [] };
    const emit = (ev: string, x: unknown) => on[ev]!.forEach((l) => l(x as never));
    return {
      on: ((ev: string, l: (x: never) => void) => on[ev]!.push(l)) as WorkerHandle['on'],
      kill: () => (killed.push(id), true),
      postMessage: (msg) => {
        setTimeout(() => {
          if (behaviour === 'crash') emit('exit', 134);
          else if (behaviour === 'garbage') emit('message', { type: 'done', bytes: 'not bytes' });
          else if (behaviour === 'ok') void runExportRequest(msg, exporter, (m: WorkerMessage) => emit('message', m));
        }, 1);
      },
    };
  };
  return { fork, killed };
}

const exporter: Exporter = async (_doc, _path, _opts, progress) => {
  for (let p = 1; p <= 3; p++) progress('page', p, 3);
  return { bytes: new Uint8Array([37, 80, 68, 70]), pages: 3 };
};
const doc = {} as Parameters<Exporter>[0];

describe('export in a utility process', () => {
  it('relays progress and returns the PDF bytes, then kills the worker', async () => {
    const { fork, killed } = fakeFork('ok', exporter);
    const progress: string[] = [];
    const r = await createProcessExporter(fork)(doc, '/n/a.broadsheet', {}, (phase, done, total) => progress.push(`${phase} ${done}/${total}`));
    expect(r).toEqual({ bytes: new Uint8Array([37, 80, 68, 70]), pages: 3 });
    expect(progress).toEqual(['page 1/3', 'page 2/3', 'page 3/3']);
    expect(killed).toEqual([1]);
  });
  it('reports the exporter’s error message', async () => {
    const { fork } = fakeFork('ok', async () => {
      throw new Error('font NotoSerifCJK-Regular.ttc is damaged');
    });
    await expect(createProcessExporter(fork)(doc, '/a', {}, () => undefined)).rejects.toThrow('font NotoSerifCJK-Regular.ttc is damaged');
  });
  it('turns a crashed worker into an error', async () => {
    await expect(createProcessExporter(fakeFork('crash').fork)(doc, '/a', {}, () => undefined)).rejects.toThrow(/stopped unexpectedly \(exit code 134\)/);
  });
  it('refuses a malformed message from the worker', async () => {
    await expect(createProcessExporter(fakeFork('garbage').fork)(doc, '/a', {}, () => undefined)).rejects.toThrow(/malformed message/);
  });
  it('kills a worker that hangs', async () => {
    const { fork, killed } = fakeFork('hang');
    await expect(createProcessExporter(fork, 50)(doc, '/a', {}, () => undefined)).rejects.toThrow(/took longer than/);
    expect(killed).toEqual([1]);
  });
  it('the worker side refuses a malformed request and a build without an exporter', async () => {
    const out: WorkerMessage[] = [];
    await runExportRequest({ type: 'nope' }, exporter, (m) => out.push(m));
    await runExportRequest({ type: 'export', doc: {}, docPath: '/a', options: {} }, undefined, (m) => out.push(m));
    expect(out).toEqual([
      { type: 'error', message: 'PDF export failed: malformed export request' },
      { type: 'error', message: 'PDF export is not available in this build' },
    ]);
  });
});
