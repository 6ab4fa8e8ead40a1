// Measuring the sample patient with the mouse, as a reader does, from the generator's ground truth: where each
// lesion is (slice, endpoints in patient mm) and how to turn that into page coordinates on a fitted pane.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Locator } from 'playwright-core';

export interface TruthLesion {
  id: string; role: string; organ: string; nodal: boolean; location: string; instanceNumber: number;
  longAxisMm: number; shortAxisMm: number; recistDiameterMm: number;
  longAxisEndpointsMm: [number, number][]; shortAxisEndpointsMm: [number, number][];
}
export interface TruthStudy { key: string; studyDate: string; lesions: TruthLesion[] }

// A URL relative to this module, so it loads the same under Vitest and under tsx (ES modules: no __dirname).
const truth = JSON.parse(readFileSync(fileURLToPath(new URL('../../sample-dicom/ground-truth.json', import.meta.url)), 'utf8')) as { studies: TruthStudy[] };
export const study = (key: string): TruthStudy => truth.studies.find((s) => s.key === key) as TruthStudy;
export const truthLesion = (studyKey: string, id: string): TruthLesion => study(studyKey).lesions.find((l) => l.id === id) as TruthLesion;

// The sample's geometry (ground-truth.json, "coordinates"): 256 x 256 pixels of 1.5 mm, first pixel centre at -191.25.
const ORIGIN_MM = -191.25;
const SPACING_MM = 1.5;
const COLUMNS = 256;
/** One pixel of the sample, the agreement asked of a measurement made with the mouse. */
export const PIXEL_MM = SPACING_MM;

// No vitest here: the README's screenshot script (tsx) uses these helpers too.
const pane = (page: Page, i: number): Locator => page.getByTestId('pane').nth(i);

/** Shows slice `n` (1-based) in pane i with the keyboard: Home, then ArrowDown; waits until the pane says so. */
export async function goToSlice(page: Page, i: number, n: number): Promise<void> {
  await pane(page, i).getByTestId('viewport').focus();
  await page.keyboard.press('Home');
  for (let k = 1; k < n; k++) await page.keyboard.press('ArrowDown');
  await pane(page, i).getByRole('status', { name: 'slice position' }).filter({ hasText: new RegExp(`^Slice ${n} / \\d+$`) }).waitFor();
}

/** Page coordinates of a point given in patient mm (x, y) on pane i's image, fitted and centred. */
export async function pagePoint(page: Page, i: number, [xMm, yMm]: [number, number]): Promise<{ x: number; y: number }> {
  const box = await pane(page, i).locator('.stack-viewport__canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const scale = Math.min(box.width / COLUMNS, box.height / COLUMNS);
  const px = (xMm - ORIGIN_MM) / SPACING_MM + 0.5;
  const py = (yMm - ORIGIN_MM) / SPACING_MM + 0.5;
  return { x: box.x + box.width / 2 + scale * (px - COLUMNS / 2), y: box.y + box.height / 2 + scale * (py - COLUMNS / 2) };
}

export async function dragBetween(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}
