/**
 * The only way the main process listens to the renderer. `ipcMain` is never used directly
 * (a lint rule bans it outside this file): every channel is registered here, and before any
 * service runs, each call is checked for
 *   1. a channel that is ours (`broadsheet:` + a name in the table),
 *   2. a sender frame that is the window's main frame (not an iframe: CVE-2020-15174,
 *      GHSA-mq8j-3h7h-p8g7),
 *   3. a sender URL on the app's own origin (parsed, compared exactly),
 *   4. a payload that parses with the channel's zod schema (bridge/handle.ts `dispatch`).
 * Refusals answer with an error envelope and are logged; they never throw into Electron.
 * Modelled on VS Code's validatedIpcMain, plus the schema step.
 */
import { CHANNEL_PREFIX, dispatch, fail, type Handlers, type Result } from '../../bridge';
import { isTrustedUrl } from '../security/origin';

/** The parts of Electron's IpcMainInvokeEvent the wrapper checks. */
export interface InvokeEvent {
  senderFrame: { url: string; parent: unknown } | null | undefined;
  sender?: { id: number } | undefined;
}

/** The part of Electron's ipcMain the wrapper uses (tests pass a fake). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Why a call was refused before reaching its handler. */
export type IpcRefusal = 'unknown-channel' | 'no-frame' | 'sub-frame' | 'foreign-origin';

/** Checks the sender of a call; undefined when it may proceed. */
export function checkSender(event: InvokeEvent, trustedExtra: readonly string[] = []): IpcRefusal | undefined {
  const frame = event?.senderFrame;
  if (!frame) return 'no-frame';
  if (frame.parent !== null && frame.parent !== undefined) return 'sub-frame';
  if (!isTrustedUrl(frame.url, trustedExtra)) return 'foreign-origin';
  return undefined;
}

/** A table of channels: short name → handler of an already-parsed request. */
export interface ChannelTable {
  /** Parses the request and runs the handler (never throws). */
  dispatch(name: string, request: unknown, event: InvokeEvent): Promise<Result<unknown>>;
  names: readonly string[];
}

/** The bridge's channels as a ChannelTable (requests parsed by bridge/handle.ts). */
export function bridgeTable(handlers: Handlers, names: readonly string[]): ChannelTable {
  return { names, dispatch: (name, request) => dispatch(handlers, name, request) };
}

/** Options of registerValidated. */
export interface ValidatedIpcOptions {
  /** Dev-server origin while developing; empty in the packaged app. */
  trustedExtra?: readonly string[];
  log?: (msg: string) => void;
}

/**
 * Registers every channel of `table` on `ipc` behind the checks. Returns a function that
 * removes the handlers again.
 */
export function registerValidated(ipc: IpcMainLike, table: ChannelTable, opts: ValidatedIpcOptions = {}): () => void {
  const log = opts.log ?? (() => undefined);
  const wires: string[] = [];
  for (const name of table.names) {
    const wire = CHANNEL_PREFIX + name;
    wires.push(wire);
    ipc.handle(wire, async (event, ...args) => {
      const refusal = checkSender(event, opts.trustedExtra);
      if (refusal) {
        log(`IPC ${wire} refused: ${refusal} (${JSON.stringify(event?.senderFrame?.url ?? null)})`);
        return fail('forbidden', `${wire}: refused (${refusal})`);
      }
      // One request object per call; extra arguments are a malformed call, not ignored.
      if (args.length !== 1) return fail('invalid-request', `${wire}: expected one request object, got ${args.length} arguments`);
      try {
        return await table.dispatch(name, args[0], event);
      } catch (e) {
        return fail('internal', e instanceof Error ? e.message : String(e));
      }
    });
  }
  return () => wires.forEach((w) => ipc.removeHandler(w));
}

/** Whether a wire id names one of `names` (used by the preload's send-side check too). */
export function isOurChannel(wire: string, names: readonly string[]): boolean {
  return wire.startsWith(CHANNEL_PREFIX) && names.includes(wire.slice(CHANNEL_PREFIX.length));
}
