/** The menu template: structure, command names, accelerators, recent files, platform differences. */
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, menuCommands, type MenuContext, type MenuSpec } from '../../main/menu-template';

const ctx = (over: Partial<MenuContext> = {}): MenuContext => ({
  platform: 'linux',
  appName: 'Broadsheet',
  recent: [],
  backups: [],
  hasDocument: true,
  dev: false,
  ...over,
});
const flat = (items: readonly MenuSpec[]): MenuSpec[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
const top = (t: MenuSpec[]) => t.map((m) => m.label?.replace('&', ''));

describe('menu template', () => {
  it('has File, Edit, View, Layout, Type, Window, Help (and the app menu on macOS)', () => {
    expect(top(buildMenuTemplate(ctx()))).toEqual(['File', 'Edit', 'View', 'Layout', 'Type', 'Window', 'Help']);
    expect(top(buildMenuTemplate(ctx({ platform: 'darwin' })))).toEqual(['Broadsheet', 'File', 'Edit', 'View', 'Layout', 'Type', 'Window', 'Help']);
  });

  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`every item does exactly one thing, and accelerators are unique (${platform})`, () => {
      const items = flat(buildMenuTemplate(ctx({ platform, dev: true, recent: [{ path: '/a/x.broadsheet', name: 'x.broadsheet' }] })));
      for (const i of items) {
        const kinds = [i.command, i.action, i.role, i.submenu, i.type === 'separator' ? 1 : undefined].filter((k) => k !== undefined);
        // Disabled placeholders ("No Recent Documents") do nothing.
        expect(kinds.length, JSON.stringify(i)).toBe(i.enabled === false && !i.submenu ? 0 : 1);
      }
      const accels = items.flatMap((i) => (i.accelerator ? [i.accelerator] : []));
      expect(new Set(accels).size).toBe(accels.length);
    });
  }

  it('sends renderer commands by name, each once, named area.verb', () => {
    const cmds = menuCommands(buildMenuTemplate(ctx()));
    expect(new Set(cmds).size).toBe(cmds.length);
    for (const c of cmds) expect(c).toMatch(/^(file|edit|view|layout|type|tool)\.[a-z][A-Za-z]+$/);
    // The names the renderer's command registry already has (renderer/commands/registry.ts).
    expect(cmds).toEqual(expect.arrayContaining(['file.place', 'file.save', 'edit.undo', 'edit.redo', 'edit.deselect', 'view.fit', 'view.actual', 'view.preview', 'tool.select', 'tool.thread']));
  });

  it('lists recent documents and backups as actions carrying their argument', () => {
    const t = buildMenuTemplate(ctx({ recent: [{ path: '/news/a.broadsheet', name: 'a.broadsheet' }], backups: [{ id: 'b1.broadsheet', label: '28/11 04:00' }] }));
    const items = flat(t);
    expect(items.find((i) => i.label === 'a.broadsheet')).toMatchObject({ action: 'file.openRecent', arg: '/news/a.broadsheet' });
    expect(items.find((i) => i.label === '28/11 04:00')).toMatchObject({ action: 'file.revertToBackup', arg: 'b1.broadsheet' });
    expect(flat(buildMenuTemplate(ctx())).find((i) => i.label === 'No Recent Documents')?.enabled).toBe(false);
  });

  it('disables document commands without a document, keeps Open/New enabled', () => {
    const items = flat(buildMenuTemplate(ctx({ hasDocument: false })));
    for (const i of items.filter((x) => x.command)) expect(i.enabled, i.label).toBe(false);
    expect(items.find((i) => i.action === 'file.open')?.enabled).not.toBe(false);
    expect(items.find((i) => i.action === 'file.new')?.enabled).not.toBe(false);
  });

  it('disables commands the window’s renderer has not registered', () => {
    const items = flat(buildMenuTemplate(ctx({ known: new Set(['file.save', 'edit.undo']) })));
    expect(items.find((i) => i.command === 'file.save')?.enabled).toBe(true);
    expect(items.find((i) => i.command === 'edit.undo')?.enabled).toBe(true);
    expect(items.find((i) => i.command === 'file.exportPdf')?.enabled).toBe(false);
    expect(items.find((i) => i.command === 'tool.thread')?.enabled).toBe(false);
    // Main-process actions are unaffected.
    expect(items.find((i) => i.action === 'file.open')?.enabled).not.toBe(false);
  });

  it('shows developer tools only in development builds', () => {
    expect(flat(buildMenuTemplate(ctx())).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(flat(buildMenuTemplate(ctx({ dev: true }))).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('Help links are plain https URLs', () => {
    for (const i of flat(buildMenuTemplate(ctx())).filter((x) => x.action === 'help.openExternal')) expect(i.arg).toMatch(/^https:\/\//);
  });
});
