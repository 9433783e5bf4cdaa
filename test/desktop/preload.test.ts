/**
 * The preload imports only electron and bridge/, exposes only the API objects (no raw
 * ipcRenderer), and names the same shell wire channels as main/shell-channels.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELL_CHANNEL_NAMES, SHELL_COMMAND_EVENT } from '../../main/shell-channels';

const src = readFileSync(path.join(import.meta.dirname, '../../main/preload/index.ts'), 'utf8');

describe('preload', () => {
  it('imports only electron and bridge/', () => {
    const imports = [...src.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const i of imports) expect(['electron', '../../bridge']).toContain(i);
    expect(src).not.toMatch(/require\(/);
  });
  it('exposes only the two API objects, never ipcRenderer itself', () => {
    const exposed = [...src.matchAll(/exposeInMainWorld\('([^']+)',\s*([A-Za-z]+)\)/g)].map((m) => [m[1], m[2]]);
    expect(exposed).toEqual([
      ['broadsheet', 'api'],
      ['broadsheetShell', 'shell'],
    ]);
    expect(src).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    // Listeners get the payload, not the IpcRendererEvent.
    expect(src).not.toMatch(/ipcRenderer\.on\([^,]+,\s*listener\)/);
  });
  it('uses the shell channel names main registers', () => {
    const names = [...src.matchAll(/'(broadsheet:shell\.[A-Za-z]+)'/g)].map((m) => m[1]);
    expect(names.sort()).toEqual([...SHELL_CHANNEL_NAMES.map((n) => `broadsheet:${n}`), SHELL_COMMAND_EVENT].sort());
  });
});
