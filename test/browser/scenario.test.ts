/**
 * The Done-when scenario in the browser, through the editor's UI as a user works it
 * (web mode on a copy of the sample, one Chromium): on page 2 a new article from the New
 * article dialog, drawn on the grid; its body filled with the seed page's text by pasting
 * into the Type tool's caret (it oversets); room made on page 1 (the advertisement deleted);
 * the article continued on page 1 with Continue on page… (the jump lines appear in the
 * layout); copyfit from the Articles panel (the default limits are reported as reached, a
 * wider tracking limit fits it); then undo step by step back to the start and redo to the
 * end, the document equal to the one recorded at each step.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { columnSpan, lineSpan, templateOfPage } from '../../engine/edit';
import { editingOf, screenPoint, docOf } from './harness';
import { useSampleEditor } from './session';

interface LayoutSummary {
  revision: number;
  laidOut: number;
  jumps: { story: string; kind: string; page: number; target: number; text: string }[];
  overset: Record<string, number>;
}

let page: Page;
useSampleEditor((s) => ({ page } = s));

const editing = () => editingOf(page);
const summary = () => page.evaluate('window.broadsheetAutomation.layoutSummary()') as Promise<LayoutSummary>;

/** Waits until the layout of the current document revision is in the store and nothing is busy. */
async function laidOut(): Promise<LayoutSummary> {
  await page.waitForFunction(() => {
    const a = (globalThis as unknown as { broadsheetAutomation: { ready(): boolean; layoutSummary(): LayoutSummary | null } }).broadsheetAutomation;
    const s = a.layoutSummary();
    return a.ready() && !!s && s.laidOut === s.revision;
  }, undefined, { timeout: 60_000 });
  return summary();
}

const screen = (x: number, y: number) => screenPoint(page, x, y);

/** A pointer drag between two page points, in several moves. */
async function drag(x0: number, y0: number, x1: number, y1: number): Promise<void> {
  const a = await screen(x0, y0);
  const b = await screen(x1, y1);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(a.x + ((b.x - a.x) * i) / 6, a.y + ((b.y - a.y) * i) / 6);
  await page.mouse.up();
}

async function click(x: number, y: number, modifiers: ('Alt' | 'Shift')[] = []): Promise<void> {
  const p = await screen(x, y);
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.click(p.x, p.y);
  for (const m of modifiers) await page.keyboard.up(m);
}

async function goToPage(index: number): Promise<void> {
  await page.getByTestId('goto').fill(String(index + 1));
  await page.getByTestId('goto').press('Enter');
  await page.waitForFunction((i) => (globalThis as unknown as { broadsheetAutomation: { state(): { page: number } } }).broadsheetAutomation.state().page === i, index);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Polling for the UI: copyfit lays out the issue several times on the UI thread. */
const POLL = { timeout: 60_000, interval: 100 };

/** The seed page: kicker, title, subhead, then body paragraphs. */
const seed = readFileSync('test/fixtures/seed/jinshan-front-page.txt', 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);

describe('scenario: a new article on page 2 from the seed text, continued on page 1', () => {
  it('builds it through the UI, shows the jump lines, fits it, and undoes/redoes step by step', { timeout: 300_000 }, async () => {
    const start = await editing();
    expect(start.undo).toBe(0);
    const states: string[] = [start.doc];
    const t0 = Date.now();
    const step = async (label: string) => {
      console.log(`step ${states.length} ${label} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const v = await editing();
      expect(v.undo).toBe(states.length);
      expect(v.doc).not.toBe(states.at(-1));
      states.push(v.doc);
      return v;
    };

    // 1. Page 2: New article… (Articles panel) → the shape → Draw on page → drag its area.
    await goToPage(1);
    await page.getByTestId('tab-articles').click();
    await page.getByTestId('article-new').click();
    await page.getByTestId('na-title').fill(seed[1]!);
    await page.getByTestId('na-head-cols').fill('4');
    await page.getByTestId('na-head-lines').fill('6');
    await page.getByTestId('na-body-cols').fill('4');
    await page.getByTestId('na-body-lines').fill('14');
    await page.getByTestId('na-draw').click();
    expect((await editing()).path).toBe('article.idle');
    expect(await page.getByTestId('new-article-dialog').count()).toBe(0);
    const t2 = templateOfPage(docOf(start), 'p2');
    const cols = columnSpan(t2, 0, 4);
    const rows = lineSpan(t2, 30, 20);
    await drag(cols.x + 3, rows.y + 2, cols.x + cols.width - 4, rows.y + rows.height - 3);
    const placed = await step('article drawn');
    expect(placed.path).toBe('select.idle');
    const doc1 = docOf(placed);
    const article = doc1.articles.at(-1)!;
    expect(article.headline!.title.text).toBe(seed[1]);
    const story = article.body!;
    const [headId, bodyId] = placed.selection;
    const head = doc1.frames.find((f) => f.id === headId)!;
    const body = doc1.frames.find((f) => f.id === bodyId)!;
    // On the grid: the headline over columns 1–4, lines 31–36; the body under it, 14 lines.
    expect(head).toMatchObject({ kind: 'headline', page: 'p2', ...cols, ...lineSpan(t2, 30, 6) });
    expect(body).toMatchObject({ kind: 'text', page: 'p2', columns: 4, ...cols, ...lineSpan(t2, 36, 14) });

    // 2. The seed's body text, pasted at the Type tool's caret in the new body frame: it oversets.
    await page.keyboard.press('t');
    await click(body.x + 20, body.y + 10);
    expect((await editing()).path).toBe('text.editing');
    const copy = seed.slice(3, 17).join('\n');
    await page.evaluate((text) => {
      const ta = document.querySelector('[data-testid=text-input]')!;
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, copy);
    const pasted = await step('copy pasted');
    const bodyStory = docOf(pasted).stories.find((s) => s.id === story)!;
    expect(bodyStory.paragraphs.map((p) => p.runs.map((r) => r.text).join(''))).toEqual(seed.slice(3, 17));
    await page.keyboard.press('Escape');
    expect((await editing()).path).toBe('select.idle');
    const over1 = (await laidOut()).overset[story]!;
    expect(over1).toBeGreaterThan(100);

    // 3. Page 1 is full: make room by deleting the advertisement (marquee, Delete).
    await goToPage(0);
    await drag(40, 1300, 600, 1350);
    expect((await editing()).selection.sort()).toEqual(['ad-p1-box', 'ad-p1-text']);
    await page.keyboard.press('Delete');
    await step('advertisement deleted');

    // 4. Back on page 2, select the article's body and Continue on page… page 1, first free area.
    await goToPage(1);
    await click(body.x + 20, body.y + 30);
    expect((await editing()).selection).toEqual([bodyId]);
    await page.getByTestId('tab-articles').click();
    await page.getByTestId('article-continue').click();
    await page.getByTestId('ca-page').selectOption('0');
    await page.getByTestId('ca-cols').fill('4');
    await page.getByTestId('ca-lines').fill('8');
    await page.getByTestId('ca-place').click();
    const continued = await step('continued on page 1');
    const cont = docOf(continued).frames.at(-1)!;
    expect(cont).toMatchObject({ page: 'p1', kind: 'text', columns: 4 });
    expect(docOf(continued).stories.find((s) => s.id === story)!.frames).toEqual([bodyId, cont.id]);
    expect((await page.evaluate('window.broadsheetAutomation.state()')) as { page: number }).toMatchObject({ page: 0 });
    const laid = await laidOut();
    expect(laid.jumps.filter((j) => j.story === story).map((j) => [j.kind, j.page, j.target, j.text])).toEqual([
      ['to', 2, 1, '（下转第1版）'],
      ['from', 1, 2, '（上接第2版）'],
    ]);
    expect(laid.overset[story]).toBeGreaterThan(0);
    expect(laid.overset[story]).toBeLessThan(over1);

    // Alt-click selects the article as one (a selection, not a document change).
    await goToPage(1);
    await click(head.x + 20, head.y + 10, ['Alt']);
    expect((await editing()).selection.sort()).toEqual([headId, bodyId].sort());

    // 5. Copyfit: the panel says how many lines are over; Fit with the default limits reports
    // that they are reached; a wider tracking limit (−120/1000 em) fits it.
    await page.getByTestId('tab-articles').click();
    const row = page.locator(`[data-testid=article-fit][data-article="${article.id}"]`);
    await expect.poll(async () => Number(await row.getAttribute('data-over')), POLL).toBeGreaterThan(0);
    const overLines = Number(await row.getAttribute('data-over'));
    expect(await row.textContent()).toContain(`${overLines} line${overLines === 1 ? '' : 's'} over`);
    await row.getByTestId('fit-article').click();
    await expect.poll(() => page.getByTestId('fit-message').textContent(), POLL).toContain('limits are reached');
    await step('fit at the default limits');
    // The count copyfit's trial layouts found is the count the live layout shows.
    const still = Number(/(\d+) lines? still over/.exec((await page.getByTestId('fit-message').textContent()) ?? '')?.[1]);
    expect(still).toBeGreaterThan(0);
    await laidOut();
    await expect.poll(async () => Number(await row.getAttribute('data-over')), POLL).toBe(still);
    await page.getByTestId('fit-tracking-min').fill('-120');
    await row.getByTestId('fit-article').click();
    await expect.poll(() => page.getByTestId('fit-message').textContent(), POLL).toContain('fits (tracking -');
    const fitted = await step('fit with tracking to -120');
    console.log(`copyfit: ${(await page.getByTestId('fit-message').textContent()) ?? ''}`);
    expect(docOf(fitted).paragraphStyles.some((s) => s.id.endsWith(`~fit~${article.id}`))).toBe(true);
    await laidOut();
    await expect.poll(async () => row.getAttribute('data-over'), POLL).toBe('0');
    expect(await row.textContent()).not.toContain('over');
    expect((await summary()).overset[story]).toBe(0);

    // Undo to the start, then redo to the end: the document equals the recorded one at each step.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = states.length - 2; i >= 0; i--) {
      await page.keyboard.press('Control+z');
      const v = await editing();
      expect(v.doc, `after undo to step ${i}`).toBe(states[i]);
    }
    const undone = await editing();
    expect(undone.undo).toBe(0);
    expect(undone.redo).toBe(states.length - 1);
    expect((await laidOut()).jumps.filter((j) => j.story === story)).toEqual([]);
    for (let i = 1; i < states.length; i++) {
      await page.keyboard.press('Control+Shift+z');
      const v = await editing();
      expect(v.doc, `after redo to step ${i}`).toBe(states[i]);
    }
    const end = await laidOut();
    expect(end.jumps.filter((j) => j.story === story)).toHaveLength(2);
    expect(end.overset[story]).toBe(0);
  });
});
