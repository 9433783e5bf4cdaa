/** services/api.ts over a temporary copy of the sample: every channel through dispatch(). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dispatch } from '../../bridge';
import { createServices, type Services } from '../../services/api';

const SAMPLE = path.resolve('samples/jinshan');
let dir: string;
let doc: string;
let svc: Services;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bs-api-'));
  await cp(SAMPLE, path.join(dir, 'issue'), { recursive: true });
  doc = path.join(dir, 'issue', 'jinshan.broadsheet');
  await writeFile(path.join(dir, 'secret.txt'), 'outside');
  svc = createServices({ mode: 'web', version: 't', root: path.join(dir, 'issue'), documentPath: doc, bundledFonts: [path.resolve('fonts')], systemFonts: [] });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const call = (ch: string, req: unknown) => dispatch(svc.handlers, ch, req);

describe('services/api', () => {
  it('opens the served document when no path is given', async () => {
    const r = await call('document.open', {});
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as { name: string }).name).toBe('jinshan.broadsheet');
  });

  it('saves and reopens the same document (round trip)', async () => {
    const opened = await call('document.open', {});
    if (!opened.ok) throw new Error(opened.error.message);
    const value = opened.value as { doc: { issue: { paper: string } } };
    const changed = { ...value.doc, issue: { ...value.doc.issue, paper: '金山报（测试）' } };
    const saved = await call('document.saveAs', { doc: changed, path: 'copy.broadsheet' });
    expect(saved.ok).toBe(true);
    const again = await call('document.open', { path: 'copy.broadsheet' });
    expect(again.ok && (again.value as typeof value).doc.issue.paper).toBe('金山报（测试）');
  });

  it('refuses an invalid document on save, naming the problem', async () => {
    const r = await call('document.save', { doc: { format: 'broadsheet' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-document');
      expect(r.error.details?.length).toBeGreaterThan(0);
    }
  });

  it('confines every path to the served folder', async () => {
    for (const [ch, req] of [
      ['document.open', { path: '../secret.txt' }],
      ['document.open', { path: '/etc/passwd' }],
      ['images.read', { docPath: doc, src: '../../secret.txt' }],
      ['images.read', { docPath: doc, src: '/etc/hostname' }],
      ['document.saveAs', { doc: {}, path: '../evil.broadsheet' }],
      ['recent.add', { path: '/etc/passwd' }],
    ] as const) {
      const r = await call(ch, req);
      expect(r.ok, `${ch} ${JSON.stringify(req)}`).toBe(false);
      if (!r.ok && ch !== 'document.saveAs') expect(r.error.code).toBe('forbidden');
    }
  });

  it('refuses a symlink that escapes the folder', async () => {
    await symlink(path.join(dir, 'secret.txt'), path.join(dir, 'issue', 'images', 'link.jpg'));
    const r = await call('images.read', { docPath: doc, src: 'images/link.jpg' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('forbidden');
  });

  it('reads a linked image with its size and type', async () => {
    const r = await call('images.read', { docPath: doc, src: 'images/rongmei-1.jpg' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const v = r.value as { bytes: Uint8Array; mime: string; width: number };
      expect(v.mime).toBe('image/jpeg');
      expect(v.width).toBeGreaterThan(0);
      expect(v.bytes.byteLength).toBe((await readFile(path.join(dir, 'issue', 'images', 'rongmei-1.jpg'))).byteLength);
    }
  });

  it('lists fonts by PostScript name and reads one; an unknown key is not-found', async () => {
    const list = await call('fonts.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const fonts = (list.value as { fonts: { key: string; family: string; file: string }[] }).fonts;
    const serif = fonts.find((f) => f.family === 'Noto Serif CJK SC');
    expect(serif).toBeDefined();
    expect(fonts.every((f) => !f.file.includes('/'))).toBe(true);
    const r = await call('fonts.read', { key: serif!.key });
    expect(r.ok && (r.value as { bytes: Uint8Array }).bytes.byteLength).toBeGreaterThan(100_000);
    const bad = await call('fonts.read', { key: 'No-Such-Font' });
    expect(!bad.ok && bad.error.code).toBe('not-found');
  });

  it('preflight reports a missing image with its frame and page', async () => {
    const opened = await call('document.open', {});
    if (!opened.ok) throw new Error(opened.error.message);
    await rm(path.join(dir, 'issue', 'images', 'rongmei-2.jpg'));
    const r = await call('preflight.run', { doc: (opened.value as { doc: unknown }).doc, docPath: doc });
    if (!r.ok) throw new Error(r.error.message);
    const f = (r.value as { findings: { rule: string; frame?: string; page?: string }[] }).findings.find((x) => x.rule === 'image-missing');
    expect(f).toMatchObject({ rule: 'image-missing', frame: 'rongmei-park-thumb' });
    expect(f?.page).toBeTruthy();
  });

  it('remembers recent files, newest first', async () => {
    await call('recent.add', { path: doc });
    await call('recent.add', { path: 'copy.broadsheet' });
    const r = await call('recent.list', {});
    expect(r.ok && (r.value as { files: { name: string }[] }).files.map((f) => f.name)).toEqual(['copy.broadsheet', 'jinshan.broadsheet']);
  });

  it('exports through an injected exporter, reporting progress by job id', async () => {
    const withExporter = createServices({
      mode: 'web',
      version: 't',
      root: path.join(dir, 'issue'),
      documentPath: doc,
      systemFonts: [],
      exporter: async (_d, _p, _o, progress) => {
        progress('page', 1, 2);
        return { bytes: new TextEncoder().encode('%PDF-1.4 test'), pages: 2 };
      },
    });
    const opened = await dispatch(withExporter.handlers, 'document.open', {});
    if (!opened.ok) throw new Error(opened.error.message);
    const seen: string[] = [];
    withExporter.onProgress((p) => seen.push(`${p.phase} ${p.done}/${p.total}${p.finished ? ' finished' : ''}`));
    const r = await dispatch(withExporter.handlers, 'export.pdf', { doc: (opened.value as { doc: unknown }).doc, docPath: doc, options: { path: 'out.pdf' }, jobId: 'j1' });
    expect(r.ok && r.value).toMatchObject({ pages: 2, size: 13 });
    expect(await readFile(path.join(dir, 'issue', 'out.pdf'), 'utf8')).toBe('%PDF-1.4 test');
    expect(seen).toEqual(['page 1/2', 'done 2/2 finished']);
    const polled = await dispatch(withExporter.handlers, 'jobs.progress', { jobId: 'j1' });
    expect(polled.ok && polled.value).toMatchObject({ finished: true });
    const outside = await dispatch(withExporter.handlers, 'export.pdf', { doc: (opened.value as { doc: unknown }).doc, docPath: doc, options: { path: '../../out.pdf' } });
    expect(!outside.ok && outside.error.code).toBe('forbidden');
  });

  it('export without an exporter says so instead of failing obscurely', async () => {
    const opened = await call('document.open', {});
    if (!opened.ok) throw new Error(opened.error.message);
    const r = await call('export.preview', { doc: (opened.value as { doc: unknown }).doc, docPath: doc, options: {} });
    expect(!r.ok && r.error.code).toBe('unsupported');
  });
});
