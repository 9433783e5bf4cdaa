/**
 * The validated IPC wrapper, property-tested over every channel: a call from a foreign
 * origin, a sub-frame or no frame never reaches a handler; a malformed payload never reaches
 * a handler; nothing throws into Electron; a well-formed call from the app does run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, CHANNEL_NAMES, CHANNEL_PREFIX, type Handlers } from '../../bridge';
import { bridgeTable, checkSender, registerValidated, type ChannelTable, type IpcMainLike, type InvokeEvent } from '../../main/ipc/validated-ipc';
import { SHELL_CHANNELS, SHELL_CHANNEL_NAMES } from '../../main/shell-channels';

/** A fake ipcMain that keeps the registered listeners. */
function fakeIpc() {
  const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
  const ipc: IpcMainLike = {
    handle: (ch, l) => void handlers.set(ch, l),
    removeHandler: (ch) => void handlers.delete(ch),
  };
  return { ipc, handlers };
}

/** Handlers that record which channel bodies ran. */
function recordingHandlers() {
  const ran: string[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_t, name: string) => async () => {
      ran.push(name);
      return {};
    },
  });
  return { handlers, ran };
}

/** The shell table as main/shell.ts builds it: parse with the channel's schema, then run. */
function shellTable(ran: string[]): ChannelTable {
  return {
    names: SHELL_CHANNEL_NAMES,
    dispatch: async (name, request) => {
      const parsed = SHELL_CHANNELS[name as keyof typeof SHELL_CHANNELS].safeParse(request);
      if (!parsed.success) return { ok: false, error: { code: 'invalid-request', message: 'malformed' } };
      ran.push(name);
      return { ok: true, value: {} };
    },
  };
}

const APP = 'app://broadsheet/index.html';
const good = (url = APP): InvokeEvent => ({ senderFrame: { url, parent: null }, sender: { id: 1 } });

/** URLs that are not the app's origin, including look-alikes. */
const foreignUrl = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    'app://broadsheet.evil/index.html',
    'app://evil/index.html',
    'app://broadsheet@evil/index.html',
    'app://user:pw@broadsheet/index.html',
    'APP://BROADSHEET.evil/',
    'file:///etc/passwd',
    'file://broadsheet/index.html',
    'https://broadsheet/index.html',
    'http://localhost:5173/',
    'devtools://devtools/bundled/inspector.html',
    'chrome://settings',
    'about:blank',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'blob:app://evil/123',
    '',
    'not a url',
  ),
  fc.string(),
);

/** Payloads of every shape: wrong types, huge strings, prototype-pollution keys, deep nesting. */
const anyPayload = fc.oneof(
  fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, maxDepth: 6 }),
  fc.record({ __proto__: fc.anything() }, { requiredKeys: [] }),
  fc.constantFrom(JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } }, { path: '\0/etc/passwd' }, { path: 'x'.repeat(100_000) }),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 5 }),
);

const allChannels = [...CHANNEL_NAMES.map((c) => ['bridge', c] as const), ...SHELL_CHANNEL_NAMES.map((c) => ['shell', c] as const)];

function setup() {
  const { ipc, handlers: registered } = fakeIpc();
  const { handlers, ran } = recordingHandlers();
  const log: string[] = [];
  registerValidated(ipc, bridgeTable(handlers, CHANNEL_NAMES), { log: (m) => log.push(m) });
  registerValidated(ipc, shellTable(ran), { log: (m) => log.push(m) });
  return { registered, ran, log };
}

describe('validated IPC wrapper', () => {
  it('registers every bridge and shell channel under the broadsheet: prefix, and nothing else', () => {
    const { registered } = setup();
    expect([...registered.keys()].sort()).toEqual(allChannels.map(([, c]) => CHANNEL_PREFIX + c).sort());
  });

  for (const [kind, channel] of allChannels) {
    it(`${channel}: refuses foreign senders, sub-frames and frameless calls`, async () => {
      const { registered, ran } = setup();
      const listener = registered.get(CHANNEL_PREFIX + channel)!;
      await fc.assert(
        fc.asyncProperty(foreignUrl, fc.boolean(), anyPayload, async (url, subFrame, payload) => {
          const frames: InvokeEvent[] = [
            { senderFrame: { url, parent: subFrame ? { url: APP } : null } },
            { senderFrame: { url: APP, parent: { url: APP } } }, // an iframe inside the app page
            { senderFrame: null },
          ];
          for (const ev of frames) {
            if (!checkSender(ev)) continue; // only the trusted main frame passes (never here)
            const r = (await listener(ev, payload)) as { ok: boolean; error?: { code: string } };
            expect(r.ok).toBe(false);
            expect(r.error?.code).toBe('forbidden');
          }
          expect(ran).toEqual([]);
        }),
        { numRuns: 150 },
      );
      // The checks above must have been exercised, not skipped.
      expect(checkSender({ senderFrame: { url: 'https://evil.example/', parent: null } })).toBe('foreign-origin');
      void kind;
    });

    it(`${channel}: a malformed payload never reaches the handler, and nothing throws`, async () => {
      const { registered, ran } = setup();
      const listener = registered.get(CHANNEL_PREFIX + channel)!;
      const schema = kind === 'bridge' ? CHANNELS[channel as keyof typeof CHANNELS].request : SHELL_CHANNELS[channel as keyof typeof SHELL_CHANNELS];
      let rejected = 0;
      await fc.assert(
        fc.asyncProperty(anyPayload, async (payload) => {
          ran.length = 0;
          const valid = schema.safeParse(payload).success;
          const r = (await listener(good(), payload)) as { ok: boolean; error?: { code: string } };
          if (valid) expect(ran).toEqual([channel]);
          else {
            rejected++;
            expect(ran).toEqual([]);
            expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
          }
        }),
        { numRuns: 1000 },
      );
      expect(rejected).toBeGreaterThan(500);
      // Extra arguments are refused too.
      ran.length = 0;
      expect(await listener(good(), {}, 'extra')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(await listener(good())).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(ran).toEqual([]);
    });
  }

  it('runs a well-formed call from the app main frame', async () => {
    const { registered, ran } = setup();
    expect(await registered.get('broadsheet:app.info')!(good(), {})).toEqual({ ok: true, value: {} });
    expect(await registered.get('broadsheet:shell.documentState')!(good(), { dirty: false })).toEqual({ ok: true, value: {} });
    expect(ran).toEqual(['app.info', 'shell.documentState']);
  });

  it('logs every refusal with the sender URL', async () => {
    const { registered, log } = setup();
    await registered.get('broadsheet:document.open')!({ senderFrame: { url: 'https://evil.example/x', parent: null } }, {});
    expect(log.join('\n')).toMatch(/broadsheet:document\.open refused: foreign-origin \("https:\/\/evil\.example\/x"\)/);
  });

  it('accepts the dev-server origin only when configured', () => {
    const dev: InvokeEvent = { senderFrame: { url: 'http://localhost:5173/index.html', parent: null } };
    expect(checkSender(dev)).toBe('foreign-origin');
    expect(checkSender(dev, ['http://localhost:5173'])).toBeUndefined();
    expect(checkSender({ senderFrame: { url: 'http://localhost:5174/', parent: null } }, ['http://localhost:5173'])).toBe('foreign-origin');
  });

  it('removes its handlers again', () => {
    const { ipc, handlers } = fakeIpc();
    const off = registerValidated(ipc, bridgeTable(recordingHandlers().handlers, CHANNEL_NAMES));
    expect(handlers.size).toBe(CHANNEL_NAMES.length);
    off();
    expect(handlers.size).toBe(0);
  });
});
