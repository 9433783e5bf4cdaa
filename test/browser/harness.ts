/**
 * Shared set-up for the browser tests: the built renderer, a web-mode server started
 * in-process on a free port, and Debian's Chromium driven by playwright-core.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { IssueDocument } from '../../engine/model/types';
import { createServices, type ServiceOptions } from '../../services/api';
import { engineHooks } from '../../services/api-hooks';
import { startWebServer, type WebServer } from '../../services/web-server';
import type { EditingView } from '../../renderer/editing-view';

export const STATIC_DIR = path.resolve('dist/renderer');
export const SAMPLE_DIR = path.resolve('samples/jinshan');
export const SAMPLE_NAME = 'jinshan.broadsheet';

/** Builds the renderer when the bundle is missing (npm test builds it first anyway). */
export async function ensureRenderer(): Promise<void> {
  if (existsSync(path.join(STATIC_DIR, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: path.resolve('renderer/vite.config.ts'), logLevel: 'warn' });
}

/** A copy of the sample in a temp folder (tests may break it). */
export async function sampleCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bs-web-'));
  await cp(SAMPLE_DIR, dir, { recursive: true });
  return path.join(dir, SAMPLE_NAME);
}

/** Starts web mode for `issue` with the real exporter and preflight when this build has them. */
export async function serveIssue(issue: string, extra: Partial<ServiceOptions> = {}): Promise<WebServer> {
  await ensureRenderer();
  const services = createServices({
    mode: 'web',
    version: 'test',
    root: path.dirname(issue),
    documentPath: issue,
    bundledFonts: [path.resolve('fonts')],
    // Bundled fonts only: the tests must not depend on what the machine has installed.
    systemFonts: [],
    ...(await engineHooks()),
    ...extra,
  });
  return startWebServer({ services, staticDir: STATIC_DIR, port: 0 });
}

/** Launches Chromium with no background traffic. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--font-render-hinting=none'],
  });
}

/** The renderer's automation surface (renderer/automation.ts), as the tests see it. */
export interface AutomationView {
  ready(): boolean;
  renderPage(index: number, pxPerPt: number): string;
  state(): { pages: number; page: number; view: string; labels: string[]; findings: number; layoutMs: number };
  relayout(): Promise<number>;
}

/** Waits until the document is open and laid out (fonts and images loaded). */
export async function waitReady(page: Page, timeout = 60_000): Promise<void> {
  // globalThis, not window: this file is also compiled without DOM types (bench/). A string
  // predicate would need eval, which the page's CSP rightly refuses.
  await page.waitForFunction(() => (globalThis as unknown as { broadsheetAutomation?: AutomationView }).broadsheetAutomation?.ready() === true, undefined, { timeout });
}

/** Calls the automation surface in the page. */
export function automation<T>(page: Page, fn: (a: AutomationView) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.broadsheetAutomation)`) as Promise<T>;
}

/** A browser page showing the editor on a private copy of the sample, with its server. */
export interface EditorSession {
  issue: string;
  server: WebServer;
  browser: Browser;
  page: Page;
  /** Closes the browser and the server and removes the copy. */
  close(): Promise<void>;
}

/** Opens the editor in web mode on a fresh copy of the sample and waits until it is ready. */
export async function openSampleEditor(): Promise<EditorSession> {
  const issue = await sampleCopy();
  const server = await serveIssue(issue);
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  // File choosers are intercepted from the start: enabling interception only when a test begins
  // waiting for one races with the key that opens it (a loaded machine lost that race).
  page.on('filechooser', () => undefined);
  await page.goto(server.url);
  await waitReady(page);
  return {
    issue,
    server,
    browser,
    page,
    async close() {
      await browser.close();
      await server.close();
      await rm(path.dirname(issue), { recursive: true, force: true });
    },
  };
}

export type { EditingView };

/** The document of an editing state. */
export function docOf(v: EditingView): IssueDocument {
  return JSON.parse(v.doc) as IssueDocument;
}

/** The editing state of the page's editor. */
export function editingOf(page: Page): Promise<EditingView> {
  return page.evaluate('window.broadsheetAutomation.editing()') as Promise<EditingView>;
}

/** Screen position of page point (x, y) on the page canvas (from its data-origin "ox oy scale"). */
export async function screenPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const [ox, oy, k] = ((await page.getByTestId('page-canvas').getAttribute('data-origin')) ?? '0 0 1').split(' ').map(Number) as [number, number, number];
  const box = (await page.getByTestId('page-viewport').boundingBox())!;
  return { x: box.x + ox + x * k, y: box.y + oy + y * k };
}
