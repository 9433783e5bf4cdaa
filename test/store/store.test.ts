/** The document store: open/save, backups and restore, format versions, I/O failures. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SaveError, nodeFs, writeFileAtomic, type FsOps } from '../../services/atomic-write';
import { listBackups, restoreBackup } from '../../services/backups';
import { openDocument, removeStaleTemps, saveDocument } from '../../services/document-store';
import { docText, makeDoc } from './fixture-doc';

const root = mkdtempSync(path.join(os.tmpdir(), 'bs-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const dir = path.join(root, `d${n++}`);
  return { dir, file: path.join(dir, 'issue.broadsheet') };
};
const mkdir = (d: string) => import('node:fs').then((fs) => fs.mkdirSync(d, { recursive: true }));
const marker = (text: string) => /"text": "([^"]*)"/.exec(text)?.[1];

describe('save and open', () => {
  it('round-trips a document byte for byte', async () => {
    const { dir, file } = fresh();
    await mkdir(dir);
    const doc = makeDoc({ marker: '金山' });
    const r = await saveDocument(file, doc);
    expect(readFileSync(file, 'utf8')).toBe(docText(doc));
    expect(r.bytes).toBe(Buffer.byteLength(docText(doc)));
    const opened = await openDocument(file);
    expect(opened.doc).toEqual(doc);
    expect(opened.migratedFrom).toBeUndefined();
    expect(docText(opened.doc)).toBe(readFileSync(file, 'utf8'));
    // No temp files left behind.
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses a newer format version with a message and leaves the file untouched', async () => {
    const { dir, file } = fresh();
    await mkdir(dir);
    const text = docText(makeDoc()).replace('"version": 1', '"version": 7');
    writeFileSync(file, text);
    await expect(openDocument(file)).rejects.toThrow(/format version 7, newer than this Broadsheet reads \(1\)/);
    await expect(openDocument(file)).rejects.toThrow(file);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('names the file and the problem for corrupt input', async () => {
    const { dir, file } = fresh();
    await mkdir(dir);
    writeFileSync(file, '{"format":"broadsheet","version":1,');
    await expect(openDocument(file)).rejects.toThrow(/issue\.broadsheet is not a valid Broadsheet file:\n.*not valid JSON/);
    writeFileSync(file, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    await expect(openDocument(file)).rejects.toThrow(/not UTF-8/);
    await expect(openDocument(path.join(dir, 'nope.broadsheet'))).rejects.toThrow(/nope\.broadsheet does not exist/);
    await expect(openDocument(dir)).rejects.toThrow(/is not a file/);
  });

  it('removes temp files of interrupted saves when opening', async () => {
    const { dir, file } = fresh();
    await mkdir(dir);
    await saveDocument(file, makeDoc());
    const stale = path.join(dir, '.issue.broadsheet.tmp-999-abcd');
    writeFileSync(stale, 'half a file');
    expect(await removeStaleTemps(file, 60_000)).toBe(0); // too recent: might be another save in flight
    expect(await removeStaleTemps(file, -1)).toBe(1);
    expect(readdirSync(dir)).not.toContain(path.basename(stale));
  });
});

describe('backups', () => {
  it('keeps the last five saved versions, newest first, and restores one', async () => {
    const { dir, file } = fresh();
    await mkdir(dir);
    let t = Date.parse('2026-11-28T04:00:00Z');
    const now = () => new Date((t += 1000));
    for (let i = 1; i <= 8; i++) await saveDocument(file, makeDoc({ marker: `v${i}` }), { now });
    const backups = await listBackups(file);
    // v8 is the document; v7 … v3 are the five kept.
    expect(backups.map((b) => marker(readFileSync(b.path, 'utf8')))).toEqual(['v7', 'v6', 'v5', 'v4', 'v3']);
    expect(backups[0]!.replacedAt).toMatch(/^2026-11-28T04:00:\d\d\.000Z$/);
    const text = await restoreBackup(file, backups[2]!.id, { now });
    expect(marker(text)).toBe('v5');
    expect(marker(readFileSync(file, 'utf8'))).toBe('v5');
    // The restore is undoable: the replaced v8 is now the newest backup.
    expect(marker(readFileSync((await listBackups(file))[0]!.path, 'utf8'))).toBe('v8');
    expect((await listBackups(file)).length).toBe(5);
  });

  it('does not push versions out when the same content is saved again', async () => {
    const { dir, file } = fresh();
    await mkdir(dir);
    await saveDocument(file, makeDoc({ marker: 'a' }));
    await saveDocument(file, makeDoc({ marker: 'b' }));
    for (let i = 0; i < 6; i++) await saveDocument(file, makeDoc({ marker: 'b' }));
    const kept = (await listBackups(file)).map((b) => marker(readFileSync(b.path, 'utf8')));
    expect(kept).toEqual(['b', 'a']);
  });

  it('refuses backup names that are not backups and damaged backups', async () => {
    const { dir, file } = fresh();
    await mkdir(dir);
    await saveDocument(file, makeDoc({ marker: 'a' }));
    await saveDocument(file, makeDoc({ marker: 'b' }));
    await expect(restoreBackup(file, '../../issue.broadsheet')).rejects.toThrow(/is not a backup name/);
    const b = (await listBackups(file))[0]!;
    writeFileSync(b.path, '{"format":"broadsheet"');
    await expect(restoreBackup(file, b.id)).rejects.toThrow(/is damaged/);
    expect(marker(readFileSync(file, 'utf8'))).toBe('b');
  });
});

describe('I/O failures during save', () => {
  const faulty = (step: keyof FsOps, code: string): FsOps => ({
    ...nodeFs,
    [step]: async () => {
      throw Object.assign(new Error(`${code}: injected`), { code });
    },
  });
  for (const [step, code] of [
    ['writeSynced', 'ENOSPC'],
    ['writeSynced', 'EACCES'],
    ['rename', 'EIO'],
    ['rename', 'EROFS'],
  ] as const) {
    it(`${step} failing with ${code}: clear error, old file intact, no temp left`, async () => {
      const { dir, file } = fresh();
      await mkdir(dir);
      await saveDocument(file, makeDoc({ marker: 'old' }));
      const err = await saveDocument(file, makeDoc({ marker: 'new' }), { fs: faulty(step, code) }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SaveError);
      expect((err as SaveError).message).toContain(file);
      expect((err as SaveError).message).toContain('previous version on disk is unchanged');
      expect((err as SaveError).code).toBe(code);
      expect(marker(readFileSync(file, 'utf8'))).toBe('old');
      expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    });
  }

  it('calls write+fsync, then rename, then the folder fsync, in that order', async () => {
    const { dir, file } = fresh();
    await mkdir(dir);
    const calls: string[] = [];
    const spy: FsOps = {
      ...nodeFs,
      writeSynced: async (f, d) => (calls.push(`write+fsync ${path.basename(f).replace(/\d+-[0-9a-f]+$/, '*')}`), nodeFs.writeSynced(f, d)),
      rename: async (a, b) => (calls.push(`rename → ${path.basename(b)}`), nodeFs.rename(a, b)),
      fsyncDir: async (d) => (calls.push(`fsync dir ${path.basename(d)}`), nodeFs.fsyncDir(d)),
    };
    await writeFileAtomic(file, 'hello', { fs: spy });
    expect(calls).toEqual(['write+fsync .issue.broadsheet.tmp-*', 'rename → issue.broadsheet', `fsync dir ${path.basename(dir)}`]);
    expect(readFileSync(file, 'utf8')).toBe('hello');
  });
});
