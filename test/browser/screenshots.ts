/**
 * Regenerates the README screenshots: `npx tsx test/browser/screenshots.ts`.
 * docs/screenshot-page.png (the sample's front page at fit-page zoom) and
 * docs/screenshot-overview.png (the issue overview).
 */
import path from 'node:path';
import { launch, SAMPLE_DIR, SAMPLE_NAME, serveIssue, waitReady } from './harness';

const server = await serveIssue(path.join(SAMPLE_DIR, SAMPLE_NAME));
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1100 }, deviceScaleFactor: 1 });
  await page.goto(server.url);
  await waitReady(page);
  await page.getByTestId('zoom-fit-page').click();
  await page.getByTestId('tab-articles').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshot-page.png' });
  await page.getByTestId('view-overview').click();
  await page.getByTestId('tab-preflight').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshot-overview.png' });
  console.log('wrote docs/screenshot-page.png and docs/screenshot-overview.png');
} finally {
  await browser.close();
  await server.close();
}
