/**
 * The desktop shell's side channel (Electron only; absent in web mode): the renderer reports
 * its document state (the title bar's edited mark, the unsaved-changes prompt and crash
 * recovery depend on it) and runs the native menu's commands by name. See main/README.md.
 */
import { PX_PER_PT, clampScale } from '../canvas/viewport';
import type { Editor } from '../editor';
import { place } from '../place/place';
import { store, type Store } from '../store/store';
import { textUi } from '../text-ui/ui';
import { objectShellCommands } from '../objects/shell-commands';

/** What the preload exposes as window.broadsheetShell. */
export interface ShellApi {
  documentState(dirty: boolean, doc?: unknown): void;
  ready(commands: string[]): void;
  onCommand(listener: (name: string) => void): () => void;
}

/** The menu commands this editor performs, by the shell's names. */
export function shellCommands(editor: Editor, s: Store = store): Record<string, () => void> {
  const zoomBy = (k: number) => {
    const cur = s.get().session.effectiveScale;
    s.session({ zoom: { mode: 'scale', scale: clampScale(cur * k) / PX_PER_PT } });
  };
  const pages = () => s.get().layout?.pages.length ?? s.get().document?.doc.pages.length ?? 0;
  return {
    'file.place': () => void place(editor),
    'file.save': () => void editor.save(),
    'file.exportPdf': () => void editor.exportPdf(),
    'file.printPreview': () => s.session((x) => ({ printPreview: !x.printPreview })),
    'file.preflight': () => {
      s.session({ panel: 'preflight' });
      void editor.preflight();
    },
    'edit.undo': () => editor.undo(),
    'edit.redo': () => editor.redo(),
    'edit.quickApply': () => textUi.set({ palette: true }),
    'edit.storyEditor': () => textUi.set({ storyEditor: !textUi.get().storyEditor }),
    'edit.deselect': () => {
      editor.tools.select([]);
      s.session({ selection: null });
    },
    'view.fit': () => s.session({ zoom: { mode: 'fit-page' } }),
    'view.actual': () => s.session({ zoom: { mode: 'scale', scale: 1 } }),
    'view.zoomIn': () => zoomBy(1.25),
    'view.zoomOut': () => zoomBy(0.8),
    'view.preview': () => s.session((x) => ({ preview: !x.preview })),
    'view.overview': () => s.session((x) => ({ view: x.view === 'overview' ? 'page' : 'overview' })),
    'layout.nextPage': () => s.session((x) => ({ page: Math.min(pages() - 1, x.page + 1) })),
    'layout.previousPage': () => s.session((x) => ({ page: Math.max(0, x.page - 1) })),
    ...objectShellCommands(editor),
  };
}

/**
 * Connects the editor to the shell: reports the document's dirty state (with the document,
 * for autosave) whenever it changes, and runs menu commands. Returns the disconnect function.
 */
export function connectShell(shell: ShellApi, editor: Editor, s: Store = store): () => void {
  const commands = shellCommands(editor, s);
  let last: { doc: unknown; dirty: boolean } | undefined;
  const report = () => {
    const d = s.get().document;
    if (!d) return;
    if (last && last.doc === d.doc && last.dirty === d.dirty) return;
    last = { doc: d.doc, dirty: d.dirty };
    shell.documentState(d.dirty, d.dirty ? d.doc : undefined);
  };
  const unsubscribe = s.subscribe(report);
  const offCommand = shell.onCommand((name) => commands[name]?.());
  shell.ready(Object.keys(commands));
  report();
  return () => {
    unsubscribe();
    offCommand();
  };
}

/** The shell API when running in the desktop app, else undefined. */
export function findShell(w: unknown = globalThis): ShellApi | undefined {
  const shell = (w as { broadsheetShell?: Partial<ShellApi> }).broadsheetShell;
  return shell && typeof shell.documentState === 'function' && typeof shell.ready === 'function' && typeof shell.onCommand === 'function'
    ? (shell as ShellApi)
    : undefined;
}
