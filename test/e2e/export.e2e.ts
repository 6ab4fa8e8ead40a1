// Export, import and backup, as a reader does them: a short reading of the sample patient (baseline and 3 months,
// PR), clinical data in the form, each CSV downloaded and checked, de-identified, a backup, the two CSV imports with
// their reports, and a restore.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { MEASUREMENT_COLUMNS } from '../../src/export/measurementCsvColumns';
import { readMeasurementCsv } from '../../src/export/readMeasurementCsv';
import { SURVIVAL_COLUMNS } from '../../src/export/survivalColumns';
import { assessPatients } from '../../src/recist/assess';
import { parseCsv } from '../../src/shared/csv';
import { CURRENT_SCHEMA_VERSION } from '../../src/store/schema';
import { browserSession } from './browserSession';
import { addLesion, downloaded, lesionRow, measure, overall, panel, study, type TruthLesion } from './recordHelpers';

const BASELINE = 0;
const FOLLOW_UP = 1;

let page: Page;
let measurementsCsv = '';
let backupJson = '';

browserSession({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true, acceptDialogs: true }, async (session) => {
  page = session.page;
  await page.goto(inject('baseUrl'));
  await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
  await panel(page).waitFor({ timeout: 30_000 });
});

const menu = () => page.getByRole('dialog', { name: /Export, import and backup|Clinical data of/ });
const outcome = () => menu().getByRole('region', { name: 'Outcome' }).or(menu().getByRole('status', { name: 'Outcome' })).or(menu().getByRole('alert', { name: 'Outcome' }));

async function openMenu() {
  if (!(await menu().isVisible())) await page.getByRole('button', { name: 'Export…' }).click();
  await menu().getByRole('heading', { name: 'Export, import and backup' }).waitFor();
}

function table(csv: string): Record<string, string>[] {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error('not CSV');
  const [header, ...rows] = parsed.records;
  return rows.map((r) => Object.fromEntries((header?.fields ?? []).map((name, i) => [name, r.fields[i] ?? ''])));
}

async function downloadCsv(button: string) {
  await openMenu();
  return downloaded(page, () => menu().getByRole('button', { name: button, exact: true }).click());
}

async function upload(label: string, name: string, text: string) {
  await openMenu();
  await menu().getByLabel(label).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

describe('exports of a short reading', () => {
  it('records the baseline and the 3-month follow-up: PR', async () => {
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
  });

  it('saves clinical data in the form of the patient on screen, and shows the rules it breaks', async () => {
    await openMenu();
    await menu().getByRole('button', { name: /^Clinical data of / }).click();
    const form = menu().getByRole('form', { name: /^Clinical data of / });
    expect(await form.getByLabel('Treatment start').inputValue()).toBe('2023-01-16');
    await form.getByLabel('Date of death').fill('2022-12-01');
    await form.getByRole('button', { name: 'Save clinical data' }).click();
    await expect.poll(() => form.getByRole('alert').first().textContent()).toContain('before the baseline scan of 2023-01-09');
    await form.getByLabel('Date of death').fill('');
    await form.getByLabel('Treatment cycles').fill('4');
    await form.getByLabel('Last known alive').fill('2023-09-01');
    await form.getByRole('button', { name: '+ Covariate' }).click();
    await form.getByLabel('Covariate name 1').fill('ecog');
    await form.getByLabel('Covariate value 1').fill('1');
    await form.getByRole('button', { name: 'Save clinical data' }).click();
    await expect.poll(() => outcome().textContent()).toContain('Clinical data of RR-0001 saved');
    await menu().getByRole('heading', { name: 'Export, import and backup' }).waitFor();
  });

  it('downloads the measurements CSV: the format `recist assess` reads, giving the responses on screen', async () => {
    const file = await downloadCsv('Measurements CSV');
    expect(file.name).toBe('recist-measurements.csv');
    measurementsCsv = file.text;
    expect(file.text.split('\n')[0]).toBe([...MEASUREMENT_COLUMNS, 'source', 'location', 'signed_off_by', 'signed_off_at'].join(','));
    const rows = table(file.text);
    expect(rows.filter((r) => r.timepoint === 'Baseline').map((r) => r.lesion_id)).toEqual(['T1', 'T2', 'T3', 'T4', 'NT1']);
    expect(rows.find((r) => r.lesion_id === 'T3' && r.timepoint === 'Baseline')).toMatchObject({ organ: 'lymph node', nodal: 'yes', state: 'measured' });
    // Where in the organ, as typed in the lesion editor (issue 21); blank sign-off, as nothing is signed off yet.
    expect(rows.find((r) => r.lesion_id === 'T1' && r.timepoint === 'Baseline')).toMatchObject({
      location: study('baseline').lesions.find((l) => l.id === 'T1')?.location, signed_off_by: '', signed_off_at: '',
    });
    const read = readMeasurementCsv(file.text);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const [assessed] = assessPatients(read.patients);
    expect(assessed?.timepoints.map((t) => t.overallResponse)).toEqual([null, 'PR']);
    expect(assessed?.bestOverallResponse).toBe('PR');
  });

  it('downloads the time-point responses: the app\'s responses, with the same columns as `recist assess`', async () => {
    const file = await downloadCsv('Time-point responses CSV');
    const rows = table(file.text);
    expect(file.text.split('\n')[0]).toContain('patient_id,timepoint,scan_date,days_from_baseline,target_sum_mm');
    // The 6-month study is not read yet: not an assessment, here as on screen.
    expect(rows.map((r) => [r.timepoint, r.scan_date, r.overall_response])).toEqual([
      ['Baseline', '2023-01-09', ''], ['Follow-up 1', '2023-04-17', 'PR'],
    ]);
    expect(rows[1]?.explanation).toContain('PR');
  });

  it('downloads the patient CSV for survival analysis', async () => {
    const file = await downloadCsv('Patients CSV (survival)');
    expect(file.text.split('\n')[0]).toBe([...SURVIVAL_COLUMNS, 'cycles', 'response_source', 'measurement_source', 'ecog'].join(','));
    expect(table(file.text)).toEqual([{
      patient_id: 'RR-0001', origin_date: '2023-01-16', baseline_date: '2023-01-09', best_overall_response: 'PR', bor_confirmed: 'SD',
      progression_date: '', last_assessment_date: '2023-04-17', pfs_days: '91', pfs_event: '0', pfs_event_type: '',
      os_days: '228', os_event: '0', landmark_days: '91', landmark_at_risk: '1', landmark_response: 'PR', landmark_os_days: '137',
      landmark_os_event: '0', cycles: '4', response_source: 'computed', measurement_source: 'image', ecog: '1',
    }]);
  });

  it('de-identifies: a study code, dates shifted by one offset, intervals kept; the key downloads apart', async () => {
    await openMenu();
    await menu().getByLabel(/De-identify/).check();
    await menu().getByLabel(/Shift dates/).check();
    await menu().getByLabel('Line endings').selectOption('crlf');
    const file = await downloadCsv('Patients CSV (survival)');
    expect(file.name).toBe('recist-patients-deidentified.csv');
    expect(file.text).toContain('\r\n');
    expect(file.text).not.toMatch(/RR-0001|SAMPLE|2023-01-16|2023-01-09/);
    const [row] = table(file.text);
    expect(row?.patient_id).toMatch(/^S-[A-Z0-9]{6}$/);
    expect([row?.pfs_days, row?.os_days, row?.landmark_response]).toEqual(['91', '228', 'PR']);
    const key = await downloadCsv('Study key CSV');
    const [keyRow] = table(key.text);
    expect(keyRow).toMatchObject({ patient_id: 'RR-0001', study_code: row?.patient_id });
    const offset = Number(keyRow?.date_offset_days);
    expect(new Date(`${row?.origin_date}T00:00:00Z`).getTime() - Date.UTC(2023, 0, 16)).toBe(offset * 86_400_000);
    await menu().getByLabel(/De-identify/).uncheck();
    await menu().getByLabel('Line endings').selectOption('lf');
  });

  it('downloads a backup of the whole database (Dexie format, the current schema)', async () => {
    const file = await downloadCsv('Back up database');
    expect(file.name).toMatch(/^recist-reader-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupJson = file.text;
    const backup = JSON.parse(file.text) as { formatName: string; data: { databaseVersion: number; tables: { name: string; rowCount: number }[] } };
    expect(backup.formatName).toBe('dexie');
    expect(backup.data.databaseVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(backup.data.tables.map((t) => t.name)).toEqual(['patients', 'timepoints', 'lesions', 'findings', 'measurements', 'studyKeys', 'outbox']);
  });
});

describe('imports and restore', () => {
  it('imports clinical data from CSV; a bad file changes nothing and says which line and column', async () => {
    await upload('Import clinical data CSV…', 'bad.csv', 'patient_id,death_date\nRR-0001,01/10/2023\n');
    await expect.poll(() => outcome().textContent()).toContain('line 2, death_date: "01/10/2023" is not a date');
    await upload('Import clinical data CSV…', 'clinical.csv', 'patient_id,death_date,arm\nRR-0001,2023-10-01,B\n');
    await expect.poll(() => outcome().textContent()).toContain('clinical data of 1 patient updated');
    const [row] = table((await downloadCsv('Patients CSV (survival)')).text);
    expect([row?.os_days, row?.os_event, row?.arm]).toEqual(['258', '1', 'B']);
  });

  it('merges a measurements CSV from another workstation and reports a different value as a conflict', async () => {
    const other = measurementsCsv.replace('RR-0001,Baseline,2023-01-09,T1,target,liver,no,', 'RR-0001,Baseline,2023-01-09,T1,target,liver,no,4');
    expect(other).not.toBe(measurementsCsv);
    await upload('Import measurements CSV…', 'other.csv', other);
    await expect.poll(() => outcome().textContent()).toContain('1 conflict');
    const text = await outcome().textContent();
    expect(text).toMatch(/line 2: T1 of RR-0001 on 2023-01-09: recorded here as "measured \d+\.\d", the file says "measured 4\d+\.\d"\. Kept as it is here\./);
    expect(text).toContain('9 already the same');
    await upload('Import measurements CSV…', 'same.csv', measurementsCsv);
    await expect.poll(() => outcome().textContent()).toContain('Imported 0 values, 10 already the same, no conflicts');
  });

  it('restores the backup after confirmation: the clinical import made since is undone, the reading is intact', async () => {
    await upload('Restore from backup…', 'backup.json', backupJson);
    await expect.poll(() => outcome().textContent()).toContain('backup.json restored');
    const [row] = table((await downloadCsv('Patients CSV (survival)')).text);
    expect([row?.os_days, row?.os_event, row?.best_overall_response]).toEqual(['228', '0', 'PR']);
    expect(row).not.toHaveProperty('arm');
    await menu().getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => overall(page, 'Follow-up 1')).toBe('PR');
  });

  it('refuses a file that is not a backup, changing nothing', async () => {
    await upload('Restore from backup…', 'notes.json', '{"hello": 1}');
    await expect.poll(() => outcome().textContent()).toContain('is not a recist-reader backup');
  });
});
