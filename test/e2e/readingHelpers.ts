// Helpers for the reading-viewer browser tests: one pane's elements, its canvas summarised, and a check that a zoom
// kept the anatomy under the pointer in place. Functions passed to page.evaluate are self-contained.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type CanvasStats, readViewportCanvas } from './canvasStats';

export const pane = (page: Page, i: number): Locator => page.getByTestId('pane').nth(i);
export const paneText = (page: Page, i: number, testId: string): Promise<string | null> =>
  pane(page, i).getByTestId(testId).textContent();
export const counter = (page: Page, i: number): Promise<string | null> =>
  pane(page, i).getByRole('status', { name: 'slice position' }).textContent();
export const renderedSlice = (page: Page, i: number): Promise<string | null> =>
  pane(page, i).getByTestId('viewport').getAttribute('data-rendered-slice');

/** The canvas of pane `index`: every viewport sits in a pane, in pane order. */
export const readPaneCanvas = readViewportCanvas;

/** Waits until pane `i` has drawn slice `slice` (1-based), then summarises its canvas. */
export async function paneCanvasAfterRender(page: Page, i: number, slice: number): Promise<CanvasStats> {
  await expect.poll(() => renderedSlice(page, i), { timeout: 10_000 }).toBe(String(slice));
  return paneCanvas(page, i);
}

export async function paneCanvas(page: Page, i: number): Promise<CanvasStats> {
  // Two animation frames: cornerstone draws on the next one after a change.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const stats = await page.evaluate(readPaneCanvas, i);
  if (!stats) throw new Error(`pane ${i} has no canvas`);
  return stats;
}

/** Keeps a copy of pane `index`'s grey values in the page, for compareZoomAbout. */
export function keepPaneCanvas(index: number): void {
  const canvas = document.querySelectorAll<HTMLCanvasElement>('[data-testid="pane"] [data-testid="viewport"] canvas')[index];
  const context = canvas?.getContext('2d');
  if (!canvas || !context) throw new Error('no canvas');
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  const grey = new Uint8Array(canvas.width * canvas.height);
  for (let i = 0; i < grey.length; i++) grey[i] = data[i * 4] ?? 0;
  (window as unknown as { keptCanvas: { grey: Uint8Array; width: number } }).keptCanvas = { grey, width: canvas.width };
}

/**
 * Mean grey difference between the canvas now (B) and the kept one (A) magnified `factor` times about `centre`:
 * B(q) against A(centre + (q - centre) / factor), on a grid around the centre. Small when the zoom really was about
 * `centre`; large when it was about any other point.
 */
export function compareZoomAbout(args: { index: number; centre: { x: number; y: number }; factor: number }): number {
  const { index, centre, factor } = args;
  const canvas = document.querySelectorAll<HTMLCanvasElement>('[data-testid="pane"] [data-testid="viewport"] canvas')[index];
  const context = canvas?.getContext('2d');
  const kept = (window as unknown as { keptCanvas?: { grey: Uint8Array; width: number } }).keptCanvas;
  if (!canvas || !context || !kept) throw new Error('no canvas or nothing kept');
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let sum = 0;
  let n = 0;
  for (let dy = -90; dy <= 90; dy += 6) {
    for (let dx = -90; dx <= 90; dx += 6) {
      const qx = Math.round(centre.x + dx);
      const qy = Math.round(centre.y + dy);
      const ax = Math.round(centre.x + dx / factor);
      const ay = Math.round(centre.y + dy / factor);
      if (qx < 0 || qy < 0 || qx >= canvas.width || qy >= canvas.height) continue;
      sum += Math.abs((data[(qy * canvas.width + qx) * 4] ?? 0) - (kept.grey[ay * kept.width + ax] ?? 0));
      n++;
    }
  }
  return sum / Math.max(1, n);
}

/** The centre of pane `i`'s viewport in page coordinates, and its top-left corner. */
export async function viewportBox(page: Page, i: number) {
  const box = await pane(page, i).getByTestId('viewport').boundingBox();
  if (!box) throw new Error(`pane ${i} viewport has no box`);
  return { ...box, cx: box.x + box.width / 2, cy: box.y + box.height / 2 };
}

/** A mouse drag with one button, in steps, as a hand would make it. */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  by: { x: number; y: number },
  options: { button?: 'left' | 'right' | 'middle'; shift?: boolean } = {},
): Promise<void> {
  const button = options.button ?? 'left';
  if (options.shift) await page.keyboard.down('Shift');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down({ button });
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 8 });
  await page.mouse.up({ button });
  if (options.shift) await page.keyboard.up('Shift');
}

export const zoomPercent = async (page: Page, i: number): Promise<number> =>
  Number(/Zoom (\d+)%/.exec((await paneText(page, i, 'zoom')) ?? '')?.[1] ?? NaN);
