/**
 * The properties panel and the image gestures in the browser, on the sample in web mode: a
 * text frame's columns N → N+1 (the document and the layout change: the frame's lines fall in
 * one more column; a bad value shows a message and changes nothing; undo restores exactly),
 * vertical alignment and text wrap; the lead image's fit, and a pan by a drag in content mode
 * (double-click): one undo step that undo takes back; Shift+F draws an empty graphics frame
 * (crossed placeholder on the overlay) and Place (Ctrl+D) puts a picture into it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { editingOf, screenPoint, type EditingView } from './harness';
import { useSampleEditor } from './session';

interface FrameRec {
  id: string;
  kind: string;
  columns?: number;
  valign?: string;
  wrap?: { mode: string; offsets: Record<string, number> };
  fit?: string;
  offsetX?: number;
  offsetY?: number;
}

let page: Page;
useSampleEditor((s) => ({ page } = s));

const editing = () => editingOf(page);
const frameOf = (v: EditingView, id: string) => (JSON.parse(v.doc) as { frames: FrameRec[] }).frames.find((f) => f.id === id)!;
const frameLines = (id: string) => page.evaluate(`window.broadsheetAutomation.frameLines(${JSON.stringify(id)})`) as Promise<{ column: number; x: number }[]>;
const columnsUsed = async (id: string) => new Set((await frameLines(id)).map((l) => l.column)).size;

const screen = (x: number, y: number) => screenPoint(page, x, y);

/** Waits until the layout of the current document revision is in. */
async function settled(): Promise<void> {
  await page.waitForFunction(() => {
    const s = (globalThis as unknown as { broadsheetAutomation: { layoutSummary(): { revision: number; laidOut: number } | null } }).broadsheetAutomation.layoutSummary();
    return !!s && s.revision === s.laidOut;
  });
}

/** Leaves the panel's field so that keys go to the editor's shortcuts. */
const blur = () => page.evaluate('document.activeElement && document.activeElement.blur()');

async function setField(id: string, value: string): Promise<void> {
  const input = page.getByTestId(`prop-${id}`);
  await input.fill(value);
  await input.press('Enter');
}

describe('properties panel', () => {
  it('text frame: columns N → N+1 re-lays the frame; a bad value changes nothing; undo restores exactly', async () => {
    const at = await screen(174.75, 633.25); // lead-body-1, 2 columns
    await page.mouse.click(at.x, at.y);
    await page.getByTestId('tab-properties').click();
    await expect.poll(() => page.getByTestId('properties-panel').getAttribute('data-frame')).toBe('lead-body-1');
    const start = await editing();
    const n = frameOf(start, 'lead-body-1').columns!;
    expect(await columnsUsed('lead-body-1')).toBe(n);

    await setField('columns', '0');
    await expect.poll(() => page.getByTestId('prop-columns-error').textContent()).toMatch(/Columns must be from 1 to 20/);
    expect((await editing()).doc).toBe(start.doc);

    await setField('columns', String(n + 1));
    await settled();
    const after = await editing();
    expect(frameOf(after, 'lead-body-1').columns).toBe(n + 1);
    expect(after.undo).toBe(start.undo + 1);
    expect(await columnsUsed('lead-body-1')).toBe(n + 1);
    await expect(page.getByTestId('prop-columns-error').count()).resolves.toBe(0);

    await blur();
    await page.keyboard.press('Control+z');
    await settled();
    expect((await editing()).doc).toBe(start.doc);
    expect(await columnsUsed('lead-body-1')).toBe(n);
  });

  it('vertical alignment and text wrap with an offset, one step each', async () => {
    const start = await editing();
    await page.getByTestId('prop-valign').selectOption('bottom');
    await page.getByTestId('prop-wrap').selectOption('box');
    await setField('wrap-top', '2'); // mm
    await settled();
    const v = await editing();
    const f = frameOf(v, 'lead-body-1');
    expect(f.valign).toBe('bottom');
    expect(f.wrap?.mode).toBe('box');
    expect(f.wrap?.offsets['top']).toBeCloseTo((2 * 72) / 25.4, 1);
    expect(v.undo).toBe(start.undo + 3);
    await blur();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
    await settled();
    expect((await editing()).doc).toBe(start.doc);
  });

  it('image: fit, then a pan by a drag in content mode is one step; Escape leaves content mode; undo restores', async () => {
    const centre = await screen(678.75, 592.75); // lead-image
    await page.mouse.click(centre.x, centre.y);
    await expect.poll(() => page.getByTestId('properties-panel').getAttribute('data-frame')).toBe('lead-image');
    const start = await editing();
    await page.getByTestId('prop-fit').selectOption('fit');
    await page.getByTestId('prop-fit').selectOption('fill');
    const filled = await editing();
    expect(frameOf(filled, 'lead-image').fit).toBe('fill');
    expect(filled.undo).toBe(start.undo + 2);
    await blur();

    await page.mouse.dblclick(centre.x, centre.y);
    await expect.poll(async () => (await editing()).path).toBe('select.content');
    const k = Number(((await page.getByTestId('page-canvas').getAttribute('data-origin')) ?? '0 0 1').split(' ')[2]);
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(centre.x + i * 6, centre.y + i * 4);
    await page.mouse.up();
    await settled();
    const panned = await editing();
    expect(panned.undo).toBe(filled.undo + 1);
    const img = frameOf(panned, 'lead-image');
    expect(img.offsetX).toBeCloseTo(30 / k, 0);
    expect(img.offsetY).toBeCloseTo(20 / k, 0);
    await expect.poll(() => page.getByTestId('prop-reset-image').isEnabled()).toBe(true);

    await page.keyboard.press('Escape');
    expect((await editing()).path).toBe('select.idle');
    await page.keyboard.press('Control+z');
    await settled();
    expect((await editing()).doc).toBe(filled.doc);
  });

  it('Shift+F draws an empty graphics frame with the crossed placeholder; Place puts a picture into it', async () => {
    await page.keyboard.press('Escape');
    const start = await editing();
    await page.keyboard.press('Shift+F');
    const a = await screen(60, 1250);
    const b = await screen(300, 1450);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(a.x + ((b.x - a.x) * i) / 5, a.y + ((b.y - a.y) * i) / 5);
    await page.mouse.up();
    await settled();
    const drawn = await editing();
    expect(drawn.undo).toBe(start.undo + 1);
    const id = drawn.selection[0]!;
    const made = frameOf(drawn, id) as FrameRec & { src: string; x: number; y: number; width: number; height: number };
    expect(made).toMatchObject({ kind: 'image', src: '' });
    await page.getByTestId('tab-properties').click();
    await expect.poll(() => page.getByTestId('prop-empty-frame').count()).toBe(1);
    // The overlay draws the diagonal: a grey pixel on it, a quarter of the way along.
    /** Whether the overlay has a grey (placeholder-coloured) pixel among the 3×3 device pixels around page point (x, y); guides are coloured. */
    const greyAt = async (x: number, y: number) => {
      const p = await screen(x, y);
      const box = (await page.getByTestId('page-overlay').boundingBox())!;
      const [cx, cy] = [Math.round(p.x - box.x) - 1, Math.round(p.y - box.y) - 1];
      const d = (await page.evaluate(`[...document.querySelector('[data-testid="page-overlay"]').getContext('2d').getImageData(${cx}, ${cy}, 3, 3).data]`)) as number[];
      for (let i = 0; i < d.length; i += 4) {
        const [r, g, b, a] = [d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!];
        if (a > 100 && Math.abs(r - g) < 25 && Math.abs(g - b) < 25) return true;
      }
      return false;
    };
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await greyAt(made.x + made.width / 4, made.y + made.height / 4)).toBe(true);
    expect(await greyAt(made.x + (3 * made.width) / 4, made.y + made.height / 4)).toBe(true);
    expect(await greyAt(made.x + made.width / 2, made.y + made.height / 4)).toBe(false);

    const png = await sharp({ create: { width: 200, height: 160, channels: 3, background: '#2040c0' } }).png().toBuffer();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+d')]);
    await chooser.setFiles({ name: 'into-empty.png', mimeType: 'image/png', buffer: png });
    await expect.poll(async () => (await editing()).undo, { timeout: 20_000 }).toBe(drawn.undo + 1);
    await settled();
    const placed = frameOf(await editing(), id) as FrameRec & { src: string };
    expect(placed.src).toMatch(/^images\/into-empty.*\.png$/);
  });
});
