/**
 * Text editing UI in the browser, on the sample in web mode (one Chromium launch): the story
 * editor (Ctrl+Y) on the lead story — typing there changes the document and the laid-out page,
 * Enter/Backspace split and join, undo returns the exact document; a caption edited in place
 * with the Type tool; the command palette (Ctrl+Enter) filtering to a paragraph style and
 * applying it to the caret's paragraph; an image credit edited in place; the Styles tab's apply
 * button and style editor.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editingOf, screenPoint, type EditingView } from './harness';
import { useSampleEditor } from './session';

interface Doc {
  pages: { id: string }[];
  frames: { id: string; page: string; kind: string; x: number; y: number; width: number; height: number; credit?: string }[];
  stories: { id: string; frames: string[]; paragraphs: { style: string; runs: { text: string }[] }[] }[];
}

let page: Page;
const editing = () => editingOf(page);
/** The document, typed as far as these tests read it. */
const docOf = (v: EditingView) => JSON.parse(v.doc) as Doc;
const paras = (d: Doc, id: string) => d.stories.find((s) => s.id === id)!.paragraphs.map((p) => p.runs.map((r) => r.text).join(''));
const layoutText = (story: string) => page.evaluate(`window.broadsheetAutomation.layoutText(${JSON.stringify(story)})`) as Promise<string>;

const screen = (x: number, y: number) => screenPoint(page, x, y);

/** Waits until the layout of the current revision is in (and painted). */
async function settled(): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as { broadsheetAutomation: { ready(): boolean } }).broadsheetAutomation.ready());
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Waits until the laid-out text of `story` satisfies `ok`. */
async function layoutHas(story: string, ok: (t: string) => boolean): Promise<string> {
  for (let i = 0; i < 100; i++) {
    await settled();
    const t = await layoutText(story);
    if (ok(t)) return t;
    await page.waitForTimeout(50);
  }
  return layoutText(story);
}

useSampleEditor((s) => ({ page } = s));

describe('text editing UI in the browser', () => {
  it('story editor: shows the lead story by paragraph; typing reflows the page; Enter/Backspace split and join; undo is exact', async () => {
    const start = await editing();
    const doc = docOf(start);
    const frame = doc.frames.find((f) => f.id === 'lead-body-1')!;
    const at = await screen(frame.x + frame.width / 2, frame.y + frame.height / 2);
    await page.mouse.click(at.x, at.y);
    expect((await editing()).selection).toEqual(['lead-body-1']);
    await page.keyboard.press('Control+y');
    const pane = page.getByTestId('story-editor');
    await pane.waitFor();
    expect(await pane.getAttribute('data-story')).toBe('lead-body');
    const rows = pane.getByTestId('story-paragraph');
    const original = paras(doc, 'lead-body');
    expect(await rows.count()).toBe(original.length);
    expect(await rows.nth(0).locator('textarea').inputValue()).toBe(original[0]);
    // The left column names each paragraph's style (the third one is a crosshead).
    const styleNames = await pane.locator('.story-style').allTextContents();
    expect(styleNames[2]).not.toBe(styleNames[0]);

    const first = rows.nth(0).locator('textarea');
    await first.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Abc');
    await page.keyboard.insertText('新闻');
    const typed = await editing();
    expect(paras(docOf(typed), 'lead-body')[0]).toBe('Abc新闻' + original[0]);
    expect(typed.undo).toBe(start.undo + 1);
    const laid = await layoutHas('lead-body', (t) => t.startsWith('Abc新闻'));
    expect(laid.startsWith('Abc新闻' + original[0]!.slice(0, 5))).toBe(true);

    // Enter splits the paragraph at the caret; Backspace at the new paragraph's start joins it back.
    await page.keyboard.press('Enter');
    const split = docOf(await editing());
    expect(paras(split, 'lead-body').slice(0, 2)).toEqual(['Abc新闻', original[0]]);
    expect(await rows.count()).toBe(original.length + 1);
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).dataset['index'])).toBe('1');
    await page.keyboard.press('Backspace');
    const joined = await editing();
    expect(paras(docOf(joined), 'lead-body')[0]).toBe('Abc新闻' + original[0]);
    expect(await rows.count()).toBe(original.length);

    // IME: the pre-edit text stays out of the document until it is committed (one more step in the burst).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'jin', selectionStart: 3, selectionEnd: 3 });
    expect((await editing()).doc).toBe(joined.doc);
    await cdp.send('Input.imeSetComposition', { text: 'jinshan', selectionStart: 7, selectionEnd: 7 });
    expect((await editing()).doc).toBe(joined.doc);
    await cdp.send('Input.insertText', { text: '金山' });
    await page.waitForFunction(() => document.activeElement instanceof HTMLTextAreaElement && !document.activeElement.value.includes('jin'));
    expect(paras(docOf(await editing()), 'lead-body')[0]).toBe('Abc新闻金山' + original[0]);
    await cdp.detach();

    // Undo (from the story editor) back to the start: the exact document, and the field follows.
    while ((await editing()).undo > start.undo) await page.keyboard.press('Control+z');
    const undone = await editing();
    expect(undone.doc).toBe(start.doc);
    expect(await rows.nth(0).locator('textarea').inputValue()).toBe(original[0]);
    expect(await layoutHas('lead-body', (t) => !t.startsWith('Abc'))).not.toContain('Abc新闻');
    await page.keyboard.press('Escape');
    await pane.waitFor({ state: 'detached' });
  });

  it('edits a caption in place with the Type tool', async () => {
    await page.keyboard.press('Escape');
    const start = await editing();
    const doc = docOf(start);
    const image = doc.frames.find((f) => f.id === 'lead-image')!;
    const before = paras(doc, 'lead-caption')[0]!;
    await page.keyboard.press('t');
    expect((await editing()).path).toBe('text.idle');
    // The caption is set right under the picture (gap 4 pt): click at its end.
    const at = await screen(image.x + image.width - 2, image.y + image.height + 9);
    await page.mouse.click(at.x, at.y);
    const placed = await editing();
    expect(placed.path).toBe('text.editing');
    expect(placed.text).toMatchObject({ story: 'lead-caption', frame: 'lead-image' });
    await page.keyboard.press('End');
    await page.keyboard.insertText('（资料图）');
    const typed = await editing();
    expect(paras(docOf(typed), 'lead-caption')[0]).toBe(before + '（资料图）');
    expect(await layoutHas('lead-caption', (t) => t.endsWith('（资料图）'))).toBe(before + '（资料图）');
    await page.keyboard.press('Control+z');
    expect((await editing()).doc).toBe(start.doc);
    await settled();
  });

  it('command palette: Ctrl+Enter, filter to a paragraph style, Enter applies it to the caret paragraph', async () => {
    const start = await editing();
    const doc = docOf(start);
    const frame = doc.frames.find((f) => f.id === 'lead-body-1')!;
    const at = await screen(frame.x + 30, frame.y + 12);
    await page.mouse.click(at.x, at.y);
    const placed = await editing();
    expect(placed.text?.story).toBe('lead-body');
    await page.keyboard.press('Control+Enter');
    const palette = page.getByTestId('palette');
    await palette.waitFor();
    // Commands are listed with their shortcuts (the story editor under Edit, Ctrl+Y).
    expect(await palette.locator('[data-command="edit.storyEditor"]').textContent()).toContain('Ctrl+Y');
    await page.keyboard.type('crosshead');
    const items = palette.getByTestId('palette-item');
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-command')))).toEqual(['style.paragraph.crosshead']);
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    const applied = await editing();
    const styles = docOf(applied).stories.find((s) => s.id === 'lead-body')!.paragraphs.map((p) => p.style);
    expect(styles[0]).toBe('crosshead');
    expect(styles.slice(1)).toEqual(doc.stories.find((s) => s.id === 'lead-body')!.paragraphs.slice(1).map((p) => p.style));
    expect(applied.undo).toBe(start.undo + 1);
    // The caret keeps the keyboard: typing goes on into the story.
    await page.keyboard.insertText('字');
    expect(paras(docOf(await editing()), 'lead-body').join('')).toContain('字');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    expect((await editing()).doc).toBe(start.doc);
    // Escape closes the palette without running anything.
    await page.keyboard.press('Control+Enter');
    await palette.waitFor();
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'detached' });
    expect((await editing()).doc).toBe(start.doc);
    await settled();
  });

  it('edits an image credit in place: from the palette, then by double-clicking the credit line', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('v');
    const start = await editing();
    const image = docOf(start).frames.find((f) => f.id === 'lead-image')!;
    const mid = await screen(image.x + image.width / 2, image.y + image.height / 2);
    await page.mouse.click(mid.x, mid.y);
    expect((await editing()).selection).toEqual(['lead-image']);
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('credit');
    await page.keyboard.press('Enter');
    const field = page.getByTestId('credit-editor');
    await field.waitFor();
    await page.keyboard.insertText('金山报记者 摄');
    await page.keyboard.press('Enter');
    await field.waitFor({ state: 'detached' });
    const set = await editing();
    expect(docOf(set).frames.find((f) => f.id === 'lead-image')!.credit).toBe('金山报记者 摄');
    expect(set.undo).toBe(start.undo + 1);
    await settled();
    // Double-click the credit line under the picture: the field opens with the credit; Escape keeps it.
    const line = await screen(image.x + image.width - 10, image.y + image.height + 3);
    await page.mouse.dblclick(line.x, line.y);
    await field.waitFor();
    expect(await field.inputValue()).toBe('金山报记者 摄');
    await page.keyboard.press('Escape');
    await field.waitFor({ state: 'detached' });
    expect((await editing()).doc).toBe(set.doc);
    await page.keyboard.press('Control+z');
    expect((await editing()).doc).toBe(start.doc);
  });

  it('Styles tab: applies a paragraph style to the caret paragraph and edits a style (refusing a bad value)', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('t');
    const start = await editing();
    const doc = docOf(start);
    const frame = doc.frames.find((f) => f.id === 'lead-body-1')!;
    const at = await screen(frame.x + 30, frame.y + 12);
    await page.mouse.click(at.x, at.y);
    expect((await editing()).text?.story).toBe('lead-body');
    await page.getByTestId('tab-styles').click();
    await page.getByTestId('paragraph-style-select').selectOption('crosshead');
    await page.getByTestId('apply-paragraph-style').click();
    const applied = await editing();
    expect(docOf(applied).stories.find((s) => s.id === 'lead-body')!.paragraphs[0]!.style).toBe('crosshead');
    expect(applied.undo).toBe(start.undo + 1);

    const size = page.getByTestId('style-size');
    await size.fill('14');
    await size.press('Enter');
    const edited = await editing();
    const style = (JSON.parse(edited.doc) as { paragraphStyles: { id: string; size?: number }[] }).paragraphStyles.find((s) => s.id === 'crosshead')!;
    expect(style.size).toBe(14);
    expect(edited.undo).toBe(start.undo + 2);
    await settled();
    // A value the schema refuses is not applied, and the panel says why.
    await page.getByTestId('style-leading').fill('-3');
    await page.getByTestId('style-leading').press('Enter');
    expect(await page.getByTestId('style-message').textContent()).toMatch(/crosshead|leading/);
    expect((await editing()).doc).toBe(edited.doc);
    // The style fields are text inputs (shortcuts skip them): undo from the page instead.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    while ((await editing()).undo > start.undo) await page.keyboard.press('Control+z');
    expect((await editing()).doc).toBe(start.doc);
  });
});
