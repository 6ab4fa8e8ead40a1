// Readings from radiology reports, as a new user records them when the images cannot be reviewed: a patient made
// without any DICOM, baseline and 3-month follow-up typed in from the reports (computed PR), another patient with a
// reader-assigned SD, and both found in the downloaded exports with where their values come from.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/shared/csv';
import { browserSession } from './browserSession';
import { downloaded } from './recordHelpers';

let page: Page;

browserSession({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true, acceptDialogs: true }, async (session) => {
  page = session.page;
  await page.goto(inject('baseUrl'));
  // The sample study loads on the first screen; the title bar is rebuilt once it is on screen, so wait for it.
  await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
  await page.getByRole('complementary', { name: 'Lesions and response' }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Reports…' }).waitFor({ timeout: 30_000 });
});

const reports = () => page.getByRole('dialog', { name: 'Readings from reports' });
const reading = () => reports().getByRole('region', { name: 'Reading from reports' });
const row = (label: string) => reading().locator(`tr[data-lesion="${label}"]`);
const overall = (timepoint: string) => reading().locator(`tr[data-timepoint="${timepoint}"] td[data-cell="overall"]`).textContent();

async function openReports() {
  if (!(await reports().isVisible())) await page.getByRole('button', { name: 'Reports…' }).click();
}

async function newPatient(id: string, name: string) {
  await openReports();
  const form = reports().getByRole('form', { name: 'New patient from reports' });
  await form.getByLabel('Patient ID').fill(id);
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByRole('button', { name: 'New patient from reports' }).click();
  await expect.poll(() => reports().getByLabel('Patient', { exact: true }).inputValue()).toBe(id);
}

async function addTimepoint(date: string, accession: string, quote: string) {
  const open = reading().getByRole('button', { name: '+ Report time point' });
  const form = reading().getByRole('form', { name: 'Report time point' });
  // The reading of a patient just created appears once its record is read: wait for the button or the open form.
  await open.or(form).first().waitFor();
  if (await open.isVisible()) await open.click();
  await form.getByLabel('Scan date').fill(date);
  await form.getByLabel('Accession number').fill(accession);
  await form.getByLabel('Quote from the report').fill(quote);
  await form.getByRole('button', { name: 'Add time point' }).click();
  await reading().locator('.timepoint-list__date', { hasText: date }).waitFor();
}

async function typeAxes(label: string, longMm: string) {
  const field = row(label).getByLabel(`${label} long axis (mm)`);
  await field.fill(longMm);
  await field.press('Enter');
}

async function downloadCsv(button: string): Promise<Record<string, string>[]> {
  if (await reports().isVisible()) await reports().getByRole('button', { name: 'Close' }).first().click();
  const menu = page.getByRole('dialog', { name: /Export, import and backup/ });
  if (!(await menu.isVisible())) await page.getByRole('button', { name: 'Export…' }).click();
  const file = await downloaded(page, () => menu.getByRole('button', { name: button, exact: true }).click());
  const parsed = parseCsv(file.text);
  if (!parsed.ok) throw new Error('not CSV');
  const [header, ...rows] = parsed.records;
  await page.keyboard.press('Escape');
  return rows.map((r) => Object.fromEntries((header?.fields ?? []).map((n, i) => [n, r.fields[i] ?? ''])));
}

describe('readings from reports', () => {
  it('records a patient entirely from reports: baseline and 3-month follow-up typed in give the computed PR', async () => {
    await newPatient('RPT-1', 'Report^Only');
    await addTimepoint('2024-01-10', 'ACC-100', 'Liver segment VIII lesion 40 mm.');
    await reading().getByRole('button', { name: '+ Target' }).click();
    await row('T1').waitFor();
    await row('T1').getByLabel('T1 organ').selectOption('liver');
    // A slip is refused next to the field, and the typed text stays.
    await typeAxes('T1', '4O');
    await expect.poll(() => row('T1').getByRole('alert').textContent()).toContain('is not a number');
    expect(await row('T1').getByLabel('T1 long axis (mm)').inputValue()).toBe('4O');
    await typeAxes('T1', '40');
    await expect.poll(() => row('T1').getByLabel('T1 state').inputValue()).toBe('measured');

    await addTimepoint('2024-04-10', 'ACC-200', 'The liver lesion now measures 25 mm.');
    await reading().getByRole('button', { name: 'Follow-up 1' }).click();
    await row('T1').waitFor();
    await typeAxes('T1', '25');
    await expect.poll(() => overall('Follow-up 1')).toContain('PR');
  });

  it('records another patient with a reader-assigned SD', async () => {
    await newPatient('RPT-2', 'Assigned^Stable');
    await addTimepoint('2024-02-01', 'ACC-300', 'Pulmonary nodule 20 mm.');
    await reading().getByRole('button', { name: '+ Target' }).click();
    await row('T1').getByLabel('T1 organ').selectOption('lung');
    await typeAxes('T1', '20');
    await expect.poll(() => row('T1').getByLabel('T1 state').inputValue()).toBe('measured');
    await addTimepoint('2024-05-02', 'ACC-400', 'No significant interval change.');
    await reading().getByRole('button', { name: 'Follow-up 1' }).click();
    const assign = reading().getByRole('form', { name: 'Assigned response at Follow-up 1' });
    await assign.getByLabel('Assigned response').selectOption('SD');
    await assign.getByRole('button', { name: 'Assign response' }).click();
    await expect.poll(() => overall('Follow-up 1')).toContain('SD');
    await expect.poll(() => assign.textContent()).toContain('Assigned: SD');
  });

  it('finds both in the downloaded exports with their source', async () => {
    const measurements = await downloadCsv('Measurements CSV');
    expect(measurements.filter((r) => r.patient_id === 'RPT-1').map((r) => [r.timepoint, r.lesion_id, r.long_axis_mm, r.source])).toEqual([
      ['Baseline', 'T1', '40.0', 'report'], ['Follow-up 1', 'T1', '25.0', 'report'],
    ]);
    const timepoints = await downloadCsv('Time-point responses CSV');
    const of = (id: string) => timepoints.filter((r) => r.patient_id === id).map((r) => [r.timepoint, r.overall_response, r.response_source, r.measurement_source]);
    expect(of('RPT-1')).toEqual([['Baseline', '', '', 'report'], ['Follow-up 1', 'PR', 'computed', 'report']]);
    expect(of('RPT-2')[1]).toEqual(['Follow-up 1', 'SD', 'assigned', '']);
    const patients = await downloadCsv('Patients CSV (survival)');
    expect(patients.filter((r) => (r.patient_id ?? '').startsWith('RPT-')).map((r) => [r.patient_id, r.best_overall_response, r.response_source])).toEqual([
      ['RPT-1', 'PR', 'computed'], ['RPT-2', 'SD', 'assigned'],
    ]);
    expect(patients.find((r) => r.patient_id === 'RPT-1')?.measurement_source).toBe('report');
    const assigned = await downloadCsv('Assigned responses CSV');
    expect(assigned).toEqual([{
      patient_id: 'RPT-2', timepoint: 'Follow-up 1', scan_date: '2024-05-02', overall_response: 'SD', source: 'assigned', reason: 'No significant interval change.',
    }]);
  });
});
