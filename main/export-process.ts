/**
 * PDF export in an Electron utility process, so a long export never blocks the main process
 * (and with it every window), and a crash or hang in the PDF writer or a font parser takes
 * down only that process. One process per export; it is killed after `timeoutMs`.
 *
 * Protocol (structured-clone messages):
 *   main → worker  { type: 'export', doc, docPath, options }
 *   worker → main  { type: 'progress', phase, done, total } … then
 *                  { type: 'done', bytes, pages } or { type: 'error', message }
 */
import { z } from 'zod';
import type { Exporter } from '../services/api';

/** The part of Electron's UtilityProcess the exporter uses (tests pass a fake). */
export interface WorkerHandle {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** Messages from the worker, checked (the worker is ours, but it parses untrusted fonts). */
export const WorkerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), phase: z.string(), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('done'), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes'), pages: z.number().int().nonnegative() }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessage>;

/** Builds an Exporter that runs each export in a fresh worker from `fork`. */
export function createProcessExporter(fork: () => WorkerHandle, timeoutMs = 10 * 60_000): Exporter {
  return (doc, docPath, options, onProgress) =>
    new Promise((resolve, reject) => {
      const worker = fork();
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const timer = setTimeout(() => {
        worker.kill();
        finish(() => reject(new Error(`PDF export took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`)));
      }, timeoutMs);
      worker.on('message', (raw) => {
        const m = WorkerMessage.safeParse(raw);
        if (!m.success) {
          worker.kill();
          return finish(() => reject(new Error('PDF export failed: the export process sent a malformed message')));
        }
        const msg = m.data;
        if (msg.type === 'progress') onProgress(msg.phase, msg.done, msg.total);
        else if (msg.type === 'done') {
          worker.kill();
          finish(() => resolve({ bytes: msg.bytes, pages: msg.pages }));
        } else {
          worker.kill();
          finish(() => reject(new Error(msg.message)));
        }
      });
      worker.on('exit', (code) => finish(() => reject(new Error(`PDF export failed: the export process stopped unexpectedly (exit code ${code})`))));
      worker.postMessage({ type: 'export', doc, docPath, options });
    });
}

/** The worker side: runs one export request with `exporter`, reporting through `post`. */
export async function runExportRequest(request: unknown, exporter: Exporter | undefined, post: (m: WorkerMessage) => void): Promise<void> {
  const Req = z.object({ type: z.literal('export'), doc: z.unknown(), docPath: z.string(), options: z.record(z.string(), z.unknown()) });
  const r = Req.safeParse(request);
  if (!r.success) return post({ type: 'error', message: 'PDF export failed: malformed export request' });
  if (!exporter) return post({ type: 'error', message: 'PDF export is not available in this build' });
  try {
    const out = await exporter(r.data.doc as Parameters<Exporter>[0], r.data.docPath, r.data.options as Parameters<Exporter>[2], (phase, done, total) =>
      post({ type: 'progress', phase, done, total }),
    );
    post({ type: 'done', bytes: out.bytes, pages: out.pages });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
