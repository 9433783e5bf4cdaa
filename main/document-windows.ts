/**
 * One window per document: the registry of open windows, what each shows (its file, or
 * none for a new or recovered-untitled issue), whether it has unsaved changes, and the
 * close decision. Plain logic over a window handle type `W`, tested without Electron.
 */
import path from 'node:path';

/** What the shell knows about one window's document. */
export interface DocumentSlot<W> {
  window: W;
  /** Absolute path, or null for an issue never saved. */
  path: string | null;
  dirty: boolean;
  /** Key of the window's crash-recovery entry. */
  recoveryKey: string;
  /** A document to hand the renderer on its first open (a recovered one), instead of the file. */
  initialDoc?: unknown;
  /** The renderer said it listens for commands. */
  ready: boolean;
  /** The commands the renderer registered (from shell.ready); the menu disables the rest. */
  commands?: ReadonlySet<string>;
}

/** Same file? (case-insensitively on Windows and macOS, whose default file systems are). */
export function samePath(a: string, b: string, platform: NodeJS.Platform = process.platform): boolean {
  const na = path.resolve(a);
  const nb = path.resolve(b);
  return platform === 'win32' || platform === 'darwin' ? na.toLowerCase() === nb.toLowerCase() : na === nb;
}

/** The open document windows. */
export class DocumentWindows<W> {
  private readonly slots: DocumentSlot<W>[] = [];

  /** Adds a window showing `path` (null: untitled). */
  add(window: W, path: string | null, recoveryKey: string, initialDoc?: unknown): DocumentSlot<W> {
    const slot: DocumentSlot<W> = { window, path, dirty: initialDoc !== undefined, recoveryKey, ready: false, ...(initialDoc !== undefined ? { initialDoc } : {}) };
    this.slots.push(slot);
    return slot;
  }

  /** The window already showing `file`, if any (opening it again focuses that window). */
  forPath(file: string): DocumentSlot<W> | undefined {
    return this.slots.find((s) => s.path !== null && samePath(s.path, file));
  }

  forWindow(window: W): DocumentSlot<W> | undefined {
    return this.slots.find((s) => s.window === window);
  }

  remove(window: W): DocumentSlot<W> | undefined {
    const i = this.slots.findIndex((s) => s.window === window);
    return i >= 0 ? this.slots.splice(i, 1)[0] : undefined;
  }

  all(): readonly DocumentSlot<W>[] {
    return this.slots;
  }

  /** The title bar text: file name, an edited mark, the app name. */
  static title(slot: Pick<DocumentSlot<unknown>, 'path' | 'dirty'>, appName = 'Broadsheet'): string {
    const name = slot.path ? path.basename(slot.path) : 'Untitled';
    return `${slot.dirty ? '• ' : ''}${name} — ${appName}`;
  }
}

/** The user's answer to "Save changes before closing?". */
export type CloseChoice = 'save' | 'discard' | 'cancel';

/**
 * Decides whether a window may close. Clean: yes. Dirty: asks; "save" closes only if the
 * save succeeded; "discard" closes; "cancel" keeps the window.
 */
export async function confirmClose(dirty: boolean, ask: () => Promise<CloseChoice>, save: () => Promise<boolean>): Promise<boolean> {
  if (!dirty) return true;
  const choice = await ask();
  if (choice === 'cancel') return false;
  if (choice === 'discard') return true;
  return save().catch(() => false);
}
