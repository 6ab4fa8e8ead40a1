// `npx tsx scripts/screenshot.ts [out.png]`: the reading screen as a reader uses it, for the README. The embedded
// sample's baseline and 3-month follow-up side by side at slice 12 (the liver target T1) in the liver window, T1
// measured on both with the mouse (as the ground truth has it), the lesion checklist and the live response beside
// them. 1600x1000, from a dev server in headless Chromium. Default: docs/first-screen.png.
import type { Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { collectPageErrors, launchChromium } from '../test/e2e/chromium';
import { startDevServer } from '../test/e2e/devServer';
import { dragBetween, goToSlice, pagePoint, truthLesion } from '../test/e2e/measureHelpers';

const out = process.argv[2] ?? fileURLToPath(new URL('../docs/first-screen.png', import.meta.url));

const pane = (page: Page, i: number) => page.getByTestId('pane').nth(i);
const panel = (page: Page) => page.getByRole('complementary', { name: 'Lesions and response' });
const cell = (page: Page, column: string) => panel(page).locator(`tr[data-lesion="T1"] td[data-column="${column}"]`);

async function drawT1(page: Page, i: number, study: string, column: string) {
  const t1 = truthLesion(study, 'T1');
  await goToSlice(page, i, t1.instanceNumber);
  await page.keyboard.press('m');
  const [a, b] = t1.longAxisEndpointsMm as [[number, number], [number, number]];
  await dragBetween(page, await pagePoint(page, i, a), await pagePoint(page, i, b));
  await page.waitForFunction(([c]) => /mm/.test(document.querySelector(`tr[data-lesion="T1"] td[data-column="${c}"]`)?.textContent ?? ''), [column] as const);
  await page.keyboard.press('w');
}

const server = await startDevServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors = collectPageErrors(page);
  await page.goto(server.url);
  await pane(page, 1).getByTestId('viewport').waitFor({ timeout: 30_000 });
  await panel(page).getByRole('button', { name: '+ Target' }).click();
  const editor = panel(page).getByRole('region', { name: /^Lesion / });
  await editor.getByLabel('Organ or site').selectOption('liver');
  await editor.getByLabel('Location').fill('segment VIII');
  await editor.getByLabel('Location').press('Enter');
  await drawT1(page, 0, 'baseline', 'baseline');
  await drawT1(page, 1, 'followup-3m', 'reading');
  for (const i of [1, 0]) {
    await pane(page, i).getByTestId('viewport').focus();
    await page.keyboard.press('2');
  }
  await cell(page, 'reading').waitFor();
  // The focus ring is for keyboard users, not for the picture; the pointer rests outside the images.
  await page.mouse.move(800, 20);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: out });
  if (errors.length > 0) throw new Error(`page errors:\n${errors.join('\n')}`);
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
