// A blinded double read on one workstation (issue 20), in real Chromium on the sample patient: Dr A reads baseline
// and 3 months (PR, as the ground truth has it) and signs off; Dr B switches in and finds nothing of Dr A's read
// anywhere on screen, chooses their own targets and calls progression; the double-read screen lists the
// discordance at Follow-up 1; Dr C (a third reader) adjudicates with both reads side by side; the patient table for
// survival then uses the adjudicated read and says so.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readCsvRows } from './csvRows';
import { browserSession } from './browserSession';
import { goToSlice } from './measureHelpers';
import { pane } from './readingHelpers';
import { addLesion, downloaded, lesionRow, measure, overall, panel, study, type TruthLesion } from './recordHelpers';

const BASELINE = 0;
const FOLLOW_UP = 1;
const PATIENT = 'RR-0001';

let page: Page;

browserSession({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true, acceptDialogs: true }, async (session) => {
  page = session.page;
  await page.goto(inject('baseUrl'));
  await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
  await panel(page).waitFor({ timeout: 30_000 });
});

const readerBar = () => page.getByRole('status', { name: 'Reader' });

async function readAs(name: string) {
  await readerBar().getByRole('button', { name: /Switch reader|Name reader/ }).click();
  const form = page.getByRole('form', { name: 'Switch reader' });
  await form.getByLabel('Read as').fill(name);
  await form.getByRole('button', { name: 'Read', exact: true }).click();
  await expect.poll(() => readerBar().textContent()).toContain(`Reading as ${name}`);
}

async function reopenReading() {
  await page.goto(`${inject('baseUrl')}#`);
  await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
  await panel(page).waitFor({ timeout: 30_000 });
}

const doubleReadRow = () => page.getByRole('table', { name: 'Double reads' }).locator(`tr[data-patient="${PATIENT}"]`);

async function openDoubleReads() {
  await readerBar().getByRole('link', { name: 'Double reads' }).click();
  await page.getByRole('heading', { name: /in double read|No patient/ }).or(page.getByText('No patient is set to double read')).first().waitFor();
}

describe('a blinded double read, its discordance and its adjudication', () => {
  it('sets the sample patient to double read, as Dr A', async () => {
    await readAs('Dr A');
    await openDoubleReads();
    await page.getByLabel('Set to double read: patient id').fill(PATIENT);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => doubleReadRow().textContent()).toContain('Waiting for two signed-off reads');
    await reopenReading();
  });

  it('Dr A reads the baseline targets and the 3-month follow-up (PR) and signs off', async () => {
    const baseline = study('baseline');
    for (const lesion of baseline.lesions.filter((l) => l.role === 'target')) {
      await addLesion(page, '+ Target', lesion.organ, lesion.location);
      await measure(page, BASELINE, lesion, 'baseline');
    }
    const nonTarget = baseline.lesions.find((l) => l.role === 'non-target') as TruthLesion;
    await addLesion(page, '+ Non-target', nonTarget.organ, nonTarget.location);
    for (const lesion of study('followup-3m').lesions.filter((l) => l.role === 'target')) {
      await lesionRow(page, lesion.id).getByRole('button').click();
      await measure(page, FOLLOW_UP, lesion, 'reading');
    }
    await panel(page).getByLabel('NT1 at Follow-up 1').selectOption('present');
    await expect.poll(() => overall(page, 'Follow-up 1')).toBe('PR');
    // Named in the title bar, the reader signs in that name: no name to type.
    expect(await panel(page).getByLabel('Reader').count()).toBe(0);
    await panel(page).getByRole('button', { name: 'Sign off Follow-up 1' }).click();
    await expect.poll(() => panel(page).locator('.sign-off').textContent()).toContain('Follow-up 1 signed off by Dr A');
  });

  it('Dr B starts from the images alone: no lesion, measurement, response or sign-off of Dr A anywhere', async () => {
    await readAs('Dr B');
    await expect.poll(() => panel(page).textContent(), { timeout: 30_000 }).toContain('The response appears once the baseline has a lesion.');
    expect(await panel(page).locator('tr[data-lesion]').count()).toBe(0);
    const column = (await panel(page).textContent()) ?? '';
    expect(column).not.toContain('Dr A');
    expect(column).not.toContain('signed off');
    expect(column).toContain('The response appears once the baseline has a lesion.');
    // Nothing drawn on either pane, on any slice the first reader measured.
    for (const lesion of study('baseline').lesions.filter((l) => l.role === 'target')) {
      expect(await pane(page, BASELINE).getByTestId('measurement').count()).toBe(0);
      expect(await pane(page, FOLLOW_UP).getByTestId('measurement').count()).toBe(0);
      expect(lesion.id).toMatch(/^T/);
    }
    expect(await page.getByRole('button', { name: /^Undo/ }).isDisabled()).toBe(true);
    // The title bar says who reads; the page shows Dr A nowhere.
    expect(await page.locator('body').textContent()).not.toContain('Dr A');
    // Nor the exports: Dr B's measurement CSV has no row yet.
    await page.getByRole('button', { name: 'Export…' }).click();
    const menu = page.getByRole('dialog', { name: 'Export, import and backup' });
    const file = await downloaded(page, () => menu.getByRole('button', { name: 'Measurements CSV', exact: true }).click());
    expect(readCsvRows(file.text)).toHaveLength(0);
    expect(file.text.split('\n')[0]).toMatch(/^patient_id,reader,timepoint/);
    await menu.getByRole('button', { name: 'Close' }).click();
  });

  it('Dr B chooses one target of their own, calls the non-target progression at 3 months (PD) and signs off', async () => {
    const t1 = study('baseline').lesions.find((l) => l.id === 'T1') as TruthLesion;
    await addLesion(page, '+ Target', t1.organ, t1.location);
    await measure(page, BASELINE, t1, 'baseline');
    const nonTarget = study('baseline').lesions.find((l) => l.role === 'non-target') as TruthLesion;
    await addLesion(page, '+ Non-target', nonTarget.organ, nonTarget.location);
    await lesionRow(page, 'T1').getByRole('button').click();
    await measure(page, FOLLOW_UP, study('followup-3m').lesions.find((l) => l.id === 'T1') as TruthLesion, 'reading');
    await panel(page).getByLabel('NT1 at Follow-up 1').selectOption('progression');
    await expect.poll(() => overall(page, 'Follow-up 1')).toBe('PD');
    await panel(page).getByRole('button', { name: 'Sign off Follow-up 1' }).click();
    await expect.poll(() => panel(page).locator('.sign-off').textContent()).toContain('Follow-up 1 signed off by Dr B');
  });

  it('Dr A, back at the workstation, finds their own read as they left it', async () => {
    await readAs('Dr A');
    await expect.poll(() => panel(page).locator('tr[data-lesion]').count(), { timeout: 20_000 }).toBe(5);
    await expect.poll(() => overall(page, 'Follow-up 1')).toBe('PR');
    expect(await panel(page).textContent()).not.toContain('Dr B');
  });

  it('lists the discordance at Follow-up 1, and a reader of the patient may not adjudicate it', async () => {
    await openDoubleReads();
    await expect.poll(() => doubleReadRow().getAttribute('data-status'), { timeout: 20_000 }).toBe('discordant');
    const words = (await doubleReadRow().textContent()) ?? '';
    expect(words).toMatch(/Discordant at Follow-up 1 \(\d{4}-\d{2}-\d{2}\): Dr A PR, Dr B PD/);
    await doubleReadRow().getByRole('button', { name: 'Adjudicate' }).click();
    const adjudication = page.getByRole('region', { name: `Adjudication of ${PATIENT}` });
    await expect.poll(() => adjudication.getByRole('note').textContent()).toContain('Dr A read this patient: the adjudicator is a third reader');
  });

  it('Dr C, on the reading screen, sees both readers\' measurements on the images and both reads beside them, and adjudicates', async () => {
    await readAs('Dr C');
    await reopenReading();
    const column = page.getByRole('complementary', { name: 'Adjudication' });
    await column.waitFor({ timeout: 30_000 });
    const t1 = study('baseline').lesions.find((l) => l.id === 'T1') as TruthLesion;
    await goToSlice(page, BASELINE, t1.instanceNumber);
    const labels = () => pane(page, BASELINE).getByTestId('measurement-label').allTextContents();
    await expect.poll(labels).toEqual(expect.arrayContaining([expect.stringMatching(/^Dr A · T1 \d+\.\d mm$/), expect.stringMatching(/^Dr B · T1 \d+\.\d mm$/)]));
    // Nobody measures anew: no record of Dr C's own, no tools to draw into it.
    expect(await page.getByRole('complementary', { name: 'Lesions and response' }).count()).toBe(0);
    const adjudication = column.getByRole('region', { name: `Adjudication of ${PATIENT}` });
    const readOf = (name: string) => adjudication.getByRole('region', { name: `Read of ${name}` });
    await expect.poll(() => readOf('Dr A').locator('tr[data-timepoint="Follow-up 1"] td[data-cell="overall"]').textContent()).toBe('PR');
    expect(await readOf('Dr B').locator('tr[data-timepoint="Follow-up 1"] td[data-cell="overall"]').textContent()).toBe('PD');
    expect(await readOf('Dr B').getByTestId('reading-explanation').textContent()).toMatch(/progression/i);
    expect(await adjudication.getByTestId('discordance').textContent()).toMatch(/Follow-up 1 .*Dr A PR, Dr B PD/);
    await adjudication.getByLabel("Dr A's read").check();
    await adjudication.getByLabel('Reason').fill('The non-target is stable on the 3-month images; no unequivocal progression.');
    await adjudication.getByRole('button', { name: 'Sign adjudication as Dr C' }).click();
    await expect.poll(() => adjudication.getByTestId('adjudication-decision').textContent()).toContain("Dr A's read chosen by Dr C");
  });

  it('the double-read screen shows the choice, locked: no second adjudication', async () => {
    await openDoubleReads();
    await expect.poll(() => doubleReadRow().getAttribute('data-status'), { timeout: 20_000 }).toBe('adjudicated');
    await expect.poll(() => doubleReadRow().textContent()).toContain("Adjudicated: Dr A's read chosen by Dr C");
    await doubleReadRow().getByRole('button', { name: 'Compare' }).click();
    const adjudication = page.getByRole('region', { name: `Adjudication of ${PATIENT}` });
    await expect.poll(() => adjudication.getByTestId('adjudication-decision').textContent()).toContain('no unequivocal progression');
    expect(await adjudication.getByRole('button', { name: /Sign adjudication/ }).count()).toBe(0);
  });

  it('exports the adjudication, and the patient table for survival on the adjudicated read', async () => {
    const adjudications = await downloaded(page, () => page.getByRole('button', { name: 'Adjudications CSV' }).click());
    const [choice] = readCsvRows(adjudications.text);
    expect(choice).toMatchObject({ patient_id: PATIENT, chosen_reader: 'Dr A', adjudicator: 'Dr C', reader_1: 'Dr A', reader_2: 'Dr B' });
    const patients = await downloaded(page, () => page.getByRole('button', { name: 'Patients for survival (adjudicated) CSV' }).click());
    const rows = readCsvRows(patients.text);
    const row = rows.find((r) => r.patient_id === PATIENT);
    expect(row).toMatchObject({ read_used: 'Dr A', read_basis: 'double read, adjudicated', adjudicated_by: 'Dr C', best_overall_response: 'PR' });
    expect(row?.progression_date).toBe('');
    // Both reads in one file with the reader column: the double read recist agreement and the cohort screen take.
    const all = await downloaded(page, () => page.getByRole('button', { name: "All readers' measurements CSV" }).click());
    const lines = readCsvRows(all.text);
    expect(new Set(lines.map((l) => l.reader))).toEqual(new Set(['Dr A', 'Dr B']));
    expect(lines.filter((l) => l.reader === 'Dr A' && l.timepoint === 'Follow-up 1').map((l) => l.lesion_id).sort()).toEqual(['NT1', 'T1', 'T2', 'T3', 'T4']);
    expect(lines.filter((l) => l.reader === 'Dr B' && l.timepoint === 'Follow-up 1').map((l) => [l.lesion_id, l.state])).toContainEqual(['NT1', 'progression']);
  });

  it('the progression-date window is the reader\'s choice and is kept; the standing follows it', async () => {
    const days = page.getByLabel(/Progression dates agree within/);
    await days.fill('30');
    await page.reload();
    await expect.poll(() => page.getByLabel(/Progression dates agree within/).inputValue()).toBe('30');
    // The responses at Follow-up 1 differ whatever the window: still adjudicated, not concordant.
    await expect.poll(() => doubleReadRow().getAttribute('data-status')).toBe('adjudicated');
    await page.getByLabel(/Progression dates agree within/).fill('0');
  });
});
