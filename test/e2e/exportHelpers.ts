// Helpers for the export browser test, copied from tracking.e2e.ts (which keeps its own): measuring the sample
// patient's lesions with the mouse at the ground truth's endpoints, and the lesion panel's cells.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import { counter, pane } from './readingHelpers';

export interface TruthLesion {
  id: string; role: string; organ: string; nodal: boolean; location: string; instanceNumber: number;
  longAxisMm: number; shortAxisMm: number; recistDiameterMm: number;
  longAxisEndpointsMm: [number, number][]; shortAxisEndpointsMm: [number, number][];
}
interface TruthStudy { key: string; studyDate: string; lesions: TruthLesion[] }
const truth = JSON.parse(readFileSync(resolve(__dirname, '../../sample-dicom/ground-truth.json'), 'utf8')) as { studies: TruthStudy[] };
export const study = (key: string): TruthStudy => truth.studies.find((s) => s.key === key) as TruthStudy;

// The sample's geometry (ground-truth.json, "coordinates"): 256 x 256 pixels of 1.5 mm, first pixel centre at -191.25.
const ORIGIN_MM = -191.25;
const SPACING_MM = 1.5;
const COLUMNS = 256;

export const panel = (page: Page) => page.getByRole('complementary', { name: 'Lesions and response' });
export const lesionRow = (page: Page, label: string) => panel(page).locator(`tr[data-lesion="${label}"]`);
export const overall = (page: Page, timepoint: string) =>
  panel(page).locator(`tr[data-timepoint="${timepoint}"] td[data-cell="overall"]`).textContent();

async function goToSlice(page: Page, i: number, n: number) {
  await pane(page, i).getByTestId('viewport').focus();
  await page.keyboard.press('Home');
  for (let k = 1; k < n; k++) await page.keyboard.press('ArrowDown');
  await expect.poll(() => counter(page, i)).toBe(`Slice ${n} / 40`);
}

async function pagePoint(page: Page, i: number, [xMm, yMm]: [number, number]) {
  const box = await pane(page, i).locator('.stack-viewport__canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const scale = Math.min(box.width / COLUMNS, box.height / COLUMNS);
  const px = (xMm - ORIGIN_MM) / SPACING_MM + 0.5;
  const py = (yMm - ORIGIN_MM) / SPACING_MM + 0.5;
  return { x: box.x + box.width / 2 + scale * (px - COLUMNS / 2), y: box.y + box.height / 2 + scale * (py - COLUMNS / 2) };
}

async function dragBetween(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

/** Draws the lesion's measurement as the ground truth has it; nodes bidirectionally, short axis by its handles. */
export async function measure(page: Page, i: number, lesion: TruthLesion, column: 'baseline' | 'reading') {
  const cell = () => lesionRow(page, lesion.id).locator(`td[data-column="${column}"]`).textContent().catch(() => null);
  await goToSlice(page, i, lesion.instanceNumber);
  await page.keyboard.press('f');
  await page.keyboard.press(lesion.nodal ? 'b' : 'm');
  const [a, b] = lesion.longAxisEndpointsMm as [[number, number], [number, number]];
  const [start, end] = [await pagePoint(page, i, a), await pagePoint(page, i, b)];
  const before = await cell();
  await dragBetween(page, start, end);
  await expect.poll(cell).not.toBe(before);
  if (lesion.nodal) {
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
  await panel(page).getByRole('button', { name: button }).click();
  const editor = panel(page).getByRole('region', { name: /^Lesion / });
  await editor.waitFor();
  await editor.getByLabel('Organ or site').selectOption(organ);
  await editor.getByLabel('Location').fill(location);
  await editor.getByLabel('Location').press('Enter');
}

/** Clicks `button` and returns the file the browser downloads, as text. */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]) as [Download, void];
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}
