// Issue 18 in the app itself (real Vite, real Chromium, the loading workers): hostile and damaged files each end in
// their own reason in the import report, drawn blank or skipped, and the rest still shows; an odd series is named in
// the import report, on the series in the study list, and over the image where the reader measures.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { missingTools, workdir } from '../dicom/codecs/fixtures/tools';
import { HOSTILE_TOOLS, hostileFiles } from '../dicom/hostile/hostileFiles';
import { browserSession } from './browserSession';
import { counter } from './readingHelpers';

const SAMPLE = fileURLToPath(new URL('../../sample-dicom/baseline/', import.meta.url));
const skip = missingTools(...HOSTILE_TOOLS);
const dir = workdir();
afterAll(() => dir.remove());

let page: Page;
browserSession({ viewport: { width: 1400, height: 860 } }, async (session) => {
  page = session.page;
  await page.goto(inject('baseUrl'));
  await page.getByTestId('slice-counter').first().waitFor({ timeout: 30_000 });
});

/** Codes a file gets from its header alone: it gives no image. The others are a frame's, found when it decodes. */
const HEADER_REFUSALS = new Set(['TRUNCATED', 'FRAME_COUNT_MISMATCH', 'UNSUPPORTED_PIXEL_FORMAT']);

const asInput = (name: string, path: string) => ({ name, mimeType: 'application/dicom', buffer: readFileSync(path) });

/** A copy of `path` with attributes changed by dcmodify (`-i "(gggg,eeee)=value"` each). */
function modified(path: string, name: string, changes: readonly string[]): string {
  const out = dir.write(name, readFileSync(path));
  const result = spawnSync('dcmodify', ['-nb', ...changes.flatMap((c) => ['-i', c]), out], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`dcmodify ${name}: ${result.stderr}`);
  return out;
}

const reportLines = async () => (await page.locator('.import-sidebar').getByTestId('import-problem').evaluateAll((items) =>
  items.map((item) => `${(item.textContent ?? '').split(':')[0] ?? ''} ${item.getAttribute('data-code') ?? ''}`))).sort();

describe.skipIf(skip !== undefined)('hostile and damaged files opened in the app', () => {
  it('each ends in its reason in the import report; the readable ones show', async () => {
    const files = hostileFiles(dir).map((file, i) => {
      const path = dir.write(file.name, file.bytes);
      // Their own SOPInstanceUID each (they are edits of a few files), so none hides another as "the same file twice".
      const unique = HEADER_REFUSALS.has(file.refusedAs ?? '')
        ? path : modified(path, `u-${file.name}`, [`(0008,0018)=2.25.99${i}`]);
      return { file, input: asInput(file.name, unique) };
    });
    await page.getByTestId('open-files-input').setInputFiles(files.map((f) => f.input));
    const refused = files.filter((f) => f.file.refusedAs !== undefined);
    // Header refusals come at once, frame refusals as the series decodes in the background (the series is shown).
    await expect.poll(async () => (await reportLines()).length, { timeout: 60_000 }).toBe(refused.length);
    expect(await reportLines()).toEqual(refused.map((f) => `${f.file.name} ${f.file.refusedAs ?? ''}`).sort());
    // Files refused from their header have no image; those refused frame by frame were imported, and drawn blank.
    const refusedWhole = refused.filter((f) => HEADER_REFUSALS.has(f.file.refusedAs ?? ''));
    const readable = files.length - refusedWhole.length;
    expect(await page.locator('.import-sidebar').getByTestId('import-summary').textContent())
      .toMatch(new RegExp(`^${files.length} files · ${readable} with images`));
  });
});

describe.skipIf(skip !== undefined)('an odd series opened in the app', () => {
  it('is split by orientation, and its repeated position and uneven spacing are said in the report, on the series and over the image', async () => {
    const sample = readdirSync(SAMPLE).filter((f) => f.endsWith('.dcm')).sort().slice(0, 10);
    // A slice left out (IM0005): a 10 mm gap among 5 mm ones. A copy of IM0003 under another UID: a repeated position.
    const axial = sample.filter((f) => f !== 'IM0005.dcm').map((f) => asInput(`odd/${f}`, join(SAMPLE, f)));
    const repeated = asInput('odd/IM0003-copy.dcm', modified(join(SAMPLE, 'IM0003.dcm'), 'IM0003-copy.dcm', ['(0008,0018)=2.25.8801']));
    const coronal = [11, 12].map((n) => asInput(`odd/COR${n}.dcm`, modified(join(SAMPLE, `IM00${n}.dcm`), `COR${n}.dcm`, [
      `(0008,0018)=2.25.880${n}`, '(0020,0037)=1\\0\\0\\0\\0\\-1', `(0020,0032)=0\\${n * 10}\\0`,
    ])));
    await page.getByTestId('open-files-input').setInputFiles([...axial, repeated, ...coronal]);
    await expect.poll(() => counter(page, 0), { timeout: 30_000 }).toBe('Slice 1 / 10');
    const notices = page.locator('.import-sidebar').getByTestId('import-notice');
    expect(await notices.evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')))).toEqual([
      'SPLIT_BY_ORIENTATION', 'DUPLICATE_POSITIONS', 'UNEVEN_SPACING', 'SPLIT_BY_ORIENTATION',
    ]);
    expect(await notices.nth(2).textContent()).toContain('uneven slice spacing (5–10 mm between neighbouring slices)');
    const seriesNotes = await page.getByTestId('browser-series').evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('[data-testid="series-note"]')].map((n) => n.getAttribute('data-kind'))));
    expect(seriesNotes).toEqual([['SPLIT_BY_ORIENTATION', 'DUPLICATE_POSITIONS', 'UNEVEN_SPACING'], ['SPLIT_BY_ORIENTATION']]);
    // Where the reader measures: over the image of the axial stack.
    expect(await page.getByTestId('pane').first().getByTestId('series-warning').allTextContents())
      .toEqual(['2 slices at repeated positions', 'uneven slice spacing 5–10 mm']);
  });
});
