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
