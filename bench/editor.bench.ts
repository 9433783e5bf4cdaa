/**
 * The editor in web mode (Chromium, software rendering): time to open the sample (fonts,
 * images, layout), full-issue layout in the renderer, painting a page, and bridge latency.
 */
import path from 'node:path';
import { automation, launch, SAMPLE_DIR, SAMPLE_NAME, serveIssue, waitReady } from '../test/browser/harness';

export async function bench(): Promise<Record<string, number | string>> {
  const server = await serveIssue(path.join(SAMPLE_DIR, SAMPLE_NAME));
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const t0 = performance.now();
    await page.goto(server.url);
    await waitReady(page, 120_000);
    const openMs = performance.now() - t0;
    const layouts: number[] = [];
    for (let i = 0; i < 5; i++) layouts.push(await automation(page, (a) => a.relayout()));
    const paint = (await page.evaluate(`(() => {
      const a = window.broadsheetAutomation;
      a.renderPage(0, 1); // warm the glyph cache
      const t = []; 
      for (const k of [96 / 72, 4]) { const t0 = performance.now(); a.renderPage(0, k); t.push(performance.now() - t0); }
      return t;
    })()`)) as number[];
    const rtt: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      await fetch(`http://127.0.0.1:${server.port}/api/app.info`, { method: 'POST', headers: { 'X-Broadsheet-Token': server.secret }, body: '{}' });
      rtt.push(performance.now() - s);
    }
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
    return {
      'open sample in the browser until laid out (ms)': openMs,
      'full layout of the sample in the renderer, median of 5 (ms)': median(layouts),
      'paint page 1 at 100 % (ms)': paint[0]!,
      'paint page 1 at 400 % (ms)': paint[1]!,
      'bridge round trip app.info over HTTP, median (ms)': median(rtt),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
