// `npx tsx scripts/screenshot.ts [out.png] [slice]`: the first screen with the embedded baseline, 1280x800, taken
// from a dev server in headless Chromium. Default: docs/first-screen.png at the slice with the liver lesions.
import { fileURLToPath } from 'node:url';
import { collectPageErrors, launchChromium } from '../test/e2e/chromium';
import { startDevServer } from '../test/e2e/devServer';

const out = process.argv[2] ?? fileURLToPath(new URL('../docs/first-screen.png', import.meta.url));
const slice = Number(process.argv[3] ?? '1');

const server = await startDevServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectPageErrors(page);
  await page.goto(server.url);
  const viewport = page.getByTestId('viewport');
  await viewport.waitFor({ timeout: 30_000 });
  for (let i = 1; i < slice; i++) await page.keyboard.press('ArrowDown');
  await page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="viewport"]')?.dataset.renderedSlice === String(n), slice);
  // The focus ring is for keyboard users, not for the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: out });
  if (errors.length > 0) throw new Error(`page errors:\n${errors.join('\n')}`);
  console.log(`wrote ${out} (slice ${slice})`);
} finally {
  await browser.close();
  await server.close();
}
