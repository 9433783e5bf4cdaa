/**
 * The application menu as data, built by a pure function (tested without Electron). Items
 * either dispatch a renderer command by name (`command`: sent over `broadsheet:shell.command`
 * to the focused window, where the renderer's command registry runs it), run a main-process
 * action (`action`: dialogs, windows, recent files), or use an Electron role (clipboard,
 * window management). main/index.ts turns this into an Electron Menu.
 */

/** Actions the main process performs itself. */
export type MainAction =
  | 'file.new'
  | 'file.open'
  | 'file.openSample'
  | 'file.openRecent'
  | 'file.clearRecent'
  | 'file.package'
  | 'file.revertToBackup'
  | 'file.close'
  | 'layout.relink'
  | 'help.about'
  | 'help.openExternal';

/** One menu entry. */
export interface MenuSpec {
  label?: string;
  type?: 'separator' | 'submenu' | 'normal' | 'checkbox';
  accelerator?: string;
  /** A renderer command name. */
  command?: string;
  /** A main-process action, with an optional argument (a recent file's path, a URL, a backup id). */
  action?: MainAction;
  arg?: string;
  /** An Electron role (undo/redo of text fields, clipboard, window management). */
  role?: string;
  enabled?: boolean;
  submenu?: MenuSpec[];
}

/** What the menu depends on. */
export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly { path: string; name: string }[];
  /** Backups of the focused document, newest first (empty: none or no document). */
  backups: readonly { id: string; label: string }[];
  hasDocument: boolean;
  /** Development builds show the developer tools item. */
  dev: boolean;
  /** The commands the focused window's renderer registered (shell.ready); others are disabled. */
  known?: ReadonlySet<string>;
}

const sep: MenuSpec = { type: 'separator' };

/** Documentation and issue tracker, opened in the user's browser from the Help menu. */
export const HELP_URLS = {
  docs: 'https://github.com/broadsheet-app/broadsheet#readme',
  issues: 'https://github.com/broadsheet-app/broadsheet/issues',
} as const;

/** Builds the menu template. Every renderer command name is of the form `area.verb`. */
export function buildMenuTemplate(ctx: MenuContext): MenuSpec[] {
  const mac = ctx.platform === 'darwin';
  const doc = ctx.hasDocument;
  const recent: MenuSpec[] = ctx.recent.length
    ? [...ctx.recent.map((r) => ({ label: r.name, action: 'file.openRecent' as const, arg: r.path })), sep, { label: 'Clear Menu', action: 'file.clearRecent' }]
    : [{ label: 'No Recent Documents', enabled: false }];
  const backups: MenuSpec[] = ctx.backups.length
    ? ctx.backups.map((b) => ({ label: b.label, action: 'file.revertToBackup' as const, arg: b.id }))
    : [{ label: 'No Backups', enabled: false }];

  const template: MenuSpec[] = [];
  if (mac) {
    template.push({
      label: ctx.appName,
      submenu: [{ label: `About ${ctx.appName}`, action: 'help.about' }, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
    });
  }
  template.push({
    label: '&File',
    submenu: [
      { label: 'New Issue', accelerator: 'CmdOrCtrl+N', action: 'file.new' },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', action: 'file.open' },
      { label: 'Open Recent', submenu: recent },
      { label: 'Open Sample Issue', action: 'file.openSample' },
      sep,
      { label: 'Place…', accelerator: 'CmdOrCtrl+D', command: 'file.place', enabled: doc },
      sep,
      { label: 'Save', accelerator: 'CmdOrCtrl+S', command: 'file.save', enabled: doc },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', command: 'file.saveAs', enabled: doc },
      { label: 'Revert to Backup', submenu: backups, enabled: doc },
      sep,
      { label: 'Export PDF…', accelerator: 'CmdOrCtrl+E', command: 'file.exportPdf', enabled: doc },
      { label: 'Print Preview', accelerator: 'CmdOrCtrl+Shift+P', command: 'file.printPreview', enabled: doc },
      { label: 'Preflight', accelerator: 'CmdOrCtrl+Alt+Shift+F', command: 'file.preflight', enabled: doc },
      { label: 'Package…', accelerator: 'CmdOrCtrl+Alt+Shift+P', action: 'file.package', enabled: doc },
      sep,
      { label: 'Close Window', accelerator: 'CmdOrCtrl+W', action: 'file.close' },
      ...(mac ? [] : [sep, { role: 'quit', label: 'E&xit' }]),
    ],
  });
  template.push({
    label: '&Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', command: 'edit.undo', enabled: doc },
      // InDesign's redo on both platforms; Ctrl+Y is its Story Editor.
      { label: 'Redo', accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Shift+Z', command: 'edit.redo', enabled: doc },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { label: 'Delete', command: 'edit.delete', enabled: doc },
      { label: 'Select All', accelerator: 'CmdOrCtrl+A', command: 'edit.selectAll', enabled: doc },
      { label: 'Deselect', accelerator: 'Escape', command: 'edit.deselect', enabled: doc },
      sep,
      { label: 'Quick Apply…', accelerator: 'CmdOrCtrl+Enter', command: 'edit.quickApply', enabled: doc },
      { label: 'Edit in Story Editor', accelerator: 'CmdOrCtrl+Y', command: 'edit.storyEditor', enabled: doc },
    ],
  });
  template.push({
    label: '&View',
    submenu: [
      { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', command: 'view.zoomIn', enabled: doc },
      { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', command: 'view.zoomOut', enabled: doc },
      { label: 'Fit Page in Window', accelerator: 'CmdOrCtrl+0', command: 'view.fit', enabled: doc },
      { label: 'Actual Size', accelerator: 'CmdOrCtrl+1', command: 'view.actual', enabled: doc },
      sep,
      { label: 'Preview Mode', command: 'view.preview', enabled: doc },
      { label: 'Show Guides and Grid', command: 'view.toggleGuides', enabled: doc },
      { label: 'Page Overview', command: 'view.overview', enabled: doc },
      sep,
      { role: 'togglefullscreen' },
      ...(ctx.dev ? [sep, { role: 'toggleDevTools' }, { role: 'reload' }] : []),
    ],
  });
  template.push({
    label: '&Layout',
    submenu: [
      { label: 'Next Page', accelerator: 'PageDown', command: 'layout.nextPage', enabled: doc },
      { label: 'Previous Page', accelerator: 'PageUp', command: 'layout.previousPage', enabled: doc },
      { label: 'Add Page', command: 'layout.addPage', enabled: doc },
      { label: 'Delete Page', command: 'layout.deletePage', enabled: doc },
      sep,
      {
        label: 'Tools',
        submenu: [
          // No accelerators: the single-key tool shortcuts are the renderer's (they must not fire while typing).
          { label: 'Selection', command: 'tool.select', enabled: doc },
          { label: 'Type', command: 'tool.text', enabled: doc },
          { label: 'Text Frame', command: 'tool.frame', enabled: doc },
          { label: 'Rectangle', command: 'tool.box', enabled: doc },
          { label: 'Rule', command: 'tool.rule', enabled: doc },
          { label: 'Thread Text Frames', command: 'tool.thread', enabled: doc },
        ],
      },
      { label: 'Bring to Front', accelerator: 'CmdOrCtrl+Shift+]', command: 'layout.bringToFront', enabled: doc },
      { label: 'Send to Back', accelerator: 'CmdOrCtrl+Shift+[', command: 'layout.sendToBack', enabled: doc },
      { label: 'Lock Position', accelerator: 'CmdOrCtrl+L', command: 'layout.toggleLock', enabled: doc },
      sep,
      { label: 'Relink Missing Images…', action: 'layout.relink', enabled: doc },
    ],
  });
  template.push({
    label: '&Type',
    submenu: [
      { label: 'Paragraph Styles', command: 'type.paragraphStyles', enabled: doc },
      { label: 'Character Styles', command: 'type.characterStyles', enabled: doc },
      sep,
      { label: 'Full-Width Punctuation', command: 'type.fullWidthPunctuation', enabled: doc },
      { label: 'Show Missing Glyphs', command: 'type.showMissingGlyphs', enabled: doc },
    ],
  });
  template.push({
    label: '&Window',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  });
  template.push({
    label: '&Help',
    submenu: [
      { label: 'Broadsheet Documentation', action: 'help.openExternal', arg: HELP_URLS.docs },
      { label: 'Report a Problem', action: 'help.openExternal', arg: HELP_URLS.issues },
      ...(mac ? [] : [sep, { label: `About ${ctx.appName}`, action: 'help.about' as const }]),
    ],
  });
  return ctx.known ? template.map((t) => disableUnknown(t, ctx.known!)) : template;
}

function disableUnknown(item: MenuSpec, known: ReadonlySet<string>): MenuSpec {
  if (item.command && !known.has(item.command)) return { ...item, enabled: false };
  return item.submenu ? { ...item, submenu: item.submenu.map((i) => disableUnknown(i, known)) } : item;
}

/** Every renderer command the menu can send (the renderer registry should know them all). */
export function menuCommands(template: readonly MenuSpec[]): string[] {
  const out: string[] = [];
  const walk = (items: readonly MenuSpec[]) =>
    items.forEach((i) => {
      if (i.command) out.push(i.command);
      if (i.submenu) walk(i.submenu);
    });
  walk(template);
  return out;
}
