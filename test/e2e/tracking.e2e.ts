// The whole read, as a new user does it: on the sample patient, measure the baseline targets with the mouse
// (agreeing with the generator's ground truth within one pixel), record the non-target, re-measure at 3 months
// and see PR, record the new lesion at 6 months and see PD, reload and find everything as it was.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession } from './browserSession';
import { collectPageErrors } from './chromium';
import { addLesion, measure } from './recordHelpers';
import { PIXEL_MM, study, type TruthLesion } from './measureHelpers';
import { counter, pane, paneText } from './readingHelpers';

const BASELINE = 0;
const FOLLOW_UP = 1;

let page: Page;

// The page has a browser context of its own, so a second tab can share its IndexedDB (the two-tab test below).
browserSession({ viewport: { width: 1600, height: 1000 }, acceptDialogs: true }, async (session) => {
  page = session.page;
  await page.goto(inject('baseUrl'));
  await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
  await page.getByRole('complementary', { name: 'Lesions and response' }).waitFor({ timeout: 30_000 });
});

const panel = () => page.getByRole('complementary', { name: 'Lesions and response' });
const lesionRow = (label: string) => panel().locator(`tr[data-lesion="${label}"]`);


/** The number of millimetres a cell shows ("32.0 mm", "18.0 mm SA"). */
async function cellMm(label: string, column: 'baseline' | 'reading'): Promise<number> {
  const text = (await lesionRow(label).locator(`td[data-column="${column}"]`).textContent()) ?? '';
  const m = /(\d+\.\d) mm/.exec(text);
  if (!m) throw new Error(`${label} ${column}: "${text}"`);
  return Number(m[1]);
}


const overall = (timepoint: string) => panel().locator(`tr[data-timepoint="${timepoint}"] td[data-cell="overall"]`).textContent();
const sum = (timepoint: string) => panel().locator(`tr[data-timepoint="${timepoint}"] td[data-cell="sum"]`).textContent();

describe('a reading from baseline to progression', () => {
  it('measures the baseline targets with the mouse, each within one pixel of the truth, and records the non-target', async () => {
    const baseline = study('baseline');
    for (const lesion of baseline.lesions.filter((l) => l.role === 'target')) {
      await addLesion(page, '+ Target', lesion.organ, lesion.location);
      await measure(page, BASELINE, lesion, 'baseline');
      await expect.poll(async () => (await lesionRow(lesion.id).count())).toBe(1);
      await expect.poll(() => cellMm(lesion.id, 'baseline').catch(() => NaN)).toBeGreaterThan(0);
      expect(Math.abs((await cellMm(lesion.id, 'baseline')) - lesion.recistDiameterMm)).toBeLessThanOrEqual(PIXEL_MM);
    }
    const nonTarget = baseline.lesions.find((l) => l.role === 'non-target') as TruthLesion;
    await addLesion(page, '+ Non-target', nonTarget.organ, nonTarget.location);
    await expect.poll(() => lesionRow('NT1').locator('td[data-column="baseline"]').textContent()).toBe('present');
    // Baseline sum of the four targets: 86 mm in truth.
    await expect.poll(async () => Number(await sum('Baseline'))).toBeGreaterThan(80);
    expect(Math.abs(Number(await sum('Baseline')) - 86)).toBeLessThanOrEqual(4 * PIXEL_MM);
  });

  it('at 3 months, re-measures beside the baseline and sees PR', async () => {
    const threeMonths = study('followup-3m');
    for (const lesion of threeMonths.lesions.filter((l) => l.role === 'target')) {
      // Clicking the lesion shows it in both panes at its slice.
      await lesionRow(lesion.id).getByRole('button').click();
      await expect.poll(() => counter(page, BASELINE)).toBe(`Slice ${lesion.instanceNumber} / 40`);
      await measure(page, FOLLOW_UP, lesion, 'reading');
      await expect.poll(() => cellMm(lesion.id, 'reading').catch(() => NaN)).toBeGreaterThan(0);
      expect(Math.abs((await cellMm(lesion.id, 'reading')) - lesion.recistDiameterMm)).toBeLessThanOrEqual(PIXEL_MM);
    }
    await panel().getByLabel('NT1 at Follow-up 1').selectOption('present');
    await expect.poll(() => overall('Follow-up 1')).toBe('PR');
    expect(await panel().getByTestId('reading-explanation').textContent()).toContain('PR');
  });

  it('at 6 months, records the new lesion and sees PD', async () => {
    await pane(page, FOLLOW_UP).getByLabel('Compare with').selectOption({ label: '6-month follow-up' });
    await expect.poll(() => panel().getByRole('heading', { name: /Lesions/ }).textContent()).toContain('Follow-up 2');
    const sixMonths = study('followup-6m');
    for (const lesion of sixMonths.lesions.filter((l) => l.role === 'target')) {
      await lesionRow(lesion.id).getByRole('button').click();
      await measure(page, FOLLOW_UP, lesion, 'reading');
      await expect.poll(() => cellMm(lesion.id, 'reading').catch(() => NaN)).toBeGreaterThan(0);
    }
    await panel().getByLabel('NT1 at Follow-up 2').selectOption('present');
    const fresh = sixMonths.lesions.find((l) => l.role === 'new') as TruthLesion;
    await addLesion(page, '+ New lesion', fresh.organ, fresh.location);
    await measure(page, FOLLOW_UP, fresh, 'reading');
    await expect.poll(() => lesionRow('N1').locator('td[data-column="reading"]').textContent()).toContain('unequivocal');
    await expect.poll(() => overall('Follow-up 2')).toBe('PD');
    expect(await overall('Follow-up 1')).toBe('PR');
    expect(await panel().getByTestId('best-response').textContent()).toContain('Best overall response: PR');
  });

  it('after a reload, everything is as it was', async () => {
    const baselineCells = () => panel().locator('td[data-column="baseline"]').allTextContents();
    const response = await panel().locator('.recist-summary__table').textContent();
    const cells = await baselineCells();
    expect(cells).toHaveLength(6);
    await page.reload();
    await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
    await expect.poll(() => panel().locator('.recist-summary__table').textContent().catch(() => ''), { timeout: 20_000 }).toBe(response);
    expect(await baselineCells()).toEqual(cells);
    expect(await overall('Follow-up 1')).toBe('PR');
    // It opens on the follow-up being read (the 6-month one, chosen last); the tests below go back to 3 months.
    expect(await pane(page, FOLLOW_UP).getByTestId('pane-title').textContent()).toBe('6-month follow-up');
    await page.getByTestId('follow-up-select').selectOption({ label: '3-month follow-up' });
    await expect.poll(() => pane(page, FOLLOW_UP).getByTestId('pane-title').textContent(), { timeout: 20_000 }).toBe('3-month follow-up');
  });

  it('Delete removes a measurement after confirming; Ctrl+Z brings it back and Ctrl+Shift+Z removes it again', async () => {
    const t1 = study('followup-3m').lesions.find((l) => l.id === 'T1') as TruthLesion;
    const shown = await lesionRow('T1').locator('td[data-column="reading"]').textContent();
    expect(shown).toMatch(/\d+\.\d mm/);
    await lesionRow('T1').getByRole('button').click();
    await expect.poll(() => counter(page, FOLLOW_UP)).toBe(`Slice ${t1.instanceNumber} / 40`);
    await pane(page, FOLLOW_UP).getByTestId('viewport').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => lesionRow('T1').locator('td[data-column="reading"]').textContent()).not.toMatch(/\d+\.\d mm/);
    await expect.poll(() => overall('Follow-up 1')).not.toBe('PR');
    // At once: an undo waits for the edit being written, so it undoes this one and not the one before.
    await page.keyboard.press('Control+z');
    await expect.poll(() => lesionRow('T1').locator('td[data-column="reading"]').textContent()).toBe(shown);
    await expect.poll(() => overall('Follow-up 1')).toBe('PR');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => lesionRow('T1').locator('td[data-column="reading"]').textContent()).not.toMatch(/\d+\.\d mm/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => lesionRow('T1').locator('td[data-column="reading"]').textContent()).toBe(shown);
  });

  it('a signed-off time point is locked, with reader and time, until it is unlocked', async () => {
    await panel().getByLabel('Reader').fill('Dr Test');
    await panel().getByRole('button', { name: 'Sign off Follow-up 1' }).click();
    await expect.poll(() => panel().locator('.sign-off').textContent()).toContain('Follow-up 1 signed off by Dr Test');
    await expect.poll(() => panel().getByLabel('NT1 at Follow-up 1').isDisabled()).toBe(true);
    // Its measurements cannot be deleted from the viewer either.
    await lesionRow('T2').getByRole('button').click();
    await pane(page, FOLLOW_UP).getByTestId('viewport').focus();
    await page.keyboard.press('Delete');
    await page.waitForTimeout(300);
    expect(await lesionRow('T2').locator('td[data-column="reading"]').textContent()).toMatch(/\d+\.\d mm/);
    await panel().getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => panel().getByLabel('NT1 at Follow-up 1').isDisabled()).toBe(false);
  });

  it('a second tab on the same patient shows what the first one records, at once', async () => {
    const second = await page.context().newPage();
    const secondErrors = collectPageErrors(second);
    second.on('dialog', (dialog) => void dialog.accept());
    try {
      await second.goto(inject('baseUrl'));
      const otherPanel = second.getByRole('complementary', { name: 'Lesions and response' });
      await otherPanel.locator('tr[data-lesion="NT1"]').waitFor({ timeout: 30_000 });
      await panel().getByLabel('NT1 at Follow-up 1').selectOption('not_evaluable');
      await expect.poll(() => otherPanel.getByLabel('NT1 at Follow-up 1').inputValue()).toBe('not_evaluable');
      await otherPanel.getByLabel('NT1 at Follow-up 1').selectOption('present');
      await expect.poll(() => panel().getByLabel('NT1 at Follow-up 1').inputValue()).toBe('present');
      expect(secondErrors).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('keeps the baseline images in the browser, and opens them again beside follow-up files picked alone', async () => {
    const baselineRow = panel().getByRole('region', { name: 'Time points' }).locator('li')
      .filter({ has: page.locator('.timepoint-list__label', { hasText: /^Baseline$/ }) });
    await baselineRow.getByRole('button', { name: 'keep images in this browser' }).click();
    await expect.poll(() => baselineRow.textContent(), { timeout: 20_000 }).toMatch(/images kept in browser \(\d+(\.\d)? MB\)/);
    // The 3-month files alone, as a reader would pick them at the follow-up read.
    const followUpFiles = Array.from({ length: 40 }, (_, k) => resolve(__dirname, `../../sample-dicom/followup-3m/IM${String(k + 1).padStart(4, '0')}.dcm`));
    await page.getByTestId('open-files-input').setInputFiles(followUpFiles);
    await expect.poll(() => panel().getByRole('button', { name: /Open kept images of Baseline/ }).count(), { timeout: 30_000 }).toBe(1);
    await panel().getByRole('button', { name: /Open kept images of Baseline/ }).click();
    // Both studies again, the baseline on the left, and its measurements drawn on its images.
    // The screen on view stays, under the progress, until the load is ready: wait for the baseline study on the left.
    await expect.poll(() => paneText(page, BASELINE, 'study-date'), { timeout: 30_000 }).toBe('2023-01-09');
    expect(await page.getByTestId('loading').count()).toBe(0);
    await lesionRow('T1').getByRole('button').click();
    await expect.poll(() => counter(page, BASELINE)).toBe('Slice 12 / 40');
    await expect.poll(() => pane(page, BASELINE).getByTestId('measurement-label').first().textContent()).toMatch(/^T1 \d+\.\d mm$/);
    expect(await panel().getByRole('button', { name: /Open kept images/ }).count()).toBe(0);
  });
});
