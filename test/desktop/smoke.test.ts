/**
 * The real app. The preload bundle is checked wherever the build runs (a sandboxed preload
 * that requires anything but electron fails to load). Launching Electron needs its binary:
 * where node_modules/electron has none (offline build machines), the launch test is skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');
const electronDir = path.join(root, 'node_modules', 'electron');
const pathTxt = path.join(electronDir, 'path.txt');
const electronAvailable = existsSync(pathTxt) && existsSync(path.join(electronDir, 'dist', readFileSync(pathTxt, 'utf8').trim()));

describe('desktop build', () => {
  it('electron-vite builds main, the export worker, a self-contained preload and the renderer', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['out/main/index.js', 'out/main/export-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html']) expect(existsSync(path.join(root, f)), f).toBe(true);
    const preload = readFileSync(path.join(root, 'out/preload/index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    const html = readFileSync(path.join(root, 'out/renderer/index.html'), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/src="https?:/);
  }, 120_000);
});

describe('the built preload, run against a fake electron', () => {
  /** Loads out/preload/index.cjs with `require('electron')` answered by fakes. */
  function loadPreload() {
    const exposed: Record<string, Record<string, unknown>> = {};
    const invoked: [string, unknown][] = [];
    const listeners = new Map<string, ((e: unknown, msg: unknown) => void)[]>();
    const electron = {
      contextBridge: { exposeInMainWorld: (k: string, v: Record<string, unknown>) => void (exposed[k] = v) },
      ipcRenderer: {
        invoke: async (ch: string, req: unknown) => (invoked.push([ch, req]), { ok: true, value: { mode: 'electron', version: '0.1.0' } }),
        on: (ch: string, l: (e: unknown, m: unknown) => void) => void listeners.set(ch, [...(listeners.get(ch) ?? []), l]),
        removeListener: (ch: string, l: (e: unknown, m: unknown) => void) => void listeners.set(ch, (listeners.get(ch) ?? []).filter((x) => x !== l)),
      },
    };
    const code = readFileSync(path.join(root, 'out/preload/index.cjs'), 'utf8');
    const mod = { exports: {} };
    const fakeRequire = (id: string) => {
      if (id !== 'electron') throw new Error(`the preload required ${id}`);
      return electron;
    };
    new Function('require', 'module', 'exports', code)(fakeRequire, mod, mod.exports);
    return { exposed, invoked, listeners };
  }

  // Runs after the build test above (tests in a file run in order).
  it('exposes the API and the shell, invokes only broadsheet: channels, strips the IPC event', async () => {
    const { exposed, invoked, listeners } = loadPreload();
    expect(Object.keys(exposed).sort()).toEqual(['broadsheet', 'broadsheetShell']);
    const api = exposed.broadsheet as { app: { info(): Promise<unknown> } };
    expect(await api.app.info()).toEqual({ mode: 'electron', version: '0.1.0' });
    expect(invoked).toEqual([['broadsheet:app.info', {}]]);
    const shell = exposed.broadsheetShell as { onCommand(l: (n: string) => void): () => void; documentState(d: boolean, doc?: unknown): void };
    const got: unknown[] = [];
    const off = shell.onCommand((...args) => got.push(args));
    for (const l of listeners.get('broadsheet:shell.command') ?? []) l({ sender: 'the IpcRendererEvent' }, { name: 'file.save' });
    expect(got).toEqual([['file.save']]);
    off();
    expect(listeners.get('broadsheet:shell.command')).toEqual([]);
    // Dirty states are coalesced; a clean state goes at once.
    invoked.length = 0;
    shell.documentState(true, { a: 1 });
    shell.documentState(true, { a: 2 });
    shell.documentState(false);
    expect(invoked).toEqual([['broadsheet:shell.documentState', { dirty: false }]]);
  });
});

describe('desktop app (real Electron)', () => {
  it.skipIf(!electronAvailable)('opens the sample issue in a sandboxed window on app://', async () => {
    const { _electron } = await import('playwright-core');
    const userData = mkdtempSync(path.join(os.tmpdir(), 'bs-smoke-'));
    const app = await _electron.launch({ args: [root], cwd: root, env: { ...process.env, BROADSHEET_USER_DATA: userData } });
    try {
      const win = await app.firstWindow();
      await win.waitForLoadState('domcontentloaded');
      expect(win.url()).toBe('app://broadsheet/index.html');
      expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await win.evaluate(() => typeof (globalThis as { broadsheet?: unknown }).broadsheet)).toBe('object');
      // The page cannot reach outside the app origin.
      const fetched = await win.evaluate(() => fetch('https://example.com/').then(() => 'reached', () => 'blocked'));
      expect(fetched).toBe('blocked');
      expect(await win.title()).toContain('jinshan.broadsheet');
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  }, 120_000);
});
