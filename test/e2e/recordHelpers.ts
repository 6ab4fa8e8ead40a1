// The lesion record as the browser tests drive it: the panel's cells, adding a lesion, and measuring the sample
// patient's lesions with the mouse at the ground truth's endpoints (nodes bidirectionally, the short axis by its
// handles); used by the tracking and the export tests.
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import { dragBetween, goToSlice, pagePoint, type TruthLesion } from './measureHelpers';

export { study, type TruthLesion } from './measureHelpers';

export const panel = (page: Page) => page.getByRole('complementary', { name: 'Lesions and response' });
export const lesionRow = (page: Page, label: string) => panel(page).locator(`tr[data-lesion="${label}"]`);
export const overall = (page: Page, timepoint: string) =>
  panel(page).locator(`tr[data-timepoint="${timepoint}"] td[data-cell="overall"]`).textContent();

/** Draws the lesion's measurement as the ground truth has it; nodes bidirectionally, short axis by its handles. */
export async function measure(page: Page, i: number, lesion: TruthLesion, column: 'baseline' | 'reading') {
  const cell = () => lesionRow(page, lesion.id).locator(`td[data-column="${column}"]`).textContent().catch(() => null);
  await goToSlice(page, i, lesion.instanceNumber);
  // Fitted and centred, so that page coordinates follow from the canvas box alone (a reveal may have panned).
  await page.keyboard.press('f');
  await page.keyboard.press(lesion.nodal ? 'b' : 'm');
  const [a, b] = lesion.longAxisEndpointsMm as [[number, number], [number, number]];
  const [start, end] = [await pagePoint(page, i, a), await pagePoint(page, i, b)];
  const before = await cell();
  await dragBetween(page, start, end);
  // Saved and drawn back by the app: only then are its handles there to grab.
  await expect.poll(cell).not.toBe(before);
  if (lesion.nodal) {
    // The short axis starts perpendicular through the middle, half as long; each end is dragged to the truth.
    const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
    const length = Math.hypot(end.x - start.x, end.y - start.y);
    const n = { x: -(end.y - start.y) / length, y: (end.x - start.x) / length };
    const handles = [1, -1].map((s) => ({ x: mid.x + (s * n.x * length) / 4, y: mid.y + (s * n.y * length) / 4 }));
    for (const target of lesion.shortAxisEndpointsMm) {
      const to = await pagePoint(page, i, target);
      const nearest = handles.reduce((best, h) => (Math.hypot(h.x - to.x, h.y - to.y) < Math.hypot(best.x - to.x, best.y - to.y) ? h : best));
      const shown = await cell();
      await dragBetween(page, nearest, to);
      await expect.poll(cell).not.toBe(shown);
      handles.splice(handles.indexOf(nearest), 1);
    }
  }
  await page.keyboard.press('w');
}

export async function addLesion(page: Page, button: string, organ: string, location: string) {
  const editor = panel(page).getByRole('region', { name: /^Lesion / });
  const lesions = panel(page).locator('tr[data-lesion]');
  const before = await lesions.count();
  const previous = (await editor.count()) > 0 ? await editor.getAttribute('aria-label') : null;
  await panel(page).getByRole('button', { name: button }).click();
  // The editor shows the new lesion only once it is created and selected; until then it is the previous one's.
  await expect.poll(() => lesions.count()).toBe(before + 1);
  await expect.poll(async () => ((await editor.count()) > 0 ? editor.getAttribute('aria-label') : null)).not.toBe(previous);
  const label = ((await editor.getAttribute('aria-label')) ?? '').replace(/^Lesion /, '');
  const saved = lesionRow(page, label).locator('.lesion-table__organ');
  await editor.getByLabel('Organ or site').selectOption(organ);
  // Saved before measuring: a node's diameter is its short axis only once the organ says lymph node.
  await expect.poll(() => saved.textContent()).toContain(organ);
  await editor.getByLabel('Location').fill(location);
  await editor.getByLabel('Location').press('Enter');
  await expect.poll(() => saved.textContent()).toContain(location);
}

/** Clicks `button` and returns the file the browser downloads, as text. */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]) as [Download, void];
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}
