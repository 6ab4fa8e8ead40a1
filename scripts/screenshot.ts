// `npx tsx scripts/screenshot.ts [out.png] [slice]`: the reading screen with the embedded sample's baseline and
// 3-month follow-up side by side, 1280x800, from a dev server in headless Chromium. Default: docs/first-screen.png at
// slice 12 of 40 (through the liver target T1), scrolling linked, both panes in the liver window (key 2).
import type { Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { collectPageErrors, launchChromium } from '../test/e2e/chromium';
import { startDevServer } from '../test/e2e/devServer';

const out = process.argv[2] ?? fileURLToPath(new URL('../docs/first-screen.png', import.meta.url));
const slice = Number(process.argv[3] ?? '12');

const pane = (page: Page, i: number) => page.getByTestId('pane').nth(i);
const renderedIs = (page: Page, i: number, n: number) => page.waitForFunction(
  ([index, expected]) => document.querySelectorAll<HTMLElement>('[data-testid="pane"] [data-testid="viewport"]')[index]
    ?.dataset.renderedSlice === String(expected),
  [i, n] as const,
);

const server = await startDevServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectPageErrors(page);
  await page.goto(server.url);
  await pane(page, 1).getByTestId('viewport').waitFor({ timeout: 30_000 });
  await renderedIs(page, 1, 1);
  // Liver window on the follow-up, then on the baseline, which stays the active pane; link, then scroll both.
  await pane(page, 1).getByTestId('viewport').click();
  await page.keyboard.press('2');
  await pane(page, 0).getByTestId('viewport').click();
  await page.keyboard.press('2');
  await page.keyboard.press('l');
  for (let i = 1; i < slice; i++) await page.keyboard.press('ArrowDown');
  await renderedIs(page, 0, slice);
  await renderedIs(page, 1, slice);
  // The focus ring is for keyboard users, not for the picture; the pointer rests outside the images.
  await page.mouse.move(640, 20);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: out });
  if (errors.length > 0) throw new Error(`page errors:\n${errors.join('\n')}`);
  console.log(`wrote ${out} (slice ${slice})`);
} finally {
  await browser.close();
  await server.close();
}
