/**
 * Keystroke-to-paint in the editor (Chromium, software rendering): with the Type tool's caret
 * in the sample's lead story on page 1, each of 50 characters is delivered as the browser
 * delivers typing (beforeinput on the text field), at spread-out moments of the display frame;
 * "paint" runs from that event to the page canvas holding the new pixels (one pixel is read back
 * when the repaint lands, so the canvas's deferred rasterising is counted), "frame" to the first
 * animation frame after that (it adds the wait for the display's next refresh).
 */
import path from 'node:path';
import { launch, SAMPLE_DIR, SAMPLE_NAME, serveIssue, waitReady } from '../test/browser/harness';

/** Page point → screen point on the canvas, from its data-origin ("ox oy scale"). */
function toScreen(origin: string, box: { x: number; y: number }, x: number, y: number): { x: number; y: number } {
  const [ox, oy, k] = origin.split(' ').map(Number) as [number, number, number];
  return { x: box.x + ox + x * k, y: box.y + oy + y * k };
}

export async function bench(): Promise<Record<string, number | string>> {
  const server = await serveIssue(path.join(SAMPLE_DIR, SAMPLE_NAME));
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(server.url);
    await waitReady(page, 120_000);
    const view = (await page.evaluate('window.broadsheetAutomation.editing()')) as { doc: string };
    const doc = JSON.parse(view.doc) as { frames: { id: string; x: number; y: number; width: number }[] };
    const frame = doc.frames.find((f) => f.id === 'lead-body-1');
    if (!frame) throw new Error('the sample has no frame lead-body-1');
    await page.keyboard.press('t');
    const origin = (await page.getByTestId('page-canvas').getAttribute('data-origin')) ?? '0 0 1';
    const box = (await page.getByTestId('page-viewport').boundingBox())!;
    const at = toScreen(origin, box, frame.x + frame.width / 2, frame.y + 40);
    await page.mouse.click(at.x, at.y);
    const ms = (await page.evaluate('window.broadsheetAutomation.keystrokeLatency(50, "报道新闻稿件")')) as { paint: number[]; frame: number[] };
    const out: Record<string, number> = {};
    for (const [name, xs] of Object.entries(ms)) {
      const sorted = [...xs].sort((a, b) => a - b);
      const q = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;
      out[`keystroke-to-${name}, page 1 lead story, 50 keys, p50 (ms)`] = q(0.5);
      out[`keystroke-to-${name}, page 1 lead story, 50 keys, p95 (ms)`] = q(0.95);
      out[`keystroke-to-${name}, max (ms)`] = q(1);
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}
