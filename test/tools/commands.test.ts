import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, checkCommands, commandForKey, formatShortcut, matches, parseShortcut, searchCommands, type CommandContext, type CommandState } from '../../renderer/commands';
import { sample } from '../edit/support';
import { TestEditor } from './test-editor';

const state = (over: Partial<CommandState> = {}): CommandState => ({ hasDocument: true, selection: [], canUndo: false, canRedo: false, tool: 'select', editingText: false, ...over });

describe('shortcut matcher', () => {
  it('Mod is Cmd on macOS and Ctrl elsewhere; other modifiers must match exactly', () => {
    expect(matches('Mod+Z', { key: 'z', metaKey: true }, 'mac')).toBe(true);
    expect(matches('Mod+Z', { key: 'z', ctrlKey: true }, 'mac')).toBe(false);
    expect(matches('Mod+Z', { key: 'z', ctrlKey: true }, 'other')).toBe(true);
    expect(matches('Mod+Z', { key: 'Z', ctrlKey: true, shiftKey: true }, 'other')).toBe(false);
    expect(matches('Mod+Shift+Z', { key: 'Z', ctrlKey: true, shiftKey: true }, 'other')).toBe(true);
    // Physical keys: Shift+1 gives "!" but is still Digit1; a non-Latin layout still has KeyV.
    expect(matches('Mod+1', { key: '!', code: 'Digit1', metaKey: true, shiftKey: true }, 'mac')).toBe(false);
    expect(matches('Mod+1', { key: '!', code: 'Digit1', metaKey: true }, 'mac')).toBe(true);
    expect(matches('Mod+1', { key: '1', code: 'Digit1', metaKey: true }, 'mac')).toBe(true);
    expect(matches('V', { key: 'м', code: 'KeyV' }, 'other')).toBe(true);
    expect(() => parseShortcut('Hyper+X')).toThrow('unknown modifier');
    expect(formatShortcut('Mod+Shift+Z', 'mac')).toBe('⇧⌘Z');
    expect(formatShortcut('Mod+Shift+Z', 'other')).toBe('Ctrl+Shift+Z');
  });
});

describe('command registry', () => {
  it('has unique names and shortcuts, with the InDesign shortcuts the issue names', () => {
    expect(checkCommands()).toEqual([]);
    const sc = Object.fromEntries(COMMANDS.map((c) => [c.name, c.shortcut]));
    expect(sc).toMatchObject({
      'tool.select': 'V', 'tool.text': 'T', 'tool.frame': 'F', 'file.place': 'Mod+D', 'view.preview': 'W',
      'edit.undo': 'Mod+Z', 'edit.redo': 'Mod+Shift+Z', 'view.fit': 'Mod+0', 'view.actual': 'Mod+1',
    });
  });

  it('finds the enabled command for a key; single-letter tools do not fire while typing', () => {
    expect(commandForKey({ key: 'v' }, 'other', state())?.name).toBe('tool.select');
    expect(commandForKey({ key: 'v' }, 'other', state({ editingText: true }))).toBeUndefined();
    expect(commandForKey({ key: 'z', metaKey: true }, 'mac', state())).toBeUndefined();
    expect(commandForKey({ key: 'z', metaKey: true }, 'mac', state({ canUndo: true }))?.name).toBe('edit.undo');
    expect(searchCommands('fit page', state()).map((c) => c.name)).toEqual(['view.fit']);
  });

  it('performs through the context: tools, history, view and file actions', () => {
    const ed = new TestEditor(sample());
    const ctx: CommandContext = { tools: ed.tools, history: ed.history, view: { fitPage: vi.fn(), actualSize: vi.fn(), togglePreview: vi.fn() }, file: { place: vi.fn(), save: vi.fn() } };
    commandForKey({ key: 't' }, 'other', state())!.perform(ctx);
    expect(ed.tools.path).toBe('text.idle');
    commandForKey({ key: 'v' }, 'other', state())!.perform(ctx);
    ed.drag(100, 100, 200, 200);
    commandForKey({ key: 'z', ctrlKey: true }, 'other', state({ canUndo: true }))!.perform(ctx);
    expect(ed.frame('lead-body-2')).toMatchObject({ x: 53.25, y: 82 });
    commandForKey({ key: 'Z', ctrlKey: true, shiftKey: true }, 'other', state({ canRedo: true }))!.perform(ctx);
    expect(ed.frame('lead-body-2')!.x).not.toBe(53.25);
    commandForKey({ key: '0', ctrlKey: true }, 'other', state())!.perform(ctx);
    commandForKey({ key: 'd', ctrlKey: true }, 'other', state())!.perform(ctx);
    expect(ctx.view.fitPage).toHaveBeenCalledOnce();
    expect(ctx.file.place).toHaveBeenCalledOnce();
  });
});
