/**
 * Object commands in the browser, on the sample in web mode: copy a frame on page 1 (Mod+C),
 * go to page 2 (Page Down), paste (Mod+V): a frame with the same geometry and a copy of its
 * story appears there, and undo removes it exactly; Mod+Shift+] brings a frame to the front;
 * a frame locked with Mod+L does not move when dragged; Mod+Alt+L unlocks it; with a text caret
 * Mod+C and Mod+V are left to the text field; the Properties tab's Arrange row aligns.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { IssueDocument } from '../../engine/model/types';
import { editingOf, screenPoint, docOf } from './harness';
import { useSampleEditor } from './session';

let page: Page;

const editing = () => editingOf(page);
const pageIndex = () =>
  page.evaluate('window.broadsheetAutomation.state().page') as Promise<number>;

const screen = (x: number, y: number) => screenPoint(page, x, y);

/** Waits for the current revision's layout and two frames of painting. */
async function settled(): Promise<void> {
  await page.waitForFunction(() =>
    (
      globalThis as unknown as { broadsheetAutomation: { ready(): boolean } }
    ).broadsheetAutomation.ready(),
  );
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

async function clickAt(x: number, y: number): Promise<void> {
  const p = await screen(x, y);
  await page.mouse.click(p.x, p.y);
}

useSampleEditor((s) => ({ page } = s));

describe('object commands in the browser', () => {
  it('copy on page 1, paste on page 2: same geometry, a copy of the story; undo removes it exactly', async () => {
    expect(await pageIndex()).toBe(0);
    const start = await editing();
    const src = docOf(start).frames.find((f) => f.id === 'changwei-body-1')!;
    await clickAt(src.x + src.width / 2, src.y + src.height / 2);
    expect((await editing()).selection).toEqual([src.id]);
    await page.keyboard.press('Control+c');
    // Copy is not a document change.
    expect((await editing()).undo).toBe(start.undo);

    await page.keyboard.press('PageDown');
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { broadsheetAutomation: { state(): { page: number } } }
        ).broadsheetAutomation.state().page === 1,
    );
    await settled();
    const before = await editing();
    await page.keyboard.press('Control+v');
    const pasted = await editing();
    expect(pasted.undo).toBe(before.undo + 1);
    const doc = docOf(pasted);
    const p2 = doc.pages[1]!.id;
    expect(pasted.selection).toHaveLength(1);
    const made = doc.frames.find((f) => f.id === pasted.selection[0])!;
    expect(made.id).not.toBe(src.id);
    expect(made).toMatchObject({
      page: p2,
      kind: 'text',
      x: src.x,
      y: src.y,
      width: src.width,
      height: src.height,
    });
    const original = docOf(before).stories.find((s) => s.frames.includes(src.id))!;
    const copy = doc.stories.find((s) => s.frames.includes(made.id))!;
    expect(copy.id).not.toBe(original.id);
    expect(copy.paragraphs).toEqual(original.paragraphs);
    await settled();

    await page.keyboard.press('Control+z');
    const undone = await editing();
    expect(undone.doc).toBe(before.doc);
    expect(undone.selection).toEqual([]);
    await settled();

    // The desktop menu's Paste (an Electron clipboard role) arrives as a paste event, not a key.
    await page.evaluate(() => document.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true })));
    const byMenu = await editing();
    expect(byMenu.undo).toBe(before.undo + 1);
    expect(docOf(byMenu).frames.find((f) => f.id === byMenu.selection[0])).toMatchObject({ page: p2, x: src.x, y: src.y });
    await page.keyboard.press('Control+z');
    expect((await editing()).doc).toBe(before.doc);
    await settled();
  });

  it('Mod+Shift+] brings the selected frame to the front of its page', async () => {
    const before = docOf(await editing());
    const p2 = before.pages[1]!.id;
    const lead = before.frames.find((f) => f.id === 'lead-body-2')!;
    const top = (d: IssueDocument) =>
      Math.max(...d.frames.filter((f) => f.page === p2 && f.id !== 'lead-body-2').map((f) => f.z));
    expect(lead.z).toBeLessThanOrEqual(top(before));
    await clickAt(lead.x + 40, lead.y + 40);
    expect((await editing()).selection).toEqual(['lead-body-2']);
    await page.keyboard.press('Control+Shift+BracketRight');
    const after = docOf(await editing());
    expect(after.frames.find((f) => f.id === 'lead-body-2')!.z).toBeGreaterThan(top(after));
    await settled();
  });

  it('Mod+L locks the frame: a drag does not move it; Mod+Alt+L unlocks the page', async () => {
    expect((await editing()).selection).toEqual(['lead-body-2']);
    await page.keyboard.press('Control+l');
    const locked = await editing();
    const f = docOf(locked).frames.find((x) => x.id === 'lead-body-2')!;
    expect(f.locked).toBe(true);
    const from = await screen(f.x + 40, f.y + 40);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(from.x + i * 15, from.y + i * 12);
    await page.mouse.up();
    const dragged = await editing();
    expect(dragged.doc).toBe(locked.doc);
    expect(dragged.undo).toBe(locked.undo);

    await page.keyboard.press('Control+Alt+l');
    const unlocked = await editing();
    expect(docOf(unlocked).frames.find((x) => x.id === 'lead-body-2')!.locked).toBe(false);
    await settled();
  });

  it("the Properties tab's Arrange row: align needs two frames; Right aligns them in one step", async () => {
    const start = await editing();
    const lead = docOf(start).frames.find((x) => x.id === 'lead-body-2')!;
    await clickAt(lead.x + 40, lead.y + 40);
    await page.getByTestId('tab-properties').click();
    await expect.poll(() => page.getByTestId('arrange-alignRight').isDisabled()).toBe(true);
    expect(await page.getByTestId('arrange-bringToFront').isDisabled()).toBe(false);
    const ad = await screen(600, 900);
    await page.keyboard.down('Shift');
    await page.mouse.click(ad.x, ad.y);
    await page.keyboard.up('Shift');
    expect((await editing()).selection).toEqual(['lead-body-2', 'ad-p2-text']);
    await expect.poll(() => page.getByTestId('arrange-alignRight').isDisabled()).toBe(false);
    const before = await editing();
    await page.getByTestId('arrange-alignRight').click();
    const after = await editing();
    expect(after.undo).toBe(before.undo + 1);
    const ad2 = docOf(after).frames.find((x) => x.id === 'ad-p2-text')!;
    const lead2 = docOf(after).frames.find((x) => x.id === 'lead-body-2')!;
    expect(lead2.x + lead2.width).toBe(ad2.x + ad2.width);
    await page.keyboard.press('Control+z');
    expect((await editing()).doc).toBe(before.doc);
    await settled();
  });

  it("with a text caret, Mod+C / Mod+V are the text field's: no frames are copied or pasted", async () => {
    const start = await editing();
    const lead = docOf(start).frames.find((x) => x.id === 'lead-body-2')!;
    await page.keyboard.press('t');
    await clickAt(lead.x + lead.width / 2, lead.y + 40);
    expect((await editing()).path).toBe('text.editing');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    const after = await editing();
    expect(after.path).toBe('text.editing');
    expect(docOf(after).frames.length).toBe(docOf(start).frames.length);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('v');
  });
});
