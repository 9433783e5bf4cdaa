/**
 * The editor in web mode, driven through Chromium: the sample's pages render and match the
 * reference; zoom and page navigation; the overview with the jump between the two pages;
 * preflight lists a missing image of a broken copy; and the canvas matches the exported PDF.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { WebServer } from '../../services/web-server';
import { automation, sampleCopy, serveIssue, waitReady } from './harness';
import { useSampleEditor } from './session';
import { mkdirSync } from 'node:fs';
import { compareGolden, crop, decodePng, diffPixels, GOLDEN_DIR, OUTPUT_DIR } from './golden';

/** Canvas vs golden: share of pixels allowed to differ (anti-aliasing across Chromium builds). */
const GOLDEN_TOLERANCE = 0.005;
/** Canvas vs exported PDF at 100 dpi: share of pixels allowed to differ beyond the colour threshold. */
const PDF_TOLERANCE = 0.03;

let browser: Browser;
let server: WebServer;
let issue: string;
let page: Page;

const canvas = () => page.locator('[data-testid=page-canvas]');
const attr = async (name: string) => (await canvas().getAttribute(name)) ?? '';

useSampleEditor((s) => ({ issue, server, browser, page } = s));

describe('editor in web mode', () => {
  it('renders both pages of the sample', async () => {
    expect(await attr('data-page')).toBe('第1版');
    expect(Number(await attr('data-items'))).toBeGreaterThan(100);
    await page.getByTestId('next-page').click();
    await expect.poll(() => attr('data-page')).toBe('第2版');
    expect(Number(await attr('data-items'))).toBeGreaterThan(20);
    await page.getByTestId('prev-page').click();
    await expect.poll(() => attr('data-page')).toBe('第1版');
  });

  it('matches the reference screenshot at fit-page zoom', async () => {
    await page.getByTestId('zoom-fit-page').click();
    await page.keyboard.press('w'); // preview mode: no guides
    await page.waitForTimeout(200);
    const shot = await page.getByTestId('page-viewport').screenshot();
    await page.keyboard.press('w');
    const { ratio, written } = compareGolden('page-1-fit.png', shot);
    if (written) console.log(`wrote ${path.join(GOLDEN_DIR, 'page-1-fit.png')}`);
    expect(ratio).toBeLessThan(GOLDEN_TOLERANCE);
  });

  it('zooms: 100 %, ctrl+wheel, fit width, fit page', async () => {
    const fit = Number(await attr('data-scale'));
    expect(fit).toBeGreaterThan(0.05);
    expect(fit).toBeLessThan(1);
    await page.getByTestId('zoom-100').click();
    await expect.poll(() => attr('data-scale')).toBe('1.0000');
    const box = (await page.getByTestId('page-viewport').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(async () => Number(await attr('data-scale'))).toBeGreaterThan(1.2);
    // Panning (wheel without a modifier) shifts the painted pixels, then repaints in full.
    await page.mouse.wheel(0, 200);
    await expect.poll(() => attr('data-painted')).toBe('shifted');
    await expect.poll(() => attr('data-painted')).toBe('full');
    await page.getByTestId('zoom-fit-width').click();
    const width = Number(await attr('data-scale'));
    expect(width).toBeGreaterThan(fit);
    await page.keyboard.press('Control+0');
    await expect.poll(async () => Number(await attr('data-scale'))).toBeCloseTo(fit, 3);
  });

  it('navigates with Page Up/Down and go-to-page', async () => {
    await page.keyboard.press('PageDown');
    await expect.poll(() => attr('data-page')).toBe('第2版');
    await page.keyboard.press('PageUp');
    await expect.poll(() => attr('data-page')).toBe('第1版');
    await page.getByTestId('goto').fill('2');
    await page.getByTestId('goto').press('Enter');
    await expect.poll(() => attr('data-page')).toBe('第2版');
    await page.getByTestId('goto').fill('第1版');
    await page.getByTestId('goto').press('Enter');
    await expect.poll(() => attr('data-page')).toBe('第1版');
  });

  it('shows the overview with both pages and the jump between them', async () => {
    await page.getByTestId('view-overview').click();
    const pages = page.getByTestId('overview-page');
    await expect.poll(() => pages.count()).toBe(2);
    expect(await pages.nth(0).getAttribute('data-label')).toBe('第1版');
    expect(await pages.nth(1).getAttribute('data-label')).toBe('第2版');
    const to = pages.nth(0).locator('[data-testid=jump][data-kind=to]');
    const from = pages.nth(1).locator('[data-testid=jump][data-kind=from]');
    expect(await to.count()).toBeGreaterThan(0);
    expect(await to.first().getAttribute('data-target')).toBe('2');
    expect(await from.first().getAttribute('data-target')).toBe('1');
    const shot = await page.getByTestId('overview').screenshot();
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await writeFile(path.join(OUTPUT_DIR, 'overview.png'), shot);
    // Clicking a thumbnail opens that page.
    await pages.nth(1).click();
    await expect.poll(() => attr('data-page')).toBe('第2版');
  });

  it('reordering pages in the overview renumbers the jump lines', async () => {
    await page.getByTestId('view-overview').click();
    const pages = page.getByTestId('overview-page');
    await pages.nth(1).dragTo(pages.nth(0));
    await expect.poll(async () => pages.nth(0).locator('[data-testid=jump][data-kind=from]').count()).toBeGreaterThan(0);
    expect(await pages.nth(0).locator('[data-testid=jump][data-kind=from]').first().getAttribute('data-target')).toBe('2');
    expect(await pages.nth(1).locator('[data-testid=jump][data-kind=to]').first().getAttribute('data-target')).toBe('1');
    // And back.
    await pages.nth(1).dragTo(pages.nth(0));
    await expect.poll(async () => pages.nth(0).locator('[data-testid=jump][data-kind=to]').count()).toBeGreaterThan(0);
    await page.getByTestId('view-page').click();
  });

  it('paints the same page as the exported PDF (rasterised at 100 dpi)', async () => {
    const dpi = 100;
    const dataUrl = await automation(page, (a) => a.renderPage(0, 100 / 72));
    const screen = decodePng(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
    // The PDF comes from the server's export.preview channel, exactly as the print preview gets it.
    const res = await fetch(`http://127.0.0.1:${server.port}/api/export.preview`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Broadsheet-Token': server.secret },
      body: JSON.stringify({ doc: JSON.parse(await readFile(issue, 'utf8')), docPath: issue, options: {} }),
    });
    expect(res.status).toBe(200);
    const dir = await mkdtemp(path.join(tmpdir(), 'bs-pdf-'));
    const pdf = path.join(dir, 'issue.pdf');
    await writeFile(pdf, new Uint8Array(await res.arrayBuffer()));
    // Rasterise the trim box only (the PDF's media box includes the bleed).
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-png', '-cropbox', pdf, path.join(dir, 'p')]);
    const printed = decodePng(await readFile(path.join(dir, 'p-1.png')));
    const w = Math.min(screen.width, printed.width);
    const h = Math.min(screen.height, printed.height);
    expect(Math.abs(screen.width - printed.width)).toBeLessThanOrEqual(2);
    const n = diffPixels(crop(screen, w, h), crop(printed, w, h), 0.3, path.join(OUTPUT_DIR, 'canvas-vs-pdf.diff.png'));
    const ratio = n / (w * h);
    console.log(`canvas vs PDF page 1 at ${dpi} dpi: ${(ratio * 100).toFixed(3)} % of pixels differ`);
    expect(ratio).toBeLessThan(PDF_TOLERANCE);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('export from the editor', () => {
  it('shows progress while exporting and writes the PDF next to the issue', async () => {
    const polls: string[] = [];
    const onRequest = (r: { url(): string }) => void (r.url().includes('/api/jobs.progress') && polls.push(r.url()));
    page.on('request', onRequest);
    // Hold the export request for a second so progress is polled whatever the export's own
    // speed (a warm export of the sample can finish within one poll interval).
    const hold = async (route: { continue(): Promise<void> }) => {
      await new Promise((r) => setTimeout(r, 1000));
      await route.continue();
    };
    await page.route('**/api/export.pdf', hold);
    await page.getByRole('button', { name: 'Export PDF' }).click();
    await expect.poll(() => page.getByTestId('busy').count()).toBe(1);
    expect(await page.getByTestId('busy').innerText()).toContain('Exporting PDF');
    await expect.poll(() => page.getByTestId('busy').count(), { timeout: 60_000 }).toBe(0);
    page.off('request', onRequest);
    await page.unroute('**/api/export.pdf', hold);
    expect(await page.getByTestId('error').count()).toBe(0);
    const pdf = await readFile(issue.replace(/\.broadsheet$/, '.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(polls.length).toBeGreaterThan(0);
  });
});

describe('preflight in web mode', () => {
  it('lists a missing image for a broken copy and selects its frame on click', async () => {
    const broken = await sampleCopy();
    await rm(path.join(path.dirname(broken), 'images', 'rongmei-2.jpg'));
    const s2 = await serveIssue(broken);
    const p = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    try {
      await p.goto(s2.url);
      await waitReady(p);
      await p.getByTestId('tab-preflight').click();
      const finding = p.locator('[data-testid=finding][data-rule=image-missing]');
      await expect.poll(() => finding.count(), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(await finding.first().getAttribute('data-frame')).toBe('rongmei-park-thumb');
      await finding.first().click();
      await p.getByTestId('tab-properties').click();
      await expect.poll(() => p.getByTestId('properties-panel').getAttribute('data-frame')).toBe('rongmei-park-thumb');
    } finally {
      await p.close();
      await s2.close();
      await rm(path.dirname(broken), { recursive: true, force: true });
    }
  });
});
