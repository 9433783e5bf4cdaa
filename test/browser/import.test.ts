/**
 * Placing files in the browser, on the sample in web mode: Place (Ctrl+D, the file dialog) a
 * DOCX into a selected article body (headline and byline from the copy), drop a GB 18030 text
 * file on a frame, place Markdown at the text caret, place a picture with nothing selected (a
 * new frame); a binary file and a corrupt picture are refused with a message naming them and
 * change nothing; relink a missing image from the properties panel (it paints). Every change
 * is one undo step that restores the exact previous document.
 */
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { docx } from '../import/zip';
import { decodePng } from './golden';
import { waitReady, editingOf, screenPoint, type EditingView } from './harness';
import { useSampleEditor } from './session';

/** What renderer/automation.ts's editing() returns. */
interface Doc {
  frames: { id: string; page: string; kind: string; x: number; y: number; width: number; height: number; src?: string }[];
  stories: { id: string; paragraphs: { runs: { text: string }[] }[] }[];
  articles: { id: string; body?: string; headline?: { title: { text: string } }; byline?: { names: string[] } }[];
}

let page: Page;
let issue = '';

const editing = () => editingOf(page);
/** The document, typed as far as these tests read it. */
const docOf = (v: EditingView) => JSON.parse(v.doc) as Doc;
const storyText = (d: Doc, id: string) => d.stories.find((s) => s.id === id)!.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n');
const frame = (d: Doc, id: string) => d.frames.find((f) => f.id === id)!;

const screen = (x: number, y: number) => screenPoint(page, x, y);

/** Waits until the editor is idle (no job, layout in) and the undo depth is `undo`. */
async function settledAt(undo: number): Promise<EditingView> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = (await page.evaluate('window.broadsheetAutomation.ready()')) as boolean;
    const v = await editing();
    if (ready && v.undo === undo) return v;
    if (Date.now() > deadline) throw new Error(`no change to undo depth ${undo} (at ${v.undo}); error bar: ${await errorText()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const errorText = async () => ((await page.getByTestId('error').count()) ? await page.getByTestId('error').innerText() : '');

/** Presses Ctrl+D and answers the file dialog with one file. */
async function placeViaDialog(name: string, mimeType: string, bytes: Uint8Array): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+d')]);
  await chooser.setFiles({ name, mimeType, buffer: Buffer.from(bytes) });
}

/** Drops one file at page point (x, y), as the browser delivers a drop from the desktop. */
async function dropFile(name: string, type: string, bytes: Uint8Array, x: number, y: number): Promise<void> {
  const at = await screen(x, y);
  await page.evaluate(
    ({ name, type, data, x, y }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type }));
      const el = document.elementFromPoint(x, y)!;
      for (const kind of ['dragenter', 'dragover', 'drop']) el.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    },
    { name, type, data: [...bytes], x: at.x, y: at.y },
  );
}

/** Clicks the middle of a frame with the Selection tool and checks it is the one selected. */
async function selectFrame(id: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('v');
  const f = frame(docOf(await editing()), id);
  const p = await screen(f.x + f.width / 2, f.y + f.height / 2);
  await page.mouse.click(p.x, p.y);
  expect((await editing()).selection).toEqual([id]);
}

/** Undo, then check the document is exactly `before`. */
async function undoTo(before: EditingView): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  const undone = await settledAt(before.undo);
  expect(undone.doc).toBe(before.doc);
}

const png = (w: number, h: number, colour: string) => sharp({ create: { width: w, height: h, channels: 3, background: colour } }).png().toBuffer().then((b) => new Uint8Array(b));

useSampleEditor((s) => ({ page, issue } = s));

describe('placing copy and pictures in the browser', () => {
  it('places a DOCX into the selected article body: headline, byline and body from the copy; undo restores the document', async () => {
    await selectFrame('lead-body-1');
    const before = await editing();
    const bytes = docx([{ text: '金山全面提升城市软实力', style: 'Heading1' }, { text: '本报讯（记者 王五 赵六）7月8日，区委召开全会。' }, { text: '会议指出，要推动高质量发展。' }]);
    await placeViaDialog('全会.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes);
    const after = await settledAt(before.undo + 1);
    const d = docOf(after);
    expect(storyText(d, 'lead-body')).toBe('7月8日，区委召开全会。\n会议指出，要推动高质量发展。');
    const lead = d.articles.find((a) => a.id === 'lead')!;
    expect(lead.headline?.title.text).toBe('金山全面提升城市软实力');
    expect(lead.byline?.names).toEqual(['王五', '赵六']);
    expect(after.selection).toEqual(['lead-body-1']);
    expect(await errorText()).toBe('');
    await undoTo(before);
  });

  it('drops a GB 18030 text file on a text frame: the Chinese arrives intact; undo restores the document', async () => {
    await page.keyboard.press('Escape');
    const before = await editing();
    const text = '区委常委会召开会议\r\n本报讯（金玮）7月8日，区委常委会召开第163次会议。\r\n　　会议强调，要深入贯彻全会精神，全面提升金山城市软实力。\r\n';
    const f = frame(docOf(before), 'changwei-body-1');
    await dropFile('常委会.txt', 'text/plain', new Uint8Array(iconv.encode(text, 'gb18030')), f.x + f.width / 2, f.y + f.height / 2);
    const after = await settledAt(before.undo + 1);
    const d = docOf(after);
    expect(storyText(d, 'changwei-body')).toBe('7月8日，区委常委会召开第163次会议。\n会议强调，要深入贯彻全会精神，全面提升金山城市软实力。');
    expect(d.articles.find((a) => a.id === 'changwei')!.headline?.title.text).toBe('区委常委会召开会议');
    await undoTo(before);
  });

  it('places Markdown at the text caret (paragraphs inserted there)', async () => {
    await page.keyboard.press('Escape');
    const before = await editing();
    const f = frame(docOf(before), 'ad-p1-text');
    await page.keyboard.press('t');
    const at = await screen(f.x + 30, f.y + 12);
    await page.mouse.click(at.x, at.y);
    const caret = await editing();
    expect(caret.path).toBe('text.editing');
    expect(caret.text?.story).toBe('ad-p1');
    const offset = caret.text!.focus;
    await placeViaDialog('note.md', 'text/markdown', new TextEncoder().encode('# 插入\n\n一段*文字*。'));
    const after = await settledAt(before.undo + 1);
    const was = storyText(docOf(before), 'ad-p1');
    expect(storyText(docOf(after), 'ad-p1')).toBe(`${was.slice(0, offset)}插入\n一段文字。${was.slice(offset)}`);
    expect(after.text?.focus).toBe(offset + '插入\n一段文字。'.length);
    await undoTo(before);
  });

  it('places a picture with nothing selected: a new image frame on the page, selected; undo removes it', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('v');
    await page.keyboard.press('Escape');
    const before = await editing();
    expect(before.selection).toEqual([]);
    await placeViaDialog('photo.png', 'image/png', await png(400, 300, '#20a040'));
    const after = await settledAt(before.undo + 1);
    const added = docOf(after).frames.filter((f) => !docOf(before).frames.some((g) => g.id === f.id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ kind: 'image', page: 'p1', src: 'images/photo.png', width: 400, height: 300 });
    expect(after.selection).toEqual([added[0]!.id]);
    expect((await stat(path.join(path.dirname(issue), 'images', 'photo.png'))).isFile()).toBe(true);
    await undoTo(before);
  });

  it('refuses a binary file and a corrupt picture with a message naming the file, changing nothing', async () => {
    await selectFrame('lead-body-1');
    const before = await editing();
    const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    await placeViaDialog('data.bin', 'application/octet-stream', binary);
    await page.getByTestId('error').waitFor();
    expect(await errorText()).toMatch(/^data\.bin: .*binary/);
    const good = await png(50, 50, '#000000');
    const lead = frame(docOf(before), 'lead-image');
    await dropFile('broken.png', 'image/png', good.slice(0, 60), lead.x + lead.width / 2, lead.y + lead.height / 2);
    await page.waitForFunction(() => document.querySelector('[data-testid=error]')?.textContent?.startsWith('broken.png'));
    expect(await errorText()).toMatch(/^broken\.png: not an image this app can read/);
    const after = await settledAt(before.undo);
    expect(after.doc).toBe(before.doc);
    expect(after.redo).toBe(before.redo);
    await expect(stat(path.join(path.dirname(issue), 'images', 'broken.png'))).rejects.toThrow(/ENOENT/);
    await page.getByTestId('error').click();
  });
});

describe('relinking a missing image', () => {
  it('shows the image as missing, relinks it from the properties panel (it paints), undo restores the link', async () => {
    // Lose the picture on disk and reopen: the frame's link is now missing.
    await rm(path.join(path.dirname(issue), 'images', 'rongmei-1.jpg'));
    await page.reload();
    await waitReady(page);
    await selectFrame('rongmei-red-map-thumb');
    const link = page.getByTestId('image-link');
    await expect.poll(() => link.getAttribute('data-missing')).toBe('true');
    expect(await link.innerText()).toContain('Missing: images/rongmei-1.jpg');
    const before = await editing();
    const f = frame(docOf(before), 'rongmei-red-map-thumb');
    const pixel = async () => {
      const url = (await page.evaluate(`window.broadsheetAutomation.renderPage(0, 1)`)) as string;
      const img = decodePng(Buffer.from(url.split(',')[1]!, 'base64'));
      const i = (Math.round(f.y + f.height / 2) * img.width + Math.round(f.x + f.width / 2)) * 4;
      return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
    };
    const isBlue = ([r, g, b]: number[]) => r! < 70 && g! < 100 && b! > 160;
    expect(isBlue(await pixel())).toBe(false);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('relink').click()]);
    await chooser.setFiles({ name: 'red-map.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await sharp({ create: { width: 234, height: 180, channels: 3, background: '#2040c0' } }).jpeg().toBuffer()) });
    const after = await settledAt(before.undo + 1);
    expect(frame(docOf(after), 'rongmei-red-map-thumb').src).toBe('images/red-map.jpg');
    // Only the frames that used the lost link changed.
    expect(docOf(after).frames.filter((g) => g.src !== frame(docOf(before), g.id).src).map((g) => g.id)).toEqual(['rongmei-red-map-thumb']);
    await expect.poll(() => link.getAttribute('data-missing')).toBe('false');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(isBlue(await pixel())).toBe(true);

    await page.keyboard.press('Control+z');
    const undone = await settledAt(before.undo);
    expect(undone.doc).toBe(before.doc);
    expect(frame(docOf(undone), 'rongmei-red-map-thumb').src).toBe('images/rongmei-1.jpg');
  });
});
