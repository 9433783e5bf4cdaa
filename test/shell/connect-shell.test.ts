/** The renderer's side of the desktop shell: dirty-state reports and menu commands by name. */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { loadDocument } from '../../engine/model';
import type { Editor } from '../../renderer/editor';
import { connectShell, findShell, type ShellApi } from '../../renderer/host/shell';
import { Store } from '../../renderer/store/store';

const file = 'samples/jinshan/jinshan.broadsheet';
const doc = loadDocument(readFileSync(file, 'utf8'), file);

function fakes() {
  const calls: { dirty: boolean; doc?: unknown }[] = [];
  let listener: ((name: string) => void) | undefined;
  const ready = vi.fn();
  const shell: ShellApi = {
    documentState: (dirty, d) => void calls.push(d === undefined ? { dirty } : { dirty, doc: d }),
    ready,
    onCommand: (l) => {
      listener = l;
      return () => (listener = undefined);
    },
  };
  const editor = { save: vi.fn(async () => {}), exportPdf: vi.fn(async () => undefined), preflight: vi.fn(async () => {}) };
  return { calls, shell, ready, editor: editor as unknown as Editor & typeof editor, send: (n: string) => listener?.(n) };
}

describe('connectShell', () => {
  it('reports clean on open, dirty with the document on a change, clean after save', () => {
    const s = new Store();
    const f = fakes();
    s.open(doc, file, 'jinshan.broadsheet');
    const off = connectShell(f.shell, f.editor, s);
    expect(f.calls).toEqual([{ dirty: false }]);
    const changed = { ...doc, pages: [...doc.pages] };
    s.change(changed);
    expect(f.calls.at(-1)).toEqual({ dirty: true, doc: changed });
    s.session({ preview: true }); // session changes are not document changes
    expect(f.calls).toHaveLength(2);
    s.saved(file);
    expect(f.calls.at(-1)).toEqual({ dirty: false });
    off();
    s.change(doc);
    expect(f.calls).toHaveLength(3);
  });

  it('runs menu commands by name and lists them when ready', () => {
    const s = new Store();
    const f = fakes();
    s.open(doc, file, 'jinshan.broadsheet');
    connectShell(f.shell, f.editor, s);
    const names = f.ready.mock.calls[0]![0] as string[];
    expect(names).toEqual(expect.arrayContaining(['file.save', 'view.fit', 'view.preview', 'layout.nextPage']));
    f.send('file.save');
    expect(f.editor.save).toHaveBeenCalledTimes(1);
    f.send('view.preview');
    expect(s.get().session.preview).toBe(true);
    f.send('view.actual');
    expect(s.get().session.zoom).toEqual({ mode: 'scale', scale: 1 });
    f.send('layout.nextPage');
    expect(s.get().session.page).toBe(1);
    f.send('layout.nextPage'); // the sample has two pages: stays on the last
    expect(s.get().session.page).toBe(1);
    f.send('no.such.command'); // unknown names do nothing
  });

  it('finds the shell only when the preload exposed it', () => {
    expect(findShell({})).toBeUndefined();
    expect(findShell({ broadsheetShell: { documentState: 1 } })).toBeUndefined();
    const { shell } = fakes();
    expect(findShell({ broadsheetShell: shell })).toBe(shell);
  });
});
