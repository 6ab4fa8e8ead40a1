// The loading pipeline end to end: a folder chosen with the folder picker (recursively, bad files reported), files
// dropped on the screen, the embedded sample at start; real Vite, real Chromium.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dcmjsImage } from '../dicom/fixtures/dcmjsImage';
import { browserSession } from './browserSession';
import { counter, paneCanvasAfterRender, paneText } from './readingHelpers';

const SAMPLE = fileURLToPath(new URL('../../sample-dicom/', import.meta.url));
const dicomIn = (folder: string) => readdirSync(join(SAMPLE, folder)).filter((f) => f.endsWith('.dcm')).sort()
  .map((f) => join(SAMPLE, folder, f));

let page: Page;
let folder: string;

const texts = (testId: string) => page.getByTestId(testId).allTextContents();
const marks = () => page.evaluate(() => ['recist:files-chosen', 'recist:first-image', 'recist:series-ready']
  .map((name) => performance.getEntriesByName(name).length));

beforeAll(() => {
  // A folder as a reader gets it from a CD or an export: the series, a text file, and in a subfolder a cut-off copy.
  folder = mkdtempSync(join(tmpdir(), 'recist-import-'));
  mkdirSync(join(folder, 'series'));
  mkdirSync(join(folder, 'extra', 'deeper'), { recursive: true });
  for (const file of dicomIn('baseline')) copyFileSync(file, join(folder, 'series', basename(file)));
  writeFileSync(join(folder, 'README.txt'), 'Exported from PACS. Not an image.\n');
  writeFileSync(join(folder, 'extra', 'deeper', 'cut.dcm'), readFileSync(dicomIn('baseline')[4] as string).subarray(0, 60_000));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

browserSession({ viewport: { width: 1400, height: 860 } }, async (session) => {
  page = session.page;
  await page.goto(inject('baseUrl'));
});

describe('the embedded sample opens at start through the same pipeline', () => {
  it('shows the baseline in the left pane and all sample studies in the study browser', async () => {
    await expect.poll(() => counter(page, 0), { timeout: 30_000 }).toBe('Slice 1 / 40');
    expect(await texts('browser-patient')).toEqual([expect.stringContaining('SAMPLE, ABDOMEN')]);
    expect((await texts('browser-study')).map((t) => t.slice(0, 10))).toEqual(['2023-01-09', '2023-04-17', '2023-07-17']);
    expect(await page.getByTestId('import-summary').textContent()).toContain('120 files · 120 with images (120 slices) · no problems');
    const stats = await paneCanvasAfterRender(page, 0, 1);
    expect(stats.greyLevels).toBeGreaterThan(48);
  });
});

describe('opening a folder', () => {
  it('reads it recursively: study browser, import report with each bad file and why, the series on screen', async () => {
    // The sample stays on screen under the progress while the folder loads: the screen is not torn down and rebuilt.
    await page.evaluate(() => {
      const watch = { progressOverImages: false, imagesGone: false, filesReadSeen: false };
      (window as unknown as { __loadWatch: typeof watch }).__loadWatch = watch;
      new MutationObserver(() => {
        const viewports = document.querySelectorAll('[data-testid=viewport]').length;
        if (viewports === 0) watch.imagesGone = true;
        const loading = document.querySelector('[data-testid=loading]');
        if (viewports > 0 && loading) watch.progressOverImages = true;
        // The count of files read reaches the panel (it reads the load's progress feed, not the screen state).
        if (/\b[1-9]\d* of 42 files read/.test(loading?.textContent ?? '')) watch.filesReadSeen = true;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByTestId('open-folder-input').setInputFiles(folder);
    // The sample has 40 slices as well, and stays on view until the folder is ready: wait for the folder's own report
    // and for the progress to go.
    await expect.poll(() => page.getByTestId('import-summary').textContent(), { timeout: 30_000 })
      .toBe('42 files · 40 with images (40 slices) · 2 problems');
    await expect.poll(() => page.getByTestId('loading').count()).toBe(0);
    await expect.poll(() => counter(page, 0), { timeout: 30_000 }).toBe('Slice 1 / 40');
    expect(await page.evaluate(() => (window as unknown as { __loadWatch: unknown }).__loadWatch))
      .toEqual({ progressOverImages: true, imagesGone: false, filesReadSeen: true });
    expect(await texts('browser-patient')).toEqual([expect.stringContaining('SAMPLE, ABDOMEN')]);
    expect(await texts('browser-study')).toEqual([expect.stringMatching(/^2023-01-09 · /)]);
    expect(await texts('browser-series')).toEqual([expect.stringMatching(/Abdomen 5\.0 mm · CT · 40 images/)]);
    expect(await page.getByTestId('import-summary').textContent()).toBe('42 files · 40 with images (40 slices) · 2 problems');
    const problems = await texts('import-problem');
    const name = basename(folder);
    expect(problems.sort()).toEqual([
      `${name}/README.txt: not a DICOM file, skipped`,
      `${name}/extra/deeper/cut.dcm: incomplete (the file is cut short), skipped`,
    ]);
    expect(await page.getByTestId('source-status').textContent()).toMatch(/42 files opened · 40 images .*skipped: 1 not a DICOM file, 1 incomplete/);
    const stats = await paneCanvasAfterRender(page, 0, 1);
    expect(stats.greyLevels).toBeGreaterThan(48);
    expect(await paneText(page, 0, 'slice-location')).toMatch(/^Loc 100\.0 mm/);
  });

  it('sets the performance marks a benchmark reads, once the whole series is decoded', async () => {
    await expect.poll(marks, { timeout: 20_000 }).toEqual([1, 1, 1]);
  });

  it('every slice is decoded with its stored values: HU of the last slice as in the file', async () => {
    const hu = await page.evaluate(() => (window as unknown as { __recistDebug: { sliceHuStats(i: number): Promise<{ min: number; max: number } | undefined> } })
      .__recistDebug.sliceHuStats(39));
    expect(hu?.min).toBeGreaterThanOrEqual(-1024);
    expect(hu?.max).toBeGreaterThan(100);
  });
});

describe('dropping files', () => {
  const dropped = () => [
    ...dicomIn('baseline').slice(20, 23),
    ...dicomIn('followup-3m').slice(20, 22),
  ].map((path) => ({ name: basename(path), base64: readFileSync(path).toString('base64') }));

  it('opens what was dropped: the older study on the left, the newer on the right, a bad file reported', async () => {
    const files = [...dropped(), { name: 'notes.txt', base64: Buffer.from('not an image').toString('base64') }];
    await page.evaluate((payload) => {
      const transfer = new DataTransfer();
      for (const { name, base64 } of payload) {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], name));
      }
      const target = document.querySelector('[data-testid="drop-zone"]');
      if (!target) throw new Error('no drop zone');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    }, files);
    await expect.poll(() => counter(page, 0), { timeout: 30_000 }).toBe('Slice 1 / 3');
    await expect.poll(() => counter(page, 1)).toBe('Slice 1 / 2');
    expect((await texts('browser-study')).map((t) => t.slice(0, 10))).toEqual(['2023-01-09', '2023-04-17']);
    expect(await texts('import-problem')).toEqual(['notes.txt: not a DICOM file, skipped']);
    expect(await paneText(page, 1, 'study-date')).toBe('2023-04-17');
  });

  it('the study browser puts a series in the other pane', async () => {
    await page.getByRole('button', { name: 'Show Abdomen 5.0 mm in the left (baseline) pane' }).last().click();
    await expect.poll(() => counter(page, 0)).toBe('Slice 1 / 2');
    expect(await paneText(page, 0, 'study-date')).toBe('2023-04-17');
  });
});

describe('images that are not 16-bit greyscale single frames', () => {
  const rgb = () => {
    // 32 x 32 RGB secondary capture: left half red, right half blue.
    const pixels = Array.from({ length: 32 * 32 }, (_, i) => ((i % 32) < 16 ? [255, 0, 0] : [0, 0, 255])).flat();
    return dcmjsImage({
      rows: 32, columns: 32, bitsAllocated: 8, signed: false, samplesPerPixel: 3, photometric: 'RGB', pixels,
      modality: 'OT', seriesDescription: 'Key images RGB', seriesInstanceUid: '1.2.826.0.1.3680043.10.9.77', sopInstanceUid: '1.2.826.0.1.3680043.10.9.77.1',
      pixelSpacing: null,
    });
  };
  const multiFrame = () => dcmjsImage({
    rows: 16, columns: 16, frames: 5, pixels: Array.from({ length: 16 * 16 * 5 }, (_, i) => 900 + (i % 200)),
    perFramePositions: [[0, 0, 40], [0, 0, 10], [0, 0, 30], [0, 0, 0], [0, 0, 20]],
    seriesDescription: 'Enhanced CT', seriesInstanceUid: '1.2.826.0.1.3680043.10.9.88', sopInstanceUid: '1.2.826.0.1.3680043.10.9.88.1',
  });

  it('a multi-frame file is a stack, ordered by its per-frame positions; an RGB image draws in colour', async () => {
    const files = [{ name: 'SC.dcm', bytes: rgb() }, { name: 'MF.dcm', bytes: multiFrame() }]
      .map(({ name, bytes }) => ({ name, base64: Buffer.from(bytes).toString('base64') }));
    await page.evaluate((payload) => {
      const transfer = new DataTransfer();
      for (const { name, base64 } of payload) transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
      const target = document.querySelector('[data-testid="drop-zone"]');
      for (const type of ['dragenter', 'dragover', 'drop']) target?.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, files);
    await expect.poll(() => counter(page, 0), { timeout: 30_000 }).toBe('Slice 1 / 5');
    expect(await paneText(page, 0, 'slice-location')).toMatch(/^Loc 40\.0 mm/);
    await page.keyboard.press('End');
    await expect.poll(() => paneText(page, 0, 'slice-location')).toMatch(/^Loc 0\.0 mm/);

    await page.getByRole('button', { name: 'Show Key images RGB in the left (baseline) pane' }).click();
    await expect.poll(() => counter(page, 0)).toBe('Slice 1 / 1');
    await paneCanvasAfterRender(page, 0, 1);
    const colours = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="pane"] [data-testid="viewport"] canvas');
      const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      let red = 0;
      let blue = 0;
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i] ?? 0) > 200 && (data[i + 2] ?? 0) < 60) red++;
        if ((data[i + 2] ?? 0) > 200 && (data[i] ?? 0) < 60) blue++;
      }
      return { red, blue };
    });
    expect(colours.red).toBeGreaterThan(1000);
    expect(colours.blue).toBeGreaterThan(1000);
    expect(await page.getByTestId('browser-series').filter({ hasText: 'Key images RGB' }).textContent()).toContain('uncalibrated');
  });
});
