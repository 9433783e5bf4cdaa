/**
 * The preload script of every window (sandboxed, context-isolated). It imports only
 * `electron` and `bridge/`, and exposes exactly two objects to the page:
 *   window.broadsheet       the typed BroadsheetApi (bridge/), one function per channel;
 *   window.broadsheetShell  document state for the shell (dirty flag, recovery snapshot) and
 *                           menu commands (onCommand).
 * No raw ipcRenderer is exposed, listeners never receive the IpcRendererEvent (it would
 * hand the page ipcRenderer), and only `broadsheet:` channels of the tables can be invoked.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, createApiClient, wireId, type ChannelName, type Progress } from '../../bridge';

// Wire names of main/shell-channels.ts (the preload may not import main/; a test checks these).
const SHELL_DOCUMENT_STATE = 'broadsheet:shell.documentState';
const SHELL_READY = 'broadsheet:shell.ready';
const SHELL_COMMAND_EVENT = 'broadsheet:shell.command';
const PROGRESS_EVENT = 'broadsheet:export.progress';

// The renderer may send a document snapshot on every keystroke; forward at most one per
// interval (the latest), so a large issue does not flood IPC. Main autosaves within 1 s after.
const STATE_INTERVAL_MS = 300;

const api = createApiClient({
  invoke: (channel: ChannelName, request: unknown) => {
    if (!CHANNEL_NAMES.includes(channel)) return Promise.reject(new Error(`unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(wireId(channel), request);
  },
  onProgress: (listener: (p: Progress) => void) => {
    const relay = (_e: unknown, p: Progress) => listener(p);
    ipcRenderer.on(PROGRESS_EVENT, relay);
    return () => void ipcRenderer.removeListener(PROGRESS_EVENT, relay);
  },
  clientId: `w${Math.floor(Math.random() * 1e9).toString(36)}`,
});

let pending: { dirty: boolean; doc?: unknown } | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
function flushState(): void {
  timer = undefined;
  if (!pending) return;
  const state = pending;
  pending = undefined;
  void ipcRenderer.invoke(SHELL_DOCUMENT_STATE, state);
}

const shell = {
  /** Reports the document's state: call on every change (dirty, with the document) and after save (clean). */
  documentState(dirty: boolean, doc?: unknown): void {
    pending = doc === undefined || !dirty ? { dirty } : { dirty, doc };
    // A clean state goes at once (closes the unsaved-changes prompt's window of doubt).
    if (!dirty) {
      if (timer) clearTimeout(timer);
      flushState();
    } else if (!timer) timer = setTimeout(flushState, STATE_INTERVAL_MS);
  },
  /** Tells the shell the renderer is listening for commands, and which it knows. */
  ready(commands: string[]): void {
    void ipcRenderer.invoke(SHELL_READY, { commands });
  },
  /** Runs `listener(name)` for each menu command; returns the unsubscribe function. */
  onCommand(listener: (name: string) => void): () => void {
    const relay = (_e: unknown, msg: { name?: unknown }) => {
      if (typeof msg?.name === 'string') listener(msg.name);
    };
    ipcRenderer.on(SHELL_COMMAND_EVENT, relay);
    return () => void ipcRenderer.removeListener(SHELL_COMMAND_EVENT, relay);
  },
};

contextBridge.exposeInMainWorld('broadsheet', api);
contextBridge.exposeInMainWorld('broadsheetShell', shell);
