// The PACS, end to end: a real Orthanc (DICOMweb) started here with the sample patient, the app on the same origin
// (test/e2e/pacsOrigin.ts). Search, open from the PACS, and each failure said in words; local work goes on.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startOrthanc, type RunningOrthanc } from '../pacs/orthancProcess';
import { collectPageErrors, launchChromium } from './chromium';
import { freePort } from './devServer';
import { startPacsOrigin, type PacsOrigin } from './pacsOrigin';
import { counter, pane, paneText, renderedSlice } from './readingHelpers';
import { addLesion, lesionRow, measure, overall, panel, study, type TruthLesion } from './recordHelpers';
import { PacsClient } from '../../src/pacs/pacsClient';

let pacs: RunningOrthanc;
let locked: RunningOrthanc;
let origin: PacsOrigin;
let browser: Browser;

beforeAll(async () => {
  [pacs, locked] = await Promise.all([
    startOrthanc({ loadSample: true }),
    startOrthanc({ users: { reader: 'correct horse battery staple' } }),
  ]);
  origin = await startPacsOrigin(inject('baseUrl'), { '/dicom-web/': pacs.dicomWebUrl, '/locked/dicom-web/': locked.dicomWebUrl });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await origin?.close();
  await Promise.all([pacs?.stop(), locked?.stop()]);
});

/** A fresh browser profile (its own IndexedDB and localStorage) on the app, its first screen up. */
async function openProfile(options: { httpCredentials?: { username: string; password: string } } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, ...options });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(origin.url);
  await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
  await page.getByRole('complementary', { name: 'Lesions and response' }).waitFor({ timeout: 30_000 });
  return { page, errors };
}

const pacsPanel = (page: Page) => page.getByRole('region', { name: 'PACS' });

async function searchPatient(page: Page, patientId: string): Promise<void> {
  await pacsPanel(page).getByLabel('Patient ID').fill(patientId);
  await pacsPanel(page).getByRole('button', { name: 'Search PACS' }).click();
}

async function setAddress(page: Page, address: string): Promise<void> {
  await pacsPanel(page).locator('summary', { hasText: 'PACS settings' }).click();
  await pacsPanel(page).getByLabel('DICOMweb address').fill(address);
  await pacsPanel(page).getByRole('button', { name: 'Save address' }).click();
}

/** Opens a series from the results and waits until the import puts it in a pane (its button then says Opened). */
async function openSeries(page: Page, date: string): Promise<void> {
  const button = pacsPanel(page).getByRole('button', { name: `Open Abdomen 5.0 mm of ${date} from the PACS` });
  await button.click();
  await expect.poll(() => button.textContent(), { timeout: 30_000 }).toBe('Opened');
}

describe('finding and opening studies in the PACS', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openProfile());
  });

  it('finds the patient\'s three CT studies by patient id, oldest first, each with its CT series', async () => {
    await searchPatient(page, 'RR-0001');
    const studies = pacsPanel(page).getByTestId('pacs-study');
    await expect.poll(() => studies.count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => pacsPanel(page).getByTestId('pacs-series').count()).toBe(3);
    const texts = await studies.allTextContents();
    expect(texts.map((t) => /\d{4}-\d\d-\d\d/.exec(t)?.[0])).toEqual(['2023-01-09', '2023-04-17', '2023-07-17']);
    expect(texts[0]).toContain('Abdomen 5.0 mm · CT · 40 images');
  });

  it('a date range and an accession number narrow the search', async () => {
    await pacsPanel(page).getByLabel('Patient ID').fill('');
    await pacsPanel(page).getByLabel('From', { exact: true }).fill('2023-04-01');
    await pacsPanel(page).getByLabel('To', { exact: true }).fill('2023-05-01');
    await pacsPanel(page).getByRole('button', { name: 'Search PACS' }).click();
    await expect.poll(async () => (await pacsPanel(page).getByTestId('pacs-study').allTextContents()).join('|'), { timeout: 15_000 }).toMatch(/^[^|]*2023-04-17[^|]*$/);
    await pacsPanel(page).getByLabel('From', { exact: true }).fill('');
    await pacsPanel(page).getByLabel('To', { exact: true }).fill('');
    await pacsPanel(page).getByLabel('Accession number').fill('RRA230717');
    await pacsPanel(page).getByRole('button', { name: 'Search PACS' }).click();
    await expect.poll(async () => (await pacsPanel(page).getByTestId('pacs-study').allTextContents()).join('|'), { timeout: 15_000 }).toMatch(/^[^|]*2023-07-17[^|]*$/);
    await pacsPanel(page).getByLabel('Accession number').fill('');
  });

  it('opens the baseline and the 3-month series through WADO-RS into the viewer, side by side', async () => {
    await searchPatient(page, 'RR-0001');
    await expect.poll(() => pacsPanel(page).getByTestId('pacs-series').count(), { timeout: 15_000 }).toBe(3);
    await openSeries(page, '2023-01-09');
    await openSeries(page, '2023-04-17');
    // The retrieved files are the import now: the study browser lists them as local ones.
    await expect.poll(() => page.getByTestId('browser-study').count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => counter(page, 0), { timeout: 30_000 }).toBe('Slice 1 / 40');
    await expect.poll(() => counter(page, 1), { timeout: 30_000 }).toBe('Slice 1 / 40');
    await expect.poll(() => pane(page, 0).getByTestId('viewport').getAttribute('data-rendered-slice'), { timeout: 30_000 }).toBe('1');
    expect(errors.splice(0)).toEqual([]);
  });

  it('shows the series\' first slice alone while the rest comes: the real first slice, calibrated; then the series fills in', async () => {
    const other = await openProfile();
    try {
      // The whole-series request (…/series/{uid}, nothing after it) is held until the first slice has been looked at.
      let release = () => undefined as void;
      const held = new Promise<void>((resolve) => { release = resolve; });
      await other.page.route(/\/dicom-web\/studies\/[\d.]+\/series\/[\d.]+$/, async (route) => {
        await held;
        await route.continue();
      });
      await searchPatient(other.page, 'RR-0001');
      await expect.poll(() => pacsPanel(other.page).getByTestId('pacs-series').count(), { timeout: 15_000 }).toBe(3);
      await pacsPanel(other.page).getByRole('button', { name: 'Open Abdomen 5.0 mm of 2023-01-09 from the PACS' }).click();
      await expect.poll(() => counter(other.page, 0), { timeout: 30_000 }).toBe('Slice 1 / 1');
      await expect.poll(() => renderedSlice(other.page, 0), { timeout: 10_000 }).toBe('1');
      expect(await paneText(other.page, 0, 'study-date')).toBe('2023-01-09');
      expect(await paneText(other.page, 0, 'pixel-spacing')).toMatch(/\d+\.\d\d × \d+\.\d\d mm/);
      const location = await paneText(other.page, 0, 'slice-location');
      release();
      await expect.poll(() => counter(other.page, 0), { timeout: 30_000 }).toBe('Slice 1 / 40');
      // The slice shown first is the series' first in viewing order: the whole series opens on the same place.
      expect(await paneText(other.page, 0, 'slice-location')).toBe(location);
      expect(other.errors).toEqual([]);
    } finally {
      await other.page.context().close();
    }
  });

  it('a PACS that refuses the user name and password says so (401), and the studies on screen stay', async () => {
    // The browser asks the reader for the PACS's password (Basic authentication); this profile answers a wrong one.
    const other = await openProfile({ httpCredentials: { username: 'reader', password: 'wrong' } });
    try {
      await setAddress(other.page, `${origin.url}locked/dicom-web`);
      await searchPatient(other.page, 'RR-0001');
      await expect.poll(() => pacsPanel(other.page).getByTestId('pacs-error').textContent(), { timeout: 15_000 })
        .toContain('did not accept them (401)');
      expect(await counter(other.page, 0)).toBe('Slice 1 / 40');
      // The browser logs the refused request itself; nothing else went wrong.
      expect(other.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    } finally {
      await other.page.context().close();
    }
  });

  it('a PACS that cannot be reached says so, and the studies on screen stay', async () => {
    const closed = await freePort();
    await setAddress(page, `http://127.0.0.1:${closed}/dicom-web`);
    await searchPatient(page, 'RR-0001');
    await expect.poll(() => pacsPanel(page).getByTestId('pacs-error').textContent(), { timeout: 15_000 })
      .toContain('The PACS cannot be reached');
    expect(await counter(page, 0)).toBe('Slice 1 / 40');
    expect(errors.splice(0).filter((e) => !/ERR_CONNECTION_REFUSED|Content Security Policy|connect-src/.test(e))).toEqual([]);
    await setAddress(page, '');
  });
});

/** The sample's studies as the PACS has them, by date. */
const STUDY_DATES = { baseline: '2023-01-09', threeMonths: '2023-04-17' } as const;

async function srCount(studyDate: string): Promise<number> {
  const client = new PacsClient({ baseUrl: pacs.dicomWebUrl });
  const studies = await client.searchStudies({ patientId: 'RR-0001', dateFrom: studyDate, dateTo: studyDate });
  const uid = studies.ok ? studies.value[0]?.studyInstanceUid : undefined;
  if (!uid) return -1;
  const reports = await client.reportsOf(uid);
  return reports.ok ? reports.value.length : -1;
}

/** The first reader's page, kept open for the comparison with the second profile. */
let readerA: Page | undefined;

describe('a read signed off in one browser goes to the PACS as DICOM SR', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openProfile());
  });

  it('the baseline, opened alone from the PACS, measured and signed off: its SR is stored in the PACS', async () => {
    await searchPatient(page, 'RR-0001');
    await expect.poll(() => pacsPanel(page).getByTestId('pacs-series').count(), { timeout: 15_000 }).toBe(3);
    await openSeries(page, STUDY_DATES.baseline);
    await expect.poll(() => page.getByTestId('pane').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => counter(page, 0), { timeout: 30_000 }).toBe('Slice 1 / 40');
    await panel(page).getByRole('button', { name: '+ Target' }).waitFor({ timeout: 30_000 });
    const baseline = study('baseline');
    for (const lesion of baseline.lesions.filter((l) => l.role === 'target')) {
      await addLesion(page, '+ Target', lesion.organ, lesion.location);
      await measure(page, 0, lesion, 'baseline');
    }
    const nonTarget = baseline.lesions.find((l) => l.role === 'non-target') as TruthLesion;
    await addLesion(page, '+ Non-target', nonTarget.organ, nonTarget.location);
    await panel(page).getByLabel('Reader').fill('Dr Orthanc');
    await panel(page).getByRole('button', { name: 'Sign off Baseline' }).click();
    await expect.poll(() => pacsPanel(page).getByTestId('pacs-outbox-summary').textContent(), { timeout: 15_000 }).toBe('All reports are in the PACS.');
    expect(await srCount(STUDY_DATES.baseline)).toBe(1);
  }, 240_000);

  it('the 3-month read, beside the baseline, signed off as PR: its SR is stored in the PACS', async () => {
    await openSeries(page, STUDY_DATES.threeMonths);
    await expect.poll(() => page.getByTestId('pane').count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => counter(page, 1), { timeout: 30_000 }).toBe('Slice 1 / 40');
    const threeMonths = study('followup-3m');
    for (const lesion of threeMonths.lesions.filter((l) => l.role === 'target')) {
      await lesionRow(page, lesion.id).getByRole('button').click();
      await measure(page, 1, lesion, 'reading');
    }
    await panel(page).getByLabel('NT1 at Follow-up 1').selectOption('present');
    await expect.poll(() => overall(page, 'Follow-up 1')).toBe('PR');
    await panel(page).getByRole('button', { name: 'Sign off Follow-up 1' }).click();
    await expect.poll(() => pacsPanel(page).getByTestId('pacs-outbox-item').count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => pacsPanel(page).getByTestId('pacs-outbox-summary').textContent(), { timeout: 15_000 }).toBe('All reports are in the PACS.');
    expect(await srCount(STUDY_DATES.threeMonths)).toBe(1);
    // Its own baseline report, read back when the 3-month series was opened, is the read it has: nothing to choose.
    await expect.poll(() => pacsPanel(page).getByTestId('pacs-readback').textContent(), { timeout: 15_000 }).toContain('read the same here');
    expect(await pacsPanel(page).getByTestId('pacs-conflict').count()).toBe(0);
    expect(errors.splice(0)).toEqual([]);
    readerA = page;
  }, 240_000);

  it('after a reload, a study opened from the PACS earlier and signed off again still sends its SR', async () => {
    await page.reload();
    await page.getByRole('complementary', { name: 'Lesions and response' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => overall(page, 'Follow-up 1'), { timeout: 30_000 }).toBe('PR');
    // The reload opens the sample beside the first follow-up not signed off (6 months): back to 3 months.
    await page.getByTestId('follow-up-select').selectOption({ label: '3-month follow-up' });
    await panel(page).getByRole('button', { name: 'Unlock' }).click();
    await panel(page).getByRole('button', { name: 'Sign off Follow-up 1' }).click();
    await expect.poll(() => pacsPanel(page).getByTestId('pacs-outbox-item').count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => pacsPanel(page).getByTestId('pacs-outbox-summary').textContent(), { timeout: 15_000 }).toBe('All reports are in the PACS.');
    expect(await srCount(STUDY_DATES.threeMonths)).toBe(2);
    expect(errors.splice(0)).toEqual([]);
  }, 240_000);
});

const summaryTable = (page: Page) => panel(page).locator('.recist-summary__table').textContent();

describe('read back in a second browser profile', () => {
  it('opening the patient from the PACS rebuilds the lesions, their drawings and the same responses; a read that differs is shown both ways', async () => {
    if (!readerA) throw new Error('the first reader did not sign off (see the test before)');
    const { page, errors } = await openProfile();
    try {
      await searchPatient(page, 'RR-0001');
      await expect.poll(() => pacsPanel(page).getByTestId('pacs-series').count(), { timeout: 15_000 }).toBe(3);
      const readBack = () => pacsPanel(page).getByTestId('pacs-readback').textContent();
      // Opening the baseline finds the patient's three reports (the 3-month read was signed off twice, the later one
      // counts) and takes both time points into this empty profile.
      await openSeries(page, STUDY_DATES.baseline);
      await expect.poll(readBack, { timeout: 30_000 }).toBe("Read back 3 reports from the PACS: 2 time points taken into this browser's record.");
      await openSeries(page, STUDY_DATES.threeMonths);
      await expect.poll(readBack, { timeout: 30_000 }).toBe('Read back 3 reports from the PACS: 2 read the same here.');
      await expect.poll(() => overall(page, 'Follow-up 1'), { timeout: 15_000 }).toBe('PR');
      expect(await summaryTable(page)).toBe(await summaryTable(readerA as Page));
      const lesions = (p: Page) => panel(p).locator('tr[data-lesion]').allTextContents();
      expect(await lesions(page)).toEqual(await lesions(readerA as Page));
      // The drawings are on the images: T1 shown in both panes at its slice, with its measurement.
      await lesionRow(page, 'T1').getByRole('button').click();
      await expect.poll(() => counter(page, 0)).toBe(`Slice ${study('baseline').lesions[0]?.instanceNumber} / 40`);
      await expect.poll(async () => (await pane(page, 0).getByTestId('measurement-label').allTextContents()).join(' ')).toContain('T1');
      await expect.poll(async () => (await pane(page, 1).getByTestId('measurement-label').allTextContents()).join(' ')).toContain('T1');
      // Read back, not sent back: the second profile wrote no report of its own.
      expect(await pacsPanel(page).getByTestId('pacs-outbox-item').count()).toBe(0);

      // A different read here of the 3-month time point: opening the patient again shows both and changes nothing
      // until the reader chooses.
      await panel(page).getByRole('button', { name: 'Unlock' }).click();
      await panel(page).getByLabel('NT1 at Follow-up 1').selectOption('not_evaluable');
      await expect.poll(() => panel(page).getByLabel('NT1 at Follow-up 1').inputValue()).toBe('not_evaluable');
      await pacsPanel(page).getByRole('button', { name: `Open Abdomen 5.0 mm of ${STUDY_DATES.threeMonths} from the PACS` }).click();
      const conflict = pacsPanel(page).getByTestId('pacs-conflict');
      await expect.poll(() => conflict.textContent(), { timeout: 30_000 }).toContain('NT1 not evaluable');
      expect(await conflict.textContent()).toContain('In the PACS: ');
      expect(await conflict.textContent()).toMatch(/In the PACS: .*NT1 present/);
      expect(await panel(page).getByLabel('NT1 at Follow-up 1').inputValue()).toBe('not_evaluable');
      await conflict.getByRole('button', { name: 'Use the PACS read' }).click();
      await expect.poll(() => panel(page).getByLabel('NT1 at Follow-up 1').inputValue()).toBe('present');
      await expect.poll(() => overall(page, 'Follow-up 1')).toBe('PR');
      expect(await conflict.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 240_000);
});
