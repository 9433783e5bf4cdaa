/**
 * The running shell: document windows, the IPC tables behind the validated wrapper, the
 * menu and its actions, crash recovery and window state. All decisions live in the tested
 * modules (document-windows, menu-template, launch-args, window-state, security/*,
 * services/*); this class only wires them to Electron.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, screen, shell, type MenuItemConstructorOptions } from 'electron';
import { CHANNEL_NAMES, dispatch, fail, ok, wireId, type Handlers, type Result } from '../bridge';
import type { IssueDocument } from '../engine/model';
import { writeFileAtomic } from '../services/atomic-write';
import { createServices, type Services } from '../services/api';
import { listBackups, restoreBackup } from '../services/backups';
import { openDocument, readDocument, saveDocument } from '../services/document-store';
import { applyRelinks, relativeLink, relinkSearch, resolveLink } from '../services/links';
import { packageDocument } from '../services/package';
import { Autosaver, RecoveryStore } from '../services/recovery';
import { scanFonts } from '../services/api-font-catalog';
import type { AppPaths } from './app-paths';
import { DocumentWindows, confirmClose, type DocumentSlot } from './document-windows';
import { createProcessExporter, type WorkerHandle } from './export-process';
import { registerChannels } from './ipc/register';
import { routeWindowRequest } from './window-requests';
import type { ChannelTable, InvokeEvent } from './ipc/validated-ipc';
import { buildMenuTemplate, type MainAction, type MenuSpec } from './menu-template';
import { APP_ENTRY } from './security/origin';
import { allowOpenExternal } from './security/navigation';
import { secureWebPreferences } from './security/web-preferences';
import { SHELL_CHANNELS, SHELL_CHANNEL_NAMES, SHELL_COMMAND_EVENT } from './shell-channels';
import { DEFAULT_STATE, cascade, fitBounds, loadShellState, saveShellState, type ShellState } from './window-state';

/** What the shell is started with. */
export interface ShellOptions {
  paths: AppPaths;
  version: string;
  dev: boolean;
  /** Dev server URL (electron-vite dev) instead of the app protocol; development only. */
  devUrl?: string;
  trustedExtra: readonly string[];
  forkExportWorker: () => WorkerHandle;
  log: (msg: string) => void;
}

type Win = BrowserWindow;

export class Shell {
  readonly windows = new DocumentWindows<Win>();
  private services!: Services;
  private state: ShellState = DEFAULT_STATE;
  private readonly recovery: RecoveryStore;
  private readonly autosavers = new Map<Win, Autosaver>();
  private readonly closing = new Set<Win>();
  /** Set while the app quits: a window closed after its prompt resumes the quit. */
  quitting = false;

  constructor(private readonly opts: ShellOptions) {
    this.recovery = new RecoveryStore(opts.paths.recoveryDir);
  }

  /** Sets up services and IPC, then opens the start documents (offering recovery first). */
  async start(files: string[]): Promise<void> {
    const { engineHooks } = await import('../services/api-hooks');
    const hooks = await engineHooks();
    this.services = createServices({
      mode: 'electron',
      version: this.opts.version,
      samplePath: this.opts.paths.sample,
      bundledFonts: [this.opts.paths.fonts],
      recentFile: this.opts.paths.recentFile,
      pickOpenPath: () => this.pickOpenPath(),
      pickSavePath: (suggested) => this.pickSavePath(suggested),
      pickPlaceFile: (kind) => this.pickPlaceFile(kind),
      exporter: createProcessExporter(this.opts.forkExportWorker),
      ...(hooks.preflight ? { preflight: hooks.preflight } : {}),
    });
    void this.services.warmUp();
    this.services.onProgress((p) => {
      for (const s of this.windows.all()) if (!s.window.isDestroyed()) s.window.webContents.send(wireId('export.progress'), p);
    });
    registerChannels(this.bridgeTable(), { trustedExtra: this.opts.trustedExtra, log: this.opts.log });
    registerChannels(this.shellTable(), { trustedExtra: this.opts.trustedExtra, log: this.opts.log });
    const recovered = await this.offerRecovery();
    const start = recovered ? files.filter((f) => !this.windows.forPath(f)) : files;
    for (const f of start) await this.openFile(f);
    if (!this.windows.all().length) this.createWindow(null);
    await this.refreshMenu();
  }

  // ── IPC tables ──────────────────────────────────────────────────────────────────────────

  private slotOf(event: InvokeEvent): DocumentSlot<Win> | undefined {
    const wc = (event as unknown as { sender?: Electron.WebContents }).sender;
    const win = wc ? BrowserWindow.fromWebContents(wc) : null;
    return win ? this.windows.forWindow(win) : undefined;
  }

  /** The bridge's channels, with the per-window parts (which document a window shows) added. */
  private bridgeTable(): ChannelTable {
    const handlers: Handlers = this.services.handlers;
    return {
      names: CHANNEL_NAMES,
      dispatch: async (name, request, event): Promise<Result<unknown>> => {
        const slot = this.slotOf(event);
        const routed = routeWindowRequest(slot, name, request);
        if ('answer' in routed) return routed.answer;
        const r = await dispatch(handlers, name, routed.request);
        if (r.ok && slot) await this.afterDocumentCall(name, slot, r.value as { path?: string });
        return r;
      },
    };
  }

  private async afterDocumentCall(name: string, slot: DocumentSlot<Win>, value: { path?: string }): Promise<void> {
    if (!value.path) return;
    if (name === 'document.open' || name === 'document.openSample') {
      slot.path = value.path;
      delete slot.initialDoc;
      await this.services.handlers['recent.add']({ path: value.path }).catch(() => undefined);
      void this.reportLinkProblems(slot);
    } else if (name === 'document.save' || name === 'document.saveAs') {
      slot.path = value.path;
      slot.dirty = false;
      delete slot.initialDoc;
      await this.autosavers.get(slot.window)?.clean();
      await this.services.handlers['recent.add']({ path: value.path }).catch(() => undefined);
    } else return;
    this.updateTitle(slot);
    await this.refreshMenu();
  }

  /** The shell's own channels: document state (dirty flag + recovery snapshot), ready. */
  private shellTable(): ChannelTable {
    return {
      names: SHELL_CHANNEL_NAMES,
      dispatch: async (name, request, event) => {
        const schema = SHELL_CHANNELS[name as keyof typeof SHELL_CHANNELS];
        const parsed = schema.safeParse(request);
        if (!parsed.success) return fail('invalid-request', `malformed request on ${name}: ${parsed.error.issues[0]?.message ?? ''}`);
        const slot = this.slotOf(event);
        if (!slot) return fail('forbidden', `${name}: not a document window`);
        if (name === 'shell.ready') {
          slot.ready = true;
          slot.commands = new Set((parsed.data as { commands: string[] }).commands);
          await this.refreshMenu();
          return ok({});
        }
        const state = parsed.data as { dirty: boolean; doc?: unknown };
        slot.dirty = state.dirty;
        this.updateTitle(slot);
        const autosaver = this.autosaverFor(slot);
        if (!state.dirty) await autosaver.clean();
        else if (state.doc !== undefined) {
          const doc = state.doc;
          autosaver.changed(() => ({ path: slot.path, title: slot.path ? path.basename(slot.path) : 'Untitled', text: JSON.stringify(doc) }));
        }
        return ok({});
      },
    };
  }

  private autosaverFor(slot: DocumentSlot<Win>): Autosaver {
    let a = this.autosavers.get(slot.window);
    if (!a) {
      a = new Autosaver(this.recovery, slot.recoveryKey, { onError: (e) => this.opts.log(`autosave failed: ${String(e)}`) });
      this.autosavers.set(slot.window, a);
    }
    return a;
  }

  // ── windows ─────────────────────────────────────────────────────────────────────────────

  /** Opens `file` in its own window, or focuses the window that already shows it. */
  async openFile(file: string): Promise<void> {
    const existing = this.windows.forPath(file);
    if (existing) {
      existing.window.focus();
      return;
    }
    // Check before making a window, so a bad file gives a message, not an empty window.
    try {
      await readDocument(file);
    } catch (e) {
      dialog.showErrorBox('Cannot open the issue', e instanceof Error ? e.message : String(e));
      return;
    }
    this.createWindow(file);
  }

  createWindow(file: string | null, initialDoc?: unknown, recoveryKey = RecoveryStore.newKey()): DocumentSlot<Win> {
    const areas = screen.getAllDisplays().map((d) => d.workArea);
    const primary = screen.getPrimaryDisplay().workArea;
    const bounds = cascade(fitBounds(this.state.bounds, [primary, ...areas]), this.windows.all().length);
    const win = new BrowserWindow({
      ...bounds,
      minWidth: 800,
      minHeight: 560,
      show: false,
      backgroundColor: '#2b2b2b',
      title: 'Broadsheet',
      webPreferences: secureWebPreferences(this.opts.paths.preload),
    });
    if (this.state.maximized && !this.windows.all().length) win.maximize();
    const slot = this.windows.add(win, file, recoveryKey, initialDoc);
    this.updateTitle(slot);
    win.once('ready-to-show', () => win.show());
    win.on('focus', () => void this.refreshMenu());
    win.on('close', (e) => this.onClose(e, slot));
    win.on('closed', () => void this.onClosed(slot));
    win.webContents.on('render-process-gone', (_e, details) => void this.onRendererGone(slot, details.reason));
    void win.loadURL(this.opts.devUrl ?? APP_ENTRY);
    return slot;
  }

  /** The page crashed: reload it with the autosaved document, so unsaved work comes back. */
  private async onRendererGone(slot: DocumentSlot<Win>, reason: string): Promise<void> {
    if (reason === 'clean-exit' || slot.window.isDestroyed()) return;
    this.opts.log(`renderer of ${slot.path ?? 'an untitled issue'} gone: ${reason}`);
    await this.autosavers.get(slot.window)?.flush();
    const rec = await this.recovery.restore(slot.recoveryKey).catch(() => undefined);
    if (rec) {
      slot.initialDoc = rec.doc;
      slot.dirty = true;
    }
    const r = await dialog.showMessageBox(slot.window, {
      type: 'error',
      message: 'This window stopped working.',
      detail: rec ? 'Reloading it restores your unsaved changes from the last autosave.' : 'Reload it to continue.',
      buttons: ['Reload', 'Close Window'],
    });
    if (r.response === 0) slot.window.webContents.reload();
    else slot.window.close();
  }

  private updateTitle(slot: DocumentSlot<Win>): void {
    if (slot.window.isDestroyed()) return;
    slot.window.setTitle(DocumentWindows.title(slot));
    slot.window.setDocumentEdited(slot.dirty);
    if (slot.path) slot.window.setRepresentedFilename(slot.path);
  }

  private onClose(e: Electron.Event, slot: DocumentSlot<Win>): void {
    const win = slot.window;
    this.rememberWindow(slot);
    if (this.closing.has(win) || !slot.dirty) return;
    e.preventDefault();
    void confirmClose(
      slot.dirty,
      async () => {
        const r = await dialog.showMessageBox(win, {
          type: 'warning',
          message: `Save the changes to ${slot.path ? path.basename(slot.path) : 'this issue'} before closing?`,
          detail: 'Your changes will be lost if you don’t save them.',
          buttons: ['Save', 'Don’t Save', 'Cancel'],
          defaultId: 0,
          cancelId: 2,
        });
        return (['save', 'discard', 'cancel'] as const)[r.response] ?? 'cancel';
      },
      () => this.saveViaRenderer(slot),
    ).then((close) => {
      if (!close) {
        this.quitting = false; // "Cancel" also cancels quitting
        return;
      }
      if (win.isDestroyed()) return;
      this.closing.add(win);
      win.close();
      if (this.quitting) app.quit();
    });
  }

  /** Asks the renderer to save (it holds the document) and waits until it reports clean. */
  private async saveViaRenderer(slot: DocumentSlot<Win>, timeoutMs = 60_000): Promise<boolean> {
    this.sendCommand(slot.window, 'file.save');
    const until = Date.now() + timeoutMs;
    while (slot.dirty && Date.now() < until && !slot.window.isDestroyed()) await new Promise((r) => setTimeout(r, 100));
    return !slot.dirty;
  }

  private rememberWindow(slot: DocumentSlot<Win>): void {
    if (slot.window.isDestroyed()) return;
    this.state = {
      ...this.state,
      bounds: slot.window.getNormalBounds(),
      maximized: slot.window.isMaximized(),
      ...(slot.path ? { lastDocument: slot.path } : {}),
    };
  }

  private async onClosed(slot: DocumentSlot<Win>): Promise<void> {
    this.windows.remove(slot.window);
    const autosaver = this.autosavers.get(slot.window);
    this.autosavers.delete(slot.window);
    // Closed on purpose (saved, or "Don't Save"): nothing to recover.
    autosaver?.dispose();
    await this.recovery.discard(slot.recoveryKey).catch(() => undefined);
    await saveShellState(this.opts.paths.stateFile, this.state).catch((e) => this.opts.log(`window state not saved: ${String(e)}`));
  }

  sendCommand(win: Win, name: string): void {
    if (!win.isDestroyed()) win.webContents.send(SHELL_COMMAND_EVENT, { name });
  }

  // ── recovery ───────────────────────────────────────────────────────────────────────────

  /** Offers the documents left in the recovery folder by a crash. Returns whether any opened. */
  private async offerRecovery(): Promise<boolean> {
    const entries = await this.recovery.list();
    if (!entries.length) return false;
    const names = entries.map((e) => `• ${e.title}${e.path ? ` (${e.path})` : ''}${e.problem ? ` — damaged: ${e.problem}` : ''}`).join('\n');
    const r = await dialog.showMessageBox({
      type: 'question',
      message: entries.length === 1 ? 'Broadsheet closed without saving an issue. Restore it?' : `Broadsheet closed without saving ${entries.length} issues. Restore them?`,
      detail: `${names}\n\nRestored issues open with their unsaved changes; save them to keep them.`,
      buttons: ['Restore', 'Discard', 'Decide Later'],
      defaultId: 0,
      cancelId: 2,
    });
    if (r.response === 2) return false;
    let opened = false;
    for (const e of entries) {
      if (r.response === 1 || e.problem) {
        await this.recovery.discard(e.key);
        continue;
      }
      try {
        const rec = await this.recovery.restore(e.key);
        // The window keeps the entry's key, so the entry lives on until the issue is saved.
        this.createWindow(rec.path, rec.doc, rec.key);
        opened = true;
      } catch (err) {
        dialog.showErrorBox('Cannot restore the issue', err instanceof Error ? err.message : String(err));
      }
    }
    return opened;
  }

  // ── dialogs and actions ──────────────────────────────────────────────────────────────────

  private focused(): Win | undefined {
    return BrowserWindow.getFocusedWindow() ?? this.windows.all()[0]?.window;
  }

  private async pickOpenPath(): Promise<string | undefined> {
    const win = this.focused();
    const opts: Electron.OpenDialogOptions = { properties: ['openFile'], filters: [{ name: 'Broadsheet issues', extensions: ['broadsheet'] }] };
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    return r.canceled ? undefined : r.filePaths[0];
  }

  /** Place… and Relink…: copy (text, Markdown, Word) and/or pictures. */
  private async pickPlaceFile(kind: 'copy' | 'image' | 'any'): Promise<string | undefined> {
    const win = this.focused();
    const copy = { name: 'Copy (text, Markdown, Word)', extensions: ['txt', 'text', 'md', 'markdown', 'docx'] };
    const images = { name: 'Pictures', extensions: ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'webp', 'gif'] };
    const all = { name: 'All files', extensions: ['*'] };
    const filters = kind === 'copy' ? [copy, all] : kind === 'image' ? [images, all] : [all, copy, images];
    const opts: Electron.OpenDialogOptions = { title: kind === 'image' ? 'Relink' : 'Place', properties: ['openFile'], filters };
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    return r.canceled ? undefined : r.filePaths[0];
  }

  private async pickSavePath(suggested: string): Promise<string | undefined> {
    const win = this.focused();
    const opts: Electron.SaveDialogOptions = { defaultPath: suggested, filters: [{ name: 'Broadsheet issues', extensions: ['broadsheet'] }] };
    const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
    if (r.canceled || !r.filePath) return undefined;
    return r.filePath.endsWith('.broadsheet') ? r.filePath : `${r.filePath}.broadsheet`;
  }

  /** Runs a main-process menu action. */
  async runAction(action: MainAction, arg: string | undefined): Promise<void> {
    const win = this.focused();
    const slot = win ? this.windows.forWindow(win) : undefined;
    try {
      switch (action) {
        case 'file.new':
          return await this.newIssue();
        case 'file.open': {
          const p = await this.pickOpenPath();
          if (p) await this.openFile(p);
          return;
        }
        case 'file.openSample':
          return await this.openFile(this.opts.paths.sample);
        case 'file.openRecent':
          if (arg) await this.openFile(arg);
          return;
        case 'file.clearRecent':
          await writeFileAtomic(this.opts.paths.recentFile, '[]\n');
          return await this.refreshMenu();
        case 'file.close':
          win?.close();
          return;
        case 'file.package':
          if (slot) await this.packageIssue(slot);
          return;
        case 'file.revertToBackup':
          if (slot && arg) await this.revertToBackup(slot, arg);
          return;
        case 'layout.relink':
          if (slot) await this.relink(slot);
          return;
        case 'help.about':
          await dialog.showMessageBox({ message: `Broadsheet ${this.opts.version}`, detail: 'Newspaper layout: Chinese and Latin composition, print-ready PDF.' });
          return;
        case 'help.openExternal':
          // A menu click is a user action; the URL must still be plain http(s).
          if (arg && allowOpenExternal(arg, true)) await shell.openExternal(arg);
          else this.opts.log(`refused to open ${JSON.stringify(arg)}`);
          return;
      }
    } catch (e) {
      dialog.showErrorBox('Broadsheet', e instanceof Error ? e.message : String(e));
    }
  }

  /** A new issue: asks where to keep it, copies the sample issue there (linking the sample's images), opens it. */
  private async newIssue(): Promise<void> {
    const target = await this.pickSavePath('Untitled.broadsheet');
    if (!target) return;
    const { doc } = await readDocument(this.opts.paths.sample);
    const fixes = collectImageSrcs(doc).map((src) => ({ src, newSrc: relativeLink(target, resolveLink(this.opts.paths.sample, src)) }));
    await saveDocument(target, applyRelinks(doc, fixes));
    await this.openFile(target);
  }

  private async requireSaved(slot: DocumentSlot<Win>, what: string): Promise<string | undefined> {
    if (slot.path && !slot.dirty) return slot.path;
    await dialog.showMessageBox(slot.window, { type: 'info', message: `Save the issue before ${what}.` });
    return undefined;
  }

  private async packageIssue(slot: DocumentSlot<Win>): Promise<void> {
    const file = await this.requireSaved(slot, 'packaging it');
    if (!file) return;
    const r = await dialog.showOpenDialog(slot.window, { title: 'Package into folder', properties: ['openDirectory', 'createDirectory'] });
    if (r.canceled || !r.filePaths[0]) return;
    const dest = path.join(r.filePaths[0], `${path.basename(file, '.broadsheet')} package`);
    const { doc } = await readDocument(file);
    const catalog = scanFonts({ document: path.join(path.dirname(file), 'fonts'), bundled: [this.opts.paths.fonts] });
    const report = await packageDocument(doc, file, dest, {
      fonts: async (family) => [...new Set((await catalog).filter((f) => f.family === family).map((f) => f.path))],
    });
    const missing = [...report.missingLinks.map((m) => `image ${m}`), ...report.missingFonts.map((m) => `font ${m}`)];
    await dialog.showMessageBox(slot.window, {
      type: missing.length ? 'warning' : 'info',
      message: `Packaged ${report.images.length} linked files and ${report.fonts.length} font families.`,
      detail: missing.length ? `Not found, so not in the package:\n${missing.join('\n')}` : dest,
    });
    shell.showItemInFolder(report.document);
  }

  private async revertToBackup(slot: DocumentSlot<Win>, id: string): Promise<void> {
    if (!slot.path) return;
    const r = await dialog.showMessageBox(slot.window, {
      type: 'warning',
      message: 'Replace the issue with this saved version?',
      detail: 'The current version is kept as a backup, so this can be undone the same way.',
      buttons: ['Revert', 'Cancel'],
      cancelId: 1,
    });
    if (r.response !== 0) return;
    await restoreBackup(slot.path, id);
    slot.dirty = false;
    await this.autosavers.get(slot.window)?.clean();
    slot.window.webContents.reload();
    await this.refreshMenu();
  }

  private async relink(slot: DocumentSlot<Win>): Promise<void> {
    const file = await this.requireSaved(slot, 'relinking images');
    if (!file) return;
    const opened = await openDocument(file);
    if (!opened.links.problems.some((l) => l.state === 'missing')) {
      await dialog.showMessageBox(slot.window, { message: 'No linked images are missing.' });
      return;
    }
    const r = await dialog.showOpenDialog(slot.window, { title: 'Search for missing images in…', properties: ['openDirectory'] });
    if (r.canceled || !r.filePaths[0]) return;
    const fixes = await relinkSearch(opened.links, file, r.filePaths[0]);
    if (fixes.length) {
      await saveDocument(file, applyRelinks(opened.doc, fixes));
      slot.window.webContents.reload();
    }
    const still = opened.links.problems.filter((l) => l.state === 'missing' && !fixes.some((f) => f.src === l.src));
    await dialog.showMessageBox(slot.window, {
      message: `Relinked ${fixes.length} image${fixes.length === 1 ? '' : 's'}.`,
      detail: still.length ? `Still missing:\n${still.map((l) => l.src).join('\n')}` : 'All images are linked.',
    });
  }

  /** After a document opens: list missing and changed linked files, offer to relink. */
  private async reportLinkProblems(slot: DocumentSlot<Win>): Promise<void> {
    if (!slot.path || !existsSync(slot.path)) return;
    const { links } = await openDocument(slot.path).catch(() => ({ links: undefined }));
    if (!links?.problems.length || slot.window.isDestroyed()) return;
    const lines = links.problems.map((l) => `${l.state === 'missing' ? 'Missing' : 'Changed'}: ${l.src}`);
    const r = await dialog.showMessageBox(slot.window, {
      type: 'warning',
      message: `${links.problems.length} linked file${links.problems.length === 1 ? ' is' : 's are'} missing or changed.`,
      detail: lines.slice(0, 20).join('\n') + (lines.length > 20 ? `\n… and ${lines.length - 20} more` : ''),
      buttons: ['Relink…', 'OK'],
      defaultId: 1,
    });
    if (r.response === 0) await this.relink(slot);
  }

  // ── menu ─────────────────────────────────────────────────────────────────────────────────

  async refreshMenu(): Promise<void> {
    const win = this.focused();
    const slot = win ? this.windows.forWindow(win) : undefined;
    const recent = await this.services.handlers['recent.list']({}).then((r) => r.files, () => []);
    const backups = slot?.path ? await listBackups(slot.path).catch(() => []) : [];
    const template = buildMenuTemplate({
      platform: process.platform,
      appName: 'Broadsheet',
      recent,
      backups: backups.map((b) => ({ id: b.id, label: new Date(b.replacedAt).toLocaleString() })),
      hasDocument: Boolean(slot),
      dev: this.opts.dev,
      ...(slot?.commands ? { known: slot.commands } : {}),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template.map((t) => this.toElectron(t))));
  }

  private toElectron(spec: MenuSpec): MenuItemConstructorOptions {
    const item: MenuItemConstructorOptions = {};
    if (spec.label !== undefined) item.label = spec.label;
    if (spec.type) item.type = spec.type;
    if (spec.accelerator) item.accelerator = spec.accelerator;
    if (spec.enabled !== undefined) item.enabled = spec.enabled;
    if (spec.role) item.role = spec.role as MenuItemConstructorOptions['role'];
    if (spec.submenu) item.submenu = spec.submenu.map((s) => this.toElectron(s));
    if (spec.command) {
      const command = spec.command;
      item.click = (_i, w) => {
        if (w instanceof BrowserWindow) this.sendCommand(w, command);
      };
    } else if (spec.action) {
      const action = spec.action;
      item.click = () => void this.runAction(action, spec.arg);
    }
    return item;
  }

  /** Saves the window state now (before quitting). */
  async persist(): Promise<void> {
    for (const s of this.windows.all()) this.rememberWindow(s);
    await saveShellState(this.opts.paths.stateFile, this.state).catch(() => undefined);
  }

  /** The document that opens at start when none is named: the last one, else the sample. */
  get lastDocument(): string | undefined {
    return this.state.lastDocument;
  }

  /** Loads the state file early (start-up needs the last document before windows exist). */
  async loadState(): Promise<void> {
    this.state = await loadShellState(this.opts.paths.stateFile);
  }
}

function collectImageSrcs(doc: IssueDocument): string[] {
  return [...new Set(doc.frames.flatMap((f) => (f.kind === 'image' ? [f.src] : [])))];
}
