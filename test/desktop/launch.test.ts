/** Command-line files, start document choice, window state file and bounds, document windows. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentWindows, confirmClose, samePath } from '../../main/document-windows';
import { chooseStartDocument, parseLaunchArgs } from '../../main/launch-args';
import { DEFAULT_STATE, fitBounds, loadShellState, parseShellState, saveShellState } from '../../main/window-state';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bs-launch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('parseLaunchArgs', () => {
  const cwd = '/home/ed/news';
  it('skips the Electron binary and app path in development, only the binary when packaged', () => {
    expect(parseLaunchArgs(['/usr/bin/electron', '.', 'a.broadsheet'], { packaged: false, cwd }).files).toEqual(['/home/ed/news/a.broadsheet']);
    expect(parseLaunchArgs(['/opt/Broadsheet/broadsheet', 'a.broadsheet'], { packaged: true, cwd }).files).toEqual(['/home/ed/news/a.broadsheet']);
    expect(parseLaunchArgs(['/opt/Broadsheet/broadsheet'], { packaged: true, cwd }).files).toEqual([]);
  });
  it('ignores switches, other files and duplicates; takes everything after --', () => {
    const argv = ['app', '--no-sandbox', '--inspect=9229', '-psn_0_123', '--allow-file-access-from-files', 'x.pdf', '/abs/b.broadsheet', 'c.BROADSHEET', '/abs/b.broadsheet', '--', '--odd-name.broadsheet'];
    expect(parseLaunchArgs(argv, { packaged: true, cwd }).files).toEqual(['/abs/b.broadsheet', '/home/ed/news/c.BROADSHEET', '/home/ed/news/--odd-name.broadsheet']);
  });
  it('accepts file:// URLs from desktops and drops NUL-bearing arguments', () => {
    expect(parseLaunchArgs(['app', 'file:///home/ed/My%20Issue.broadsheet', 'a\0.broadsheet'], { packaged: true, cwd }).files).toEqual(['/home/ed/My Issue.broadsheet']);
  });
  it('starts with the named files, else the last document if it exists, else the sample', () => {
    const exists = (p: string) => p !== '/gone.broadsheet';
    expect(chooseStartDocument({ files: ['/x.broadsheet'] }, '/last.broadsheet', exists, '/sample.broadsheet')).toEqual(['/x.broadsheet']);
    expect(chooseStartDocument({ files: [] }, '/last.broadsheet', exists, '/sample.broadsheet')).toEqual(['/last.broadsheet']);
    expect(chooseStartDocument({ files: [] }, '/gone.broadsheet', exists, '/sample.broadsheet')).toEqual(['/sample.broadsheet']);
    expect(chooseStartDocument({ files: [] }, undefined, exists, '/sample.broadsheet')).toEqual(['/sample.broadsheet']);
  });
});

describe('window state', () => {
  it('round-trips through the state file', async () => {
    const file = path.join(tmp, 'state', 'window-state.json');
    const state = { version: 1 as const, bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true, lastDocument: '/news/a.broadsheet' };
    await saveShellState(file, state);
    expect(await loadShellState(file)).toEqual(state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
  });
  it('falls back to defaults for a damaged or hostile file', async () => {
    for (const text of ['', '{', 'null', '[]', '{"version":2}', '{"version":1,"bounds":{"x":"a"}}', '{"version":1,"bounds":{"x":1e9,"y":0,"width":10,"height":10}}', '{"version":1,"lastDocument":""}']) {
      expect(parseShellState(text), text).toEqual(DEFAULT_STATE);
    }
    expect(await loadShellState(path.join(tmp, 'missing.json'))).toEqual(DEFAULT_STATE);
    const bad = path.join(tmp, 'bad.json');
    writeFileSync(bad, Buffer.from([0xff, 0x00]));
    expect(await loadShellState(bad)).toEqual(DEFAULT_STATE);
  });
  it('keeps bounds on a connected display and recentres them when the display is gone', () => {
    const laptop = { x: 0, y: 0, width: 1440, height: 900 };
    const external = { x: 1440, y: 0, width: 2560, height: 1440 };
    const onExternal = { x: 1600, y: 100, width: 1800, height: 1200 };
    expect(fitBounds(onExternal, [laptop, external])).toEqual(onExternal);
    const moved = fitBounds(onExternal, [laptop]);
    expect(moved.x).toBeGreaterThanOrEqual(0);
    expect(moved.x + moved.width).toBeLessThanOrEqual(1440);
    expect(moved.height).toBeLessThanOrEqual(900);
    expect(fitBounds(undefined, [laptop])).toEqual({ x: 20, y: 0, width: 1400, height: 900 });
    // Title bar above the top of the screen: pulled down.
    expect(fitBounds({ x: 100, y: -40, width: 800, height: 600 }, [laptop]).y).toBe(0);
  });
});

describe('document windows', () => {
  it('keeps one window per document', () => {
    const w = new DocumentWindows<string>();
    w.add('w1', '/news/a.broadsheet', 'k1');
    w.add('w2', null, 'k2');
    expect(w.forPath('/news/./a.broadsheet')?.window).toBe('w1');
    expect(w.forPath('/news/b.broadsheet')).toBeUndefined();
    expect(w.forWindow('w2')?.recoveryKey).toBe('k2');
    w.remove('w1');
    expect(w.forPath('/news/a.broadsheet')).toBeUndefined();
  });
  it('compares paths case-insensitively where the file system does', () => {
    expect(samePath('/News/A.broadsheet', '/news/a.broadsheet', 'darwin')).toBe(true);
    expect(samePath('/News/A.broadsheet', '/news/a.broadsheet', 'linux')).toBe(false);
  });
  it('a recovered document starts dirty and titles show the edited mark', () => {
    const w = new DocumentWindows<string>();
    const s = w.add('w', '/news/a.broadsheet', 'k', { format: 'broadsheet' });
    expect(s.dirty).toBe(true);
    expect(DocumentWindows.title(s)).toBe('• a.broadsheet — Broadsheet');
    expect(DocumentWindows.title({ path: null, dirty: false })).toBe('Untitled — Broadsheet');
  });
  it('asks before closing a window with unsaved changes', async () => {
    const never = async () => {
      throw new Error('should not ask');
    };
    expect(await confirmClose(false, never, never)).toBe(true);
    expect(await confirmClose(true, async () => 'cancel', never)).toBe(false);
    expect(await confirmClose(true, async () => 'discard', never)).toBe(true);
    expect(await confirmClose(true, async () => 'save', async () => true)).toBe(true);
    expect(await confirmClose(true, async () => 'save', async () => false)).toBe(false);
    expect(await confirmClose(true, async () => 'save', async () => Promise.reject(new Error('disk full')))).toBe(false);
  });
});
