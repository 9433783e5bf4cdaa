/** The bridge contract: every channel refuses malformed payloads before any handler runs. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHANNEL_NAMES, CHANNELS, channelFromWire, createApiClient, dispatch, isBinary, wireId, type Handlers } from '../../bridge';

/** Handlers that record whether any body ran. */
function spyHandlers(): { handlers: Handlers; calls: string[] } {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    CHANNEL_NAMES.map((n) => [
      n,
      async () => {
        calls.push(n);
        throw new Error('should not run');
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

const malformed: Record<string, unknown[]> = {
  common: [null, 42, 'text', [], { unexpected: 1 }],
};

describe('bridge contract', () => {
  it('names every channel with the app prefix and maps wire ids back', () => {
    for (const n of CHANNEL_NAMES) {
      expect(wireId(n)).toBe(`broadsheet:${n}`);
      expect(channelFromWire(wireId(n))).toBe(n);
    }
    expect(channelFromWire('broadsheet:nope')).toBeUndefined();
    expect(channelFromWire('document.open')).toBeUndefined();
    expect(channelFromWire('broadsheet:__proto__')).toBeUndefined();
  });

  it.each(CHANNEL_NAMES)('%s rejects malformed payloads without running the handler', async (name) => {
    const { handlers, calls } = spyHandlers();
    for (const bad of malformed.common!) {
      const r = await dispatch(handlers, name, bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid-request');
    }
    expect(calls).toEqual([]);
  });

  it('rejects arbitrary junk on every channel (property)', async () => {
    const { handlers, calls } = spyHandlers();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), fc.anything(), async (name, junk) => {
        const parsed = CHANNELS[name].request.safeParse(junk);
        const r = await dispatch(handlers, name, junk);
        // Junk that happens to be valid (e.g. {} for app.info) reaches the handler, which throws: internal.
        if (parsed.success) expect(r.ok === false && r.error.code === 'internal').toBe(true);
        else expect(r.ok === false && r.error.code === 'invalid-request').toBe(true);
      }),
      { numRuns: 500 },
    );
    // Only requests the schema accepted ran a handler.
    for (const c of calls) expect(CHANNEL_NAMES).toContain(c);
  });

  it('refuses unknown channels and paths with NUL bytes', async () => {
    const { handlers, calls } = spyHandlers();
    expect((await dispatch(handlers, 'constructor', {})).ok).toBe(false);
    const r = await dispatch(handlers, 'document.open', { path: 'a\0b' });
    expect(r.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('marks the byte channels as binary', () => {
    expect(CHANNEL_NAMES.filter(isBinary).sort()).toEqual(['export.preview', 'files.choose', 'fonts.read', 'images.read']);
  });

  it('client turns error envelopes into BridgeCallError and checks responses', async () => {
    const api = createApiClient({
      invoke: async (c) => (c === 'recent.list' ? { ok: true, value: { files: 'not an array' } } : { ok: false, error: { code: 'not-found', message: 'no such file' } }),
    });
    await expect(api.document.open('x.broadsheet')).rejects.toMatchObject({ code: 'not-found', message: 'no such file' });
    await expect(api.recent.list()).rejects.toMatchObject({ code: 'internal' });
  });

  it('client round-trips a valid value', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const api = createApiClient({
      invoke: async (c, req) => {
        expect(c).toBe('fonts.read');
        expect(req).toEqual({ key: 'k' });
        return { ok: true, value: { bytes, key: 'k', postscriptName: 'P' } };
      },
    });
    expect((await api.fonts.read('k')).bytes).toEqual(bytes);
  });
});
