/**
 * Builds a BroadsheetApi over any transport that can send a request on a channel and get the
 * response envelope back (Electron ipcRenderer.invoke, or HTTP fetch). Responses are checked
 * against the channel's schema here too: the renderer trusts nothing it did not validate.
 */
import type { BroadsheetApi } from './api';
import { CHANNELS, type Progress, type ChannelName, type RequestOf, type ResponseOf } from './channels';
import { BridgeCallError, resultSchema } from './result';

/** What a host must provide to carry calls. */
export interface Transport {
  /** Sends `request` on `channel` and resolves to the raw Result envelope. Never rejects for a
   *  handled error; may reject when the transport itself fails (server gone). */
  invoke(channel: ChannelName, request: unknown): Promise<unknown>;
  /** Subscribes to pushed progress events, if the host can push. Returns an unsubscribe. */
  onProgress?(listener: (p: Progress) => void): () => void;
  /** Hosts without push (HTTP): how often to poll `jobs.progress`, ms. */
  pollIntervalMs?: number;
  /** Distinguishes this client's job ids from other windows' (e.g. a random string). */
  clientId?: string;
  /** A timer, since bridge/ has no DOM or Node types; defaults to globalThis.setTimeout. */
  sleep?(ms: number): Promise<void>;
}

/** Calls one channel through a transport and returns the checked value, or throws BridgeCallError. */
export async function call<C extends ChannelName>(t: Transport, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  let raw: unknown;
  try {
    raw = await t.invoke(channel, request);
  } catch (e) {
    throw new BridgeCallError(channel, { code: 'io', message: `the host did not answer ${channel}: ${e instanceof Error ? e.message : String(e)}` });
  }
  const parsed = resultSchema(CHANNELS[channel].response).safeParse(raw);
  if (!parsed.success) {
    throw new BridgeCallError(channel, { code: 'internal', message: `malformed response on ${channel}: ${parsed.error.issues[0]?.message ?? ''}` });
  }
  const r = parsed.data as { ok: true; value: ResponseOf<C> } | { ok: false; error: { code: never; message: string } };
  if (!r.ok) throw new BridgeCallError(channel, r.error);
  return r.value;
}

let jobCounter = 0;

/** The BroadsheetApi over a transport. */
export function createApiClient(t: Transport): BroadsheetApi {
  const sleep =
    t.sleep ??
    ((ms: number) =>
      new Promise<void>((resolve) => {
        (globalThis as unknown as { setTimeout: (f: () => void, ms: number) => void }).setTimeout(resolve, ms);
      }));
  return {
    app: { info: () => call(t, 'app.info', {}) },
    document: {
      open: (path) => call(t, 'document.open', path === undefined ? {} : { path }),
      openSample: () => call(t, 'document.openSample', {}),
      save: (doc, path) => call(t, 'document.save', path === undefined ? { doc } : { doc, path }),
      saveAs: (doc, path) => call(t, 'document.saveAs', path === undefined ? { doc } : { doc, path }),
    },
    fonts: {
      list: async () => (await call(t, 'fonts.list', {})).fonts,
      read: (key) => call(t, 'fonts.read', { key }),
    },
    images: {
      read: (docPath, src) => call(t, 'images.read', { docPath, src }),
      add: (docPath, name, bytes) => call(t, 'images.add', { docPath, name, bytes }),
    },
    import: { copy: (name, bytes) => call(t, 'import.copy', { name, bytes }) },
    files: { choose: (kind) => call(t, 'files.choose', { kind }) },
    export: {
      async pdf(doc, docPath, options, onProgress) {
        jobCounter += 1;
        const jobId = `${t.clientId ?? 'client'}-${jobCounter}`;
        let done = false;
        let unsubscribe: (() => void) | undefined;
        if (onProgress && t.onProgress) {
          unsubscribe = t.onProgress((p) => {
            if (p.jobId === jobId) onProgress(p);
          });
        } else if (onProgress) {
          // No push: poll until the call settles.
          void (async () => {
            while (!done) {
              await sleep(t.pollIntervalMs ?? 200);
              if (done) break;
              const p = await call(t, 'jobs.progress', { jobId }).catch(() => null);
              if (p && !done) onProgress(p);
            }
          })();
        }
        try {
          return await call(t, 'export.pdf', { doc, docPath, options, jobId });
        } finally {
          done = true;
          unsubscribe?.();
        }
      },
      preview: (doc, docPath, options = {}) => call(t, 'export.preview', { doc, docPath, options }),
    },
    preflight: { run: async (doc, docPath) => (await call(t, 'preflight.run', { doc, docPath })).findings },
    recent: {
      list: async () => (await call(t, 'recent.list', {})).files,
      add: async (path) => (await call(t, 'recent.add', { path })).files,
    },
  };
}
