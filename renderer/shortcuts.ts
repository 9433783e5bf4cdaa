/**
 * Keyboard shortcuts as in other layout tools (InDesign, QuarkXPress): the registered commands
 * first (renderer/commands: undo, redo, tools, view, save), then the few view keys that are not
 * commands (zoom steps, page up/down), then the key goes to the current tool (nudges, delete,
 * caret movement, Escape).
 */
import { command, commandForKey, type CommandContext, type CommandState, type Platform } from './commands';
import { PX_PER_PT, clampScale } from './canvas/viewport';
import type { Editor } from './editor';
import { place } from './place/place';
import { store } from './store/store';
import { articleActions } from './articles/app-actions';

/** Marks the hidden text-input textarea: keys typed there still reach the tools. */
export const TEXT_INPUT_ATTR = 'data-text-input';

/** Keys the text tool acts on itself; the textarea must not also act on them. */
const TEXT_KEYS = new Set(['Backspace', 'Delete', 'Enter', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Escape', 'Tab']);

/** The platform for "Mod" (Cmd on macOS, Ctrl elsewhere). */
export function platform(): Platform {
  return navigator.platform.startsWith('Mac') ? 'mac' : 'other';
}

/** What the commands' enabled() predicates read, from the editor now. */
export function commandState(editor: Editor): CommandState {
  return {
    hasDocument: !!store.get().document,
    selection: editor.tools.session.selection,
    canUndo: editor.history.canUndo,
    canRedo: editor.history.canRedo,
    tool: editor.tools.tool,
    editingText: editor.tools.path === 'text.editing',
  };
}

/** The capabilities commands perform with. */
export function commandContext(editor: Editor): CommandContext {
  return {
    tools: editor.tools,
    history: editor.history,
    view: {
      fitPage: () => store.session({ zoom: { mode: 'fit-page' } }),
      actualSize: () => store.session({ zoom: { mode: 'scale', scale: 1 } }),
      togglePreview: () => store.session((s) => ({ preview: !s.preview })),
    },
    file: {
      place: () => void place(editor),
      save: () => void editor.save(),
    },
    articles: articleActions(editor),
  };
}

/** Installs the shortcuts; returns the uninstaller. */
export function installShortcuts(editor: Editor): () => void {
  const onKey = (e: KeyboardEvent) => {
    const t = e.target;
    const textInput = t instanceof HTMLTextAreaElement && t.hasAttribute(TEXT_INPUT_ATTR);
    if (!textInput && (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement)) return;
    // Keys during an IME composition belong to the IME.
    if (e.isComposing || e.key === 'Process') return;
    const cmd = commandForKey(e, platform(), commandState(editor));
    if (cmd) {
      e.preventDefault();
      cmd.perform(commandContext(editor));
      return;
    }
    const s = store.get().session;
    const pages = store.get().layout?.pages.length ?? 0;
    const mod = e.ctrlKey || e.metaKey;
    const zoomBy = (k: number) => store.session({ zoom: { mode: 'scale', scale: clampScale(s.effectiveScale * k) / PX_PER_PT } });
    if (mod && (e.key === '=' || e.key === '+')) zoomBy(1.25);
    else if (mod && e.key === '-') zoomBy(0.8);
    else if (e.key === 'PageDown') store.session({ page: Math.min(pages - 1, s.page + 1) });
    else if (e.key === 'PageUp') store.session({ page: Math.max(0, s.page - 1) });
    else {
      const editing = editor.tools.path === 'text.editing';
      editor.tools.dispatch({ type: 'key_down', key: e.key, shift: e.shiftKey, alt: e.altKey, mod, time: e.timeStamp });
      // Typed characters must reach the textarea (its beforeinput feeds the text tool); keys
      // the tools act on must not scroll the page or edit the textarea as well.
      if (editing ? TEXT_KEYS.has(e.key) || (mod && e.key.toLowerCase() === 'a') : e.key.startsWith('Arrow') || e.key === 'Delete' || e.key === 'Backspace' || e.key === 'Escape') e.preventDefault();
      return;
    }
    e.preventDefault();
  };
  // The desktop menu's Cut, Copy and Paste are Electron's clipboard roles: they arrive as
  // clipboard events, not keys. Outside text fields they act on frames, as the keys do.
  const onClipboard = (e: ClipboardEvent) => {
    const t = e.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || (t instanceof HTMLElement && t.isContentEditable)) return;
    const name = e.type === 'copy' ? 'edit.copy' : e.type === 'cut' ? 'edit.cut' : 'edit.paste';
    const cmd = command(name);
    if (!cmd || !cmd.enabled(commandState(editor))) return;
    e.preventDefault();
    cmd.perform(commandContext(editor));
  };
  window.addEventListener('keydown', onKey);
  for (const type of ['copy', 'cut', 'paste'] as const) document.addEventListener(type, onClipboard);
  return () => {
    window.removeEventListener('keydown', onKey);
    for (const type of ['copy', 'cut', 'paste'] as const) document.removeEventListener(type, onClipboard);
  };
}
