/**
 * Editing in the browser, on the sample in web mode (one Chromium launch): select and drag a
 * frame (one undo step that restores the document exactly; redo re-applies it), type into a
 * story with the Type tool (a typing burst is one undo step), and measure keystroke-to-paint
 * latency (reported, not asserted: timing is the bench's business, not a test's).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editingOf, screenPoint, docOf } from './harness';
import { useSampleEditor } from './session';

let page: Page;

const editing = () => editingOf(page);

const screen = (x: number, y: number) => screenPoint(page, x, y);

/** Waits until the layout of the current revision is in and painted. */
async function settled(): Promise<void> {
  await page.waitForFunction(() => {
    const a = (globalThis as unknown as { broadsheetAutomation: { ready(): boolean } }).broadsheetAutomation;
    return a.ready();
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

useSampleEditor((s) => ({ page } = s));

describe('editing in the browser', () => {
  it('selects and drags a frame; undo restores the document exactly; redo re-applies it', async () => {
    const start = await editing();
    expect(start.path).toBe('select.idle');
    const doc = docOf(start);
    const p1 = doc.pages[0]!.id;
    const image = doc.frames.find((f) => f.page === p1 && f.kind === 'image' && f.width > 200)!;
    expect(image).toBeDefined();
    const from = await screen(image.x + image.width / 2, image.y + image.height / 2);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    // Several moves: the tools see a drag, not a jump.
    for (let i = 1; i <= 5; i++) await page.mouse.move(from.x + i * 8, from.y + i * 6);
    await page.mouse.up();
    const moved = await editing();
    expect(moved.selection).toEqual([image.id]);
    expect(moved.path).toBe('select.idle');
    const after = docOf(moved).frames.find((f) => f.id === image.id)!;
    expect(after.x !== image.x || after.y !== image.y).toBe(true);
    expect(moved.undo).toBe(start.undo + 1);

    await page.keyboard.press('Control+z');
    const undone = await editing();
    expect(undone.doc).toBe(start.doc);
    // Undo keeps the selection and never loses redo.
    expect(undone.selection).toEqual([image.id]);
    expect(undone.redo).toBe(1);

    await page.keyboard.press('Control+Shift+z');
    const redone = await editing();
    expect(redone.doc).toBe(moved.doc);
    await settled();
  });

  it('Escape during a drag leaves no undo step', async () => {
    const start = await editing();
    const doc = docOf(start);
    const f = doc.frames.find((x) => x.page === doc.pages[0]!.id && x.kind === 'text')!;
    const from = await screen(f.x + f.width / 2, f.y + f.height / 2);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 4; i++) await page.mouse.move(from.x + i * 10, from.y + i * 10);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    const end = await editing();
    expect(end.doc).toBe(start.doc);
    expect(end.undo).toBe(start.undo);
  });

  it('types into a story with the Type tool; undo removes the burst in one step', async () => {
    const start = await editing();
    const doc = docOf(start);
    const story = doc.stories.find((s) => s.id === 'lead-body')!;
    const frame = doc.frames.find((f) => f.id === story.frames[0])!;
    await page.keyboard.press('Escape');
    await page.keyboard.press('t');
    expect((await editing()).path).toBe('text.idle');
    const at = await screen(frame.x + frame.width / 2, frame.y + 40);
    await page.mouse.click(at.x, at.y);
    const placed = await editing();
    expect(placed.path).toBe('text.editing');
    expect(placed.text?.story).toBe('lead-body');
    const caret = placed.text!.focus;

    await page.keyboard.type('Abc');
    await page.keyboard.insertText('新闻');
    const typed = await editing();
    expect(typed.text?.focus).toBe(caret + 5);
    const storyJson = JSON.stringify(docOf(typed).stories.find((s) => s.id === 'lead-body'));
    expect(storyJson).toContain('Abc新闻');
    expect(typed.undo).toBe(start.undo + 1);
    await settled();

    await page.keyboard.press('Control+z');
    const undone = await editing();
    expect(undone.doc).toBe(start.doc);
    await page.keyboard.press('Control+Shift+z');
    expect((await editing()).doc).toBe(typed.doc);
    await settled();
  });

  it('measures keystroke-to-paint latency on page 1 (reported); each keystroke is relaid at once and the full layout confirms it', async () => {
    expect((await editing()).path).toBe('text.editing');
    type Quick = { relaid: number; confirmed: number; mismatches: number; pending: boolean };
    const quickNow = async () => (await page.evaluate('window.broadsheetAutomation.quickRelayouts()')) as Quick;
    const idle = () => page.waitForFunction(() => !(globalThis as unknown as { broadsheetAutomation: { quickRelayouts(): Quick } }).broadsheetAutomation.quickRelayouts().pending);
    // Keys typed with pauses: the full layout after each one confirms its quick relayout.
    const paused = await quickNow();
    for (const ch of '今日要闻') {
      await page.keyboard.insertText(ch);
      await idle();
    }
    const confirmed = await quickNow();
    expect(confirmed.relaid - paused.relaid).toBe(4);
    expect(confirmed.confirmed - paused.confirmed).toBe(4);
    expect(confirmed.mismatches).toBe(0);
    const quickBefore = await quickNow();
    const ms = (await page.evaluate('window.broadsheetAutomation.keystrokeLatency(50, "报道新闻稿件")')) as { paint: number[]; frame: number[] };
    expect(ms.paint).toHaveLength(50);
    // Each keystroke of the burst was relaid on the editor's thread; the full layout, run once
    // the typing paused, showed exactly the same as the last one.
    await idle();
    const quick = await quickNow();
    expect(quick.relaid - quickBefore.relaid).toBe(50);
    expect(quick.confirmed).toBeGreaterThan(quickBefore.confirmed);
    expect(quick.mismatches).toBe(0);
    for (const [name, xs] of Object.entries(ms)) {
      const sorted = [...xs].sort((a, b) => a - b);
      const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
      console.log(`keystroke-to-${name} over ${xs.length} keystrokes: p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
    }
    // Every keystroke after the first repaints only the lines it changed, and the canvas then
    // holds exactly the pixels of a full repaint.
    const diff = (await page.evaluate('window.broadsheetAutomation.repaintDifference()')) as { pixels: number; differing: number; stale: number; staleBox: unknown; painted: string };
    expect(diff.painted).toBe('partial');
    expect(diff.pixels).toBeGreaterThan(100_000);
    expect({ stale: diff.stale, where: diff.staleBox }).toEqual({ stale: 0, where: null });
    // Small differences (≤ 64 levels) come from resampling a picture or anti-aliasing a rule
    // that crosses an area's edge; they stay few.
    expect(diff.differing).toBeLessThanOrEqual(diff.pixels * 0.01);
    const v = await editing();
    expect(JSON.stringify(docOf(v).stories.find((s) => s.id === 'lead-body'))).toContain('报道新闻稿件');
  });

  it('threads a frame to another by its out-port; undo unthreads exactly', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const start = await editing();
    expect(start.path).toBe('select.idle');
    const doc = docOf(start);
    const source = doc.frames.find((f) => f.id === 'changwu-body-1')!;
    const target = doc.frames.find((f) => f.id === 'quanqu-body-1')!;
    const inside = await screen(source.x + source.width / 3, source.y + source.height / 2);
    await page.mouse.click(inside.x, inside.y);
    expect((await editing()).selection).toEqual([source.id]);
    // The out-port as renderer/tools/hit.ts places it: HANDLE_PX (5) screen px of slop.
    const k = Number(((await page.getByTestId('page-canvas').getAttribute('data-origin')) ?? '0 0 1').split(' ')[2]);
    const size = Math.max((2 * 5) / k, 4);
    const port = await screen(source.x + source.width - size / 2, source.y + source.height - size * 3 + size / 2);
    await page.mouse.click(port.x, port.y);
    expect((await editing()).path).toBe('thread.picking');
    const into = await screen(target.x + target.width / 2, target.y + target.height / 2);
    await page.mouse.click(into.x, into.y);
    const threaded = await editing();
    expect(threaded.path).toBe('select.idle');
    expect(docOf(threaded).stories.find((s) => s.id === 'changwu-body')!.frames).toEqual(['changwu-body-1', 'quanqu-body-1']);
    expect(threaded.undo).toBe(start.undo + 1);
    await page.keyboard.press('Control+z');
    expect((await editing()).doc).toBe(start.doc);
    await settled();
  });
});
