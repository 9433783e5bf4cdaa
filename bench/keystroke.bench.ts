/**
 * Keystroke-to-paint in the editor (Chromium, software rendering): with the Type tool's caret
 * in the sample's lead story on page 1, each of 50 characters is delivered as the browser
 * delivers typing (beforeinput on the text field); the time runs from that event to the first
 * animation frame after the layout that includes the character reached the store.
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
    const ms = (await page.evaluate('window.broadsheetAutomation.keystrokeLatency(50, "报道新闻稿件")')) as number[];
    const sorted = [...ms].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    return {
      'keystroke-to-paint, page 1 lead story, 50 keys, p50 (ms)': q(0.5),
      'keystroke-to-paint, page 1 lead story, 50 keys, p95 (ms)': q(0.95),
      'keystroke-to-paint, max (ms)': sorted.at(-1)!,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
