// The first screen end to end: the embedded baseline CT loads, is drawn, and scrolls; real Vite, real Chromium.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession } from './browserSession';
import { readViewportCanvas, type CanvasStats } from './canvasStats';
import { collectPageErrors } from './chromium';

interface Manifest { studies: { folder: string; files: string[] }[] }
const SAMPLE = new URL('../../sample-dicom/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', SAMPLE), 'utf8')) as Manifest;
const baselineFiles = manifest.studies.find((s) => s.folder === 'baseline')?.files ?? [];
const N = baselineFiles.length;

let browser: Browser;
let page: Page;

// The baseline is the first (left) pane; the sample's follow-up sits beside it (test/e2e/reading.e2e.ts).
const firstPane = () => page.getByTestId('pane').first();
const counter = () => firstPane().getByRole('status', { name: 'slice position' });
const renderedSlice = () => firstPane().getByTestId('viewport').getAttribute('data-rendered-slice');

async function canvasAfterRender(slice: number): Promise<CanvasStats> {
  await expect.poll(renderedSlice, { timeout: 10_000 }).toBe(String(slice));
  const stats = await page.evaluate(readViewportCanvas, 0);
  if (!stats) throw new Error('no viewport canvas');
  return stats;
}

browserSession({ viewport: { width: 1280, height: 800 } }, async (session) => {
  ({ browser, page } = session);
  await page.goto(inject('baseUrl'));
});

describe('first screen with the embedded baseline CT', () => {
  const hashes = new Map<number, string>();

  it('has the title and no error panel', async () => {
    await expect.poll(() => page.title()).toBe('recist-reader');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('recist-reader');
    expect(N).toBe(40);
  });

  it(`shows Slice 1 / ${N}, N being the number of baseline files in the manifest`, async () => {
    await expect.poll(() => counter().textContent(), { timeout: 20_000 }).toBe(`Slice 1 / ${N}`);
    expect(await page.getByTestId('load-error').count()).toBe(0);
  });

  it('draws a CT image on the canvas, not a blank', async () => {
    const stats = await canvasAfterRender(1);
    hashes.set(1, stats.hash);
    // The canvas fills its pane (beside the follow-up, between the study browser and the lesion column, so at
    // 1280 px about a quarter of the window's width) and the height between toolbar and status line.
    const box = await firstPane().getByTestId('viewport').boundingBox();
    expect(Math.abs(stats.width - (box?.width ?? 0))).toBeLessThanOrEqual(1);
    expect(stats.width).toBeGreaterThan(250);
    expect(stats.height).toBeGreaterThan(600);
    // Soft-tissue window on the lung bases: many grey levels, and a body that covers a good part of the canvas even
    // with black lungs (a blank or failed draw gives 1 level and 0 %).
    expect(stats.greyLevels).toBeGreaterThan(48);
    expect(stats.nonBlackFraction).toBeGreaterThan(0.08);
  });

  it('overlays patient, study, series, slice location and window', async () => {
    const text = (testId: string) => firstPane().getByTestId(testId).textContent();
    expect(await text('patient-name')).toBe('SAMPLE, ABDOMEN');
    expect(await firstPane().getByText('ID RR-0001').count()).toBe(1);
    expect(await text('study-date')).toBe('2023-01-09');
    expect(await text('series-description')).toBe('Abdomen 5.0 mm');
    // IM0001 is the head end (z = 100 mm); slices run head to feet.
    expect(await text('slice-location')).toBe('Loc 100.0 mm · Thk 5.0 mm');
    await expect.poll(() => text('window-level')).toBe('WW 400 / WL 40');
  });

  it('ArrowDown moves to slice 2 and draws a different image', async () => {
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => counter().textContent()).toBe(`Slice 2 / ${N}`);
    const stats = await canvasAfterRender(2);
    hashes.set(2, stats.hash);
    expect(stats.hash).not.toBe(hashes.get(1));
    expect(await firstPane().getByTestId('slice-location').textContent()).toMatch(/^Loc 95\.0 mm/);
  });

  it('the mouse wheel scrolls one slice per notch, both ways', async () => {
    const box = await firstPane().getByTestId('viewport').boundingBox();
    if (!box) throw new Error('viewport has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 100);
    await expect.poll(() => counter().textContent()).toBe(`Slice 3 / ${N}`);
    const third = await canvasAfterRender(3);
    expect(third.hash).not.toBe(hashes.get(2));
    await page.mouse.wheel(0, -100);
    await expect.poll(() => counter().textContent()).toBe(`Slice 2 / ${N}`);
    // Back on slice 2: the very same picture as before.
    expect((await canvasAfterRender(2)).hash).toBe(hashes.get(2));
  });

  it('End and Home jump to the last and first slice; the window carries over', async () => {
    await firstPane().getByTestId('viewport').focus();
    await page.keyboard.press('End');
    await expect.poll(() => counter().textContent()).toBe(`Slice ${N} / ${N}`);
    await canvasAfterRender(N);
    expect(await firstPane().getByTestId('window-level').textContent()).toBe('WW 400 / WL 40');
    await page.keyboard.press('Home');
    await expect.poll(() => counter().textContent()).toBe(`Slice 1 / ${N}`);
    expect((await canvasAfterRender(1)).hash).toBe(hashes.get(1));
  });

  it('a slice asked for by a key is on the canvas before the next frame, not one frame later', async () => {
    const drawnInTime = await page.evaluate(async () => {
      const viewport = document.querySelector<HTMLElement>('[data-testid=pane] [data-testid=viewport]');
      if (!viewport) throw new Error('no viewport');
      viewport.focus();
      const drawn: boolean[] = [];
      for (let step = 0; step < 10; step++) {
        // Just after a frame's callbacks: a draw left to cornerstone's animation-frame loop would come ~16 ms later.
        await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        const before = viewport.dataset.renderedSlice;
        viewport.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
        await new Promise((resolve) => setTimeout(resolve, 0));
        drawn.push(viewport.dataset.renderedSlice === String(Number(before) + 1));
      }
      return drawn;
    });
    expect(drawnInTime).toEqual(Array(10).fill(true));
    await page.keyboard.press('Home');
    await canvasAfterRender(1);
  });

  it('a viewport shut down while its image was on the way answers with nothing, not an error', async () => {
    // The adapter module and the very cornerstone instance it uses, as Vite serves them to the app.
    const after = await page.evaluate(async () => {
      // Written as a string, so vitest does not rewrite this import() (it runs in the page, not in Node).
      const load = new Function('url', 'return import(url)') as (url: string) => Promise<Record<string, unknown>>;
      const adapterUrl = '/src/viewer/viewportAdapter.ts';
      const source = await (await fetch(adapterUrl)).text();
      const cornerstoneUrl = /from\s*["']([^"']*cornerstone-core[^"']*)["']/.exec(source)?.[1];
      if (!cornerstoneUrl) throw new Error('the adapter does not import cornerstone-core');
      const cornerstone = (await load(cornerstoneUrl)).default as {
        registerImageLoader(scheme: string, loader: (imageId: string) => { promise: Promise<unknown> }): void;
      };
      const { createViewportAdapter } = await load(adapterUrl) as typeof import('../../src/viewer/viewportAdapter');
      cornerstone.registerImageLoader('e2e-grey', (imageId: string) => ({
        promise: Promise.resolve({
          imageId, rows: 8, columns: 8, height: 8, width: 8, color: false, invert: false, sizeInBytes: 64,
          minPixelValue: 0, maxPixelValue: 255, slope: 1, intercept: 0, windowCenter: 128, windowWidth: 256,
          rowPixelSpacing: 1, columnPixelSpacing: 1, getPixelData: () => new Uint8Array(64),
        }),
      }));
      const element = document.createElement('div');
      element.style.cssText = 'position: fixed; width: 64px; height: 64px; left: 0; top: 0;';
      document.body.append(element);
      const adapter = createViewportAdapter(element, () => undefined);
      const shown = await adapter.show('e2e-grey:1', { resetView: true });
      adapter.destroy();
      element.remove();
      try {
        return { shown, view: adapter.getView() ?? null, geometry: adapter.getGeometry() ?? null, point: adapter.canvasToImage({ x: 1, y: 1 }) ?? null };
      } catch (thrown) {
        return { shown, error: String(thrown) };
      }
    });
    expect(after).toEqual({ shown: true, view: null, geometry: null, point: null });
  });

  it('the page itself does not scroll when the wheel scrolls slices', async () => {
    expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
  });
});

describe('opening local files', () => {
  it('shows the chosen DICOM files and counts the non-DICOM ones it skipped', async () => {
    const chosen = baselineFiles.slice(10, 13).map((file) => ({
      name: file.split('/').pop() ?? file,
      mimeType: 'application/dicom',
      buffer: readFileSync(new URL(file, SAMPLE)),
    }));
    await page.getByTestId('open-files-input').setInputFiles([
      ...chosen,
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') },
    ]);
    await expect.poll(() => counter().textContent()).toBe('Slice 1 / 3');
    expect(await page.getByTestId('source-status').textContent()).toMatch(/4 files opened · 3 images .*skipped: 1 not a DICOM file/);
    const stats = await canvasAfterRender(1);
    expect(stats.greyLevels).toBeGreaterThan(48);
  });

  it('a choice with no images says so over the study on screen, which stays open as it was', async () => {
    const viewports = await page.getByTestId('viewport').count();
    expect(viewports).toBeGreaterThan(0);
    await page.getByTestId('open-files-input').setInputFiles([
      { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('nothing') },
    ]);
    const alert = page.getByTestId('failed-load');
    await expect.poll(() => alert.textContent()).toContain('No images found');
    expect(await alert.textContent()).toContain('What was on screen stays open');
    // The failed choice's report names the file and why; the study browser and report of what is open are unchanged.
    await alert.getByText('Which files, and why').click();
    expect(await alert.getByTestId('import-problem').allTextContents()).toEqual(['a.txt: not a DICOM file, skipped']);
    expect(await page.locator('.import-sidebar').getByTestId('import-summary').textContent()).toMatch(/^4 files · 3 with images/);
    expect(await page.getByTestId('viewport').count()).toBe(viewports);
    expect(await counter().textContent()).toBe('Slice 1 / 3');
    expect((await canvasAfterRender(1)).greyLevels).toBeGreaterThan(48);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.getByTestId('failed-load').count()).toBe(0);
    expect(await counter().textContent()).toBe('Slice 1 / 3');
  });
});

describe('when the sample cannot be loaded', () => {
  it('a missing manifest gives a clear message and a way to retry', async () => {
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const otherErrors = collectPageErrors(other);
    await other.route('**/sample-dicom/manifest.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await other.goto(inject('baseUrl'));
    await expect.poll(() => other.getByRole('alert').textContent(), { timeout: 20_000 }).toContain('The sample study is not available');
    expect(await other.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    // With nothing on screen, files without images say so in the same place, naming each file and why.
    await other.getByTestId('open-files-input').setInputFiles([
      { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('nothing') },
    ]);
    await expect.poll(() => other.getByTestId('load-error').textContent()).toContain('No images found');
    expect(await other.getByTestId('load-error').getByTestId('import-problem').allTextContents()).toEqual(['a.txt: not a DICOM file, skipped']);
    // The browser itself logs the 404; nothing else may go wrong.
    expect(otherErrors.filter((e) => !e.includes('404'))).toEqual([]);
    await other.close();
  });

  it('a damaged file names the file', async () => {
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await other.route('**/sample-dicom/baseline/IM0007.dcm', (route) => route.fulfill({ status: 200, body: 'garbage' }));
    await other.goto(inject('baseUrl'));
    await expect.poll(() => other.getByRole('alert').textContent(), { timeout: 20_000 })
      .toContain('The file baseline/IM0007.dcm is not a DICOM file.');
    await other.close();
  });
});
