/**
 * The desktop app's file dialog for Place and Relink (renderer/place/place.ts chooseFile): the
 * host's own dialog through files.choose; a closed dialog is no file; a second request while
 * one is open is ignored (the Place… shortcut and its menu item both firing); other errors
 * propagate (they go to the error bar).
 */
import { describe, expect, it } from 'vitest';
import { BridgeCallError } from '../../bridge';
import type { Editor } from '../../renderer/editor';
import { chooseFile, fileKind } from '../../renderer/place/place';

function fakeEditor(choose: (kind: string) => Promise<{ bytes: Uint8Array; name: string }>): Editor {
  return { host: 'electron', api: { files: { choose } } } as unknown as Editor;
}

describe('chooseFile in the desktop app', () => {
  it('asks the host for a file and gives it as a File', async () => {
    const kinds: string[] = [];
    const editor = fakeEditor(async (kind) => (kinds.push(kind), { bytes: new TextEncoder().encode('金山'), name: '稿件.txt' }));
    const f = await chooseFile(editor, 'copy');
    expect(f?.name).toBe('稿件.txt');
    expect(new TextDecoder().decode(await f!.arrayBuffer())).toBe('金山');
    expect(kinds).toEqual(['copy']);
  });

  it('a closed dialog is no file; a second request while one is open is ignored; other errors propagate', async () => {
    expect(await chooseFile(fakeEditor(() => Promise.reject(new BridgeCallError('files.choose', { code: 'cancelled', message: 'no file chosen' }))), 'any')).toBeNull();
    let release!: () => void;
    const slow = fakeEditor(() => new Promise((r) => (release = () => r({ bytes: new Uint8Array([1]), name: 'a.jpg' }))));
    const first = chooseFile(slow, 'image');
    expect(await chooseFile(slow, 'image')).toBeNull();
    release();
    expect((await first)?.name).toBe('a.jpg');
    await expect(chooseFile(fakeEditor(() => Promise.reject(new BridgeCallError('files.choose', { code: 'io', message: 'x.txt: permission denied' }))), 'any')).rejects.toThrow('permission denied');
  });

  it('tells copy from pictures by name and type', () => {
    expect(fileKind({ name: 'A.DOCX', type: '' })).toBe('copy');
    expect(fileKind({ name: 'old.doc', type: '' })).toBe('copy');
    expect(fileKind({ name: 'wire', type: 'text/plain' })).toBe('copy');
    expect(fileKind({ name: 'p.TIF', type: '' })).toBe('image');
    expect(fileKind({ name: 'data.bin', type: 'application/octet-stream' })).toBe('unknown');
  });
});
