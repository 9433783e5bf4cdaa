/**
 * Placing files on the Node side (services/api-place.ts) through dispatch() and over HTTP:
 * import.copy reads copy from bytes (UTF-8, GB 18030, DOCX, Markdown) and refuses binary,
 * empty, broken and oversize files naming them; images.add copies a picture into images/
 * (unique names, identical files reused, nothing overwritten) and refuses corrupt, non-image
 * and oversize files without writing anything. Web mode carries the bytes as a raw body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { MAX_ADD_IMAGE_BYTES, MAX_COPY_BYTES, dispatch, type ImportedCopy, type Result } from '../../bridge';
import { createServices, type Services } from '../../services/api';
import { safeImageName } from '../../services/api-place';
import { startWebServer, type WebServer } from '../../services/web-server';
import { docx } from '../import/zip';

const SAMPLE = path.resolve('samples/jinshan');
let dir: string;
let doc: string;
let svc: Services;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bs-place-'));
  await cp(SAMPLE, path.join(dir, 'issue'), { recursive: true });
  doc = path.join(dir, 'issue', 'jinshan.broadsheet');
  svc = createServices({ mode: 'web', version: 't', root: path.join(dir, 'issue'), documentPath: doc, bundledFonts: [], systemFonts: [] });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const call = (ch: string, req: unknown) => dispatch(svc.handlers, ch, req);
const enc = (s: string) => new TextEncoder().encode(s);
const jpeg = (w: number, h: number, colour = '#c03020') => sharp({ create: { width: w, height: h, channels: 3, background: colour } }).jpeg().toBuffer().then((b) => new Uint8Array(b));
const imagesDir = () => readdir(path.join(dir, 'issue', 'images')).then((l) => l.filter((f) => !f.startsWith('.')).sort());

function refused(r: Result<unknown>): string {
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error.message;
}

describe('import.copy', () => {
  it('reads UTF-8 and GB 18030 text, DOCX and Markdown into paragraphs', async () => {
    const text = '金山将推动一系列转型\n本报讯（记者 张三）7月8日，区委召开全会。\n会议指出，要推动高质量发展。';
    const utf8 = await call('import.copy', { name: 'copy.txt', bytes: enc(text) });
    expect(utf8).toMatchObject({ ok: true, value: { format: 'text', encoding: 'utf-8' } });
    const gb = await call('import.copy', { name: 'copy-gb.txt', bytes: new Uint8Array(iconv.encode(text, 'gb18030')) });
    expect(gb.ok).toBe(true);
    const v = (gb as { value: ImportedCopy }).value;
    expect(v.encoding).toBe('gb18030');
    expect(v.paragraphs).toEqual([{ text: '金山将推动一系列转型', heading: 1 }, { text: '本报讯（记者 张三）7月8日，区委召开全会。' }, { text: '会议指出，要推动高质量发展。' }]);
    const word = await call('import.copy', { name: 'story.docx', bytes: docx([{ text: 'Headline', style: 'Heading1' }, { text: 'First paragraph.' }]) });
    expect(word).toEqual({ ok: true, value: { file: 'story.docx', format: 'docx', paragraphs: [{ text: 'Headline', heading: 1 }, { text: 'First paragraph.' }] } });
    const md = await call('import.copy', { name: 'notes.md', bytes: enc('# Title\n\nBody *text*.') });
    expect(md).toMatchObject({ ok: true, value: { format: 'markdown', paragraphs: [{ text: 'Title', heading: 1 }, { text: 'Body text.' }] } });
  });

  it('refuses binary, empty, broken Word and oversize files, naming the file', async () => {
    expect(refused(await call('import.copy', { name: 'photo.jpg', bytes: await jpeg(8, 8) }))).toMatch(/^photo\.jpg: .*binary/);
    expect(refused(await call('import.copy', { name: 'empty.txt', bytes: new Uint8Array() }))).toBe('empty.txt: the file is empty');
    expect(refused(await call('import.copy', { name: 'broken.docx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9]) }))).toMatch(/^broken\.docx: this is not a Word/);
    const big = new Uint8Array(MAX_COPY_BYTES + 1).fill(0x61);
    expect(refused(await call('import.copy', { name: 'huge.txt', bytes: big }))).toMatch(/^huge\.txt: too large for copy \(20\.0 MB; the limit is 20 MB\)/);
    // Only a file name crosses: folders in it are not followed, the message names the file alone.
    expect(refused(await call('import.copy', { name: '../../x/bin.dat', bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 0, 5]) }))).toMatch(/^bin\.dat: /);
  });
});

describe('images.add', () => {
  it('copies a picture into images/, answers its link and size, reuses an identical file and never overwrites a different one', async () => {
    const a = await jpeg(40, 30);
    const r = await call('images.add', { docPath: doc, name: 'photo.jpg', bytes: a });
    expect(r).toEqual({ ok: true, value: { src: 'images/photo.jpg', width: 40, height: 30, density: 72, reused: false } });
    expect(new Uint8Array(await readFile(path.join(dir, 'issue', 'images', 'photo.jpg')))).toEqual(a);
    // The same bytes again: linked, not copied.
    expect(await call('images.add', { docPath: doc, name: 'photo.jpg', bytes: a })).toMatchObject({ ok: true, value: { src: 'images/photo.jpg', reused: true } });
    // A different picture under the same name: a new name, the old file untouched.
    const b = await jpeg(20, 10, '#2040c0');
    expect(await call('images.add', { docPath: doc, name: 'photo.jpg', bytes: b })).toMatchObject({ ok: true, value: { src: 'images/photo-2.jpg', width: 20, height: 10, reused: false } });
    expect(new Uint8Array(await readFile(path.join(dir, 'issue', 'images', 'photo.jpg')))).toEqual(a);
    // The sample's own pictures are never overwritten either.
    const before = await readFile(path.join(dir, 'issue', 'images', 'rongmei-1.jpg'));
    expect(await call('images.add', { docPath: doc, name: 'rongmei-1.jpg', bytes: b })).toMatchObject({ ok: true, value: { src: 'images/rongmei-1-2.jpg' } });
    expect(await readFile(path.join(dir, 'issue', 'images', 'rongmei-1.jpg'))).toEqual(before);
    // The file's resolution gives the density (natural size in pt = px × 72 / density).
    const dense = new Uint8Array(await sharp({ create: { width: 30, height: 30, channels: 3, background: '#000' } }).withMetadata({ density: 300 }).png().toBuffer());
    expect(await call('images.add', { docPath: doc, name: 'scan.PNG', bytes: dense })).toMatchObject({ ok: true, value: { src: 'images/scan.png', density: 300 } });
  });

  it('keeps names inside images/: folders are dropped, odd characters replaced, the extension follows the format', async () => {
    expect(safeImageName('../../etc/pass:wd?.jpg', '.jpg')).toBe('pass_wd_.jpg');
    expect(safeImageName('...', '.png')).toBe('image.png');
    expect(safeImageName('a\u0001b.tif', '.tif')).toBe('a_b.tif');
    const r = await call('images.add', { docPath: doc, name: '..\\..\\outside.jpg', bytes: await jpeg(5, 5, '#00ff00') });
    expect(r).toMatchObject({ ok: true, value: { src: 'images/outside.jpg' } });
    // A PNG named .jpg is stored as .png.
    const png = new Uint8Array(await sharp({ create: { width: 6, height: 6, channels: 3, background: '#fff' } }).png().toBuffer());
    expect(await call('images.add', { docPath: doc, name: 'liar.jpg', bytes: png })).toMatchObject({ ok: true, value: { src: 'images/liar.png' } });
  });

  it('refuses corrupt, non-image, empty and oversize files and documents outside the folder, writing nothing', async () => {
    const before = await imagesDir();
    const good = await jpeg(200, 200);
    const truncated = good.slice(0, Math.floor(good.length / 2));
    expect(refused(await call('images.add', { docPath: doc, name: 'cut.jpg', bytes: truncated }))).toMatch(/^cut\.jpg: not an image this app can read/);
    expect(refused(await call('images.add', { docPath: doc, name: 'notes.txt', bytes: enc('hello, not a picture') }))).toMatch(/^notes\.txt: not an image this app can read/);
    expect(refused(await call('images.add', { docPath: doc, name: 'none.jpg', bytes: new Uint8Array() }))).toBe('none.jpg: the file is empty');
    const big = new Uint8Array(MAX_ADD_IMAGE_BYTES + 1);
    expect(refused(await call('images.add', { docPath: doc, name: 'poster.tif', bytes: big }))).toMatch(/^poster\.tif: too large to place \(100\.0 MB; the limit is 100 MB\)/);
    const svg = enc('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    expect(refused(await call('images.add', { docPath: doc, name: 'logo.svg', bytes: svg }))).toMatch(/^logo\.svg: SVG images cannot be placed/);
    const outside = await call('images.add', { docPath: path.join(dir, 'elsewhere.broadsheet'), name: 'p.jpg', bytes: good });
    expect(outside).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await imagesDir()).toEqual(before);
  });
});

describe('files.choose (the host\'s own file dialog)', () => {
  it('answers the chosen file\'s bytes and name; cancelled, unsupported and oversize are errors', async () => {
    const chosen = path.join(dir, 'chosen 稿件.txt');
    await writeFile(chosen, '金山');
    const big = path.join(dir, 'big.txt');
    await writeFile(big, '');
    await truncate(big, MAX_COPY_BYTES + 1);
    const picks: string[] = [];
    let answer: string | undefined = chosen;
    const desktop = createServices({ mode: 'electron', version: 't', bundledFonts: [], systemFonts: [], pickPlaceFile: async (kind) => (picks.push(kind), answer) });
    const r = await dispatch(desktop.handlers, 'files.choose', { kind: 'copy' });
    expect(r).toEqual({ ok: true, value: { name: 'chosen 稿件.txt', bytes: new TextEncoder().encode('金山') } });
    expect(picks).toEqual(['copy']);
    answer = undefined;
    expect(await dispatch(desktop.handlers, 'files.choose', { kind: 'image' })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    answer = big;
    expect(await dispatch(desktop.handlers, 'files.choose', { kind: 'copy' })).toMatchObject({ ok: false, error: { message: 'big.txt: too large (20.0 MB; the limit is 20 MB)' } });
    // The same size is a fine picture.
    expect(await dispatch(desktop.handlers, 'files.choose', { kind: 'image' })).toMatchObject({ ok: true, value: { name: 'big.txt' } });
    // Web mode has no dialog of its own: the renderer uses a file input.
    expect(await call('files.choose', { kind: 'any' })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});

describe('binary requests over HTTP (web mode)', () => {
  let server: WebServer;
  beforeAll(async () => {
    const staticDir = path.join(dir, 'static');
    await cp(SAMPLE, staticDir, { recursive: true });
    await writeFile(path.join(staticDir, 'index.html'), '<div id="root"></div>');
    server = await startWebServer({ services: svc, staticDir, port: 0 });
  });
  afterAll(() => server.close());

  const post = (channel: string, body: Uint8Array, meta?: object) =>
    fetch(`http://127.0.0.1:${server.port}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-Broadsheet-Token': server.secret, ...(meta ? { 'X-Broadsheet-Meta': encodeURIComponent(JSON.stringify(meta)) } : {}) },
      body: body as unknown as BodyInit,
    });

  it('takes the bytes as the body and the other fields from the meta header', async () => {
    const bytes = new Uint8Array(iconv.encode('金山区委召开全会，研究部署下半年工作。', 'gb18030'));
    const r = await post('import.copy', bytes, { name: '稿件.txt' });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true, value: { file: '稿件.txt', encoding: 'gb18030', paragraphs: [{ text: '金山区委召开全会，研究部署下半年工作。' }] } });
    const img = await post('images.add', await jpeg(12, 9), { docPath: doc, name: 'web.jpg' });
    expect(await img.json()).toMatchObject({ ok: true, value: { src: 'images/web.jpg', width: 12, height: 9 } });
  });

  it('refuses a binary request without its meta header, and bytes for a channel that takes none', async () => {
    const r = await post('import.copy', enc('text'));
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('x-broadsheet-meta') } });
    const wrong = await post('app.info', enc('x'), {});
    expect(wrong.status).toBe(400);
    const binaryDoc = await post('images.add', await jpeg(4, 4), { docPath: '../../../etc/x.broadsheet', name: 'a.jpg' });
    expect(binaryDoc.status).toBe(403);
  });
});
