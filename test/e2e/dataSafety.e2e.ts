// Nothing lost on a bad day (issue #18): a backup cut short, or with rows taken out of it, is refused by Restore from
// backup… with the record (lesions, measurements, the de-identification key) as it was and no staging database
// left behind; text being typed in one tab is kept when another tab saves the same lesion, and the reader is told;
// files whose study the record has under another patient id say so, and the record panel does not wait for good.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { browserSession } from './browserSession';
import { collectPageErrors } from './chromium';
import { addLesion, downloaded, lesionRow, measure, panel, study, type TruthLesion } from './recordHelpers';

let page: Page;

browserSession({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true, acceptDialogs: true }, async (session) => {
  page = session.page;
  await page.goto(inject('baseUrl'));
  await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
  await panel(page).getByRole('button', { name: '+ Target' }).waitFor({ timeout: 30_000 });
});

const menu = () => page.getByRole('dialog', { name: /Export, import and backup/ });
const outcome = () => menu().getByRole('region', { name: 'Outcome' }).or(menu().getByRole('status', { name: 'Outcome' })).or(menu().getByRole('alert', { name: 'Outcome' }));
const outcomeText = () => outcome().textContent().catch(() => '');

async function openMenu() {
  if (!(await menu().isVisible())) await page.getByRole('button', { name: 'Export…' }).click();
  await menu().getByRole('heading', { name: 'Export, import and backup' }).waitFor();
}

async function restore(name: string, bytes: Uint8Array) {
  await openMenu();
  await menu().getByLabel('Restore from backup…').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(bytes) });
}

type StoredTables = Record<'patients' | 'timepoints' | 'lesions' | 'findings' | 'measurements' | 'studyKeys', unknown[]>;

/** Every row of the record and the de-identification key, read straight from the browser's database. */
function storedRecord(): Promise<StoredTables> {
  return page.evaluate(() => new Promise<StoredTables>((done, fail) => {
    const open = indexedDB.open('recist-reader');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = ['patients', 'timepoints', 'lesions', 'findings', 'measurements', 'studyKeys'] as const;
      const tx = db.transaction([...names]);
      const out: Partial<StoredTables> = {};
      for (const name of names) {
        const read = tx.objectStore(name).getAll();
        read.onsuccess = () => { out[name] = read.result as unknown[]; };
      }
      tx.oncomplete = () => { db.close(); done(out as StoredTables); };
      tx.onerror = () => fail(tx.error);
    };
  }));
}

/** The browser's databases that a restore staged its rows in. */
const stagingDatabases = () => page.evaluate(async () =>
  (await indexedDB.databases()).map((d) => d.name ?? '').filter((name) => name.includes('-restore-')));

/** The backup's JSON with one table's rows changed (and, when given, its declared row count). */
function withRows(text: string, table: string, rows: (rows: unknown[]) => unknown[], rowCount?: number): Uint8Array {
  const backup = JSON.parse(text) as { data: { tables: { name: string; rowCount: number }[]; data: { tableName: string; rows: unknown[] }[] } };
  const section = backup.data.data.find((t) => t.tableName === table);
  if (section === undefined) throw new Error(`no ${table} in the backup`);
  section.rows = rows(section.rows);
  const head = backup.data.tables.find((t) => t.name === table);
  if (head !== undefined && rowCount !== undefined) head.rowCount = rowCount;
  return new TextEncoder().encode(JSON.stringify(backup));
}

let backupText = '';
let recorded: StoredTables;

describe('Restore from backup… refuses a backup that is not whole, changing nothing', () => {
  it('records a measured target (with its study code, made for the backup) and backs the database up', async () => {
    const t1 = study('baseline').lesions.find((l) => l.id === 'T1') as TruthLesion;
    await addLesion(page, '+ Target', t1.organ, t1.location);
    await measure(page, 0, t1, 'baseline');
    await openMenu();
    backupText = (await downloaded(page, () => menu().getByRole('button', { name: 'Back up database', exact: true }).click())).text;
    recorded = await storedRecord();
    expect(recorded.lesions).toHaveLength(1);
    expect(recorded.measurements).toHaveLength(1);
    expect(recorded.studyKeys).toHaveLength(1);
  });

  it.each([25, 50, 75, 90, 97, 99])('refuses the backup cut at %i percent of its length, the record and its key intact, no staging left', async (percent) => {
    const bytes = new TextEncoder().encode(backupText);
    const name = `cut-${percent}.json`;
    await restore(name, bytes.subarray(0, Math.floor((bytes.length * percent) / 100)));
    await expect.poll(outcomeText).toContain(`${name} was not restored`);
    expect(await outcomeText()).toMatch(/This backup is incomplete: it ends after .* Nothing was changed\./);
    expect(await storedRecord()).toEqual(recorded);
    expect(await stagingDatabases()).toEqual([]);
  });

  it('refuses a backup whose time points were taken out, saying how many it declares and holds', async () => {
    await restore('no-timepoints.json', withRows(backupText, 'timepoints', () => []));
    await expect.poll(outcomeText).toContain('no-timepoints.json was not restored');
    expect(await outcomeText()).toMatch(/it declares \d+ time points but holds 0/);
    expect(await storedRecord()).toEqual(recorded);
  });

  it('refuses it when the time points are declared as none too: the lesion and measurement would point at nothing', async () => {
    await restore('none-declared.json', withRows(backupText, 'timepoints', () => [], 0));
    await expect.poll(outcomeText).toContain('none-declared.json was not restored');
    const text = await outcomeText();
    expect(text).toMatch(/lesion \S+: its first time point \(study [\d.]+\) is missing/);
    expect(text).toMatch(/measurement \S+: its time point \(study [\d.]+\) is missing/);
    expect(await storedRecord()).toEqual(recorded);
    expect(await stagingDatabases()).toEqual([]);
  });

  it('a restore whose staging import fails half-way deletes its staging database, and says why in words', async () => {
    await restore('twice.json', withRows(backupText, 'measurements', (rows) => [...rows, rows[0]], 2));
    await expect.poll(outcomeText).toContain('twice.json was not restored');
    expect(await outcomeText()).toContain('two rows of one of its tables have the same key');
    expect(await stagingDatabases()).toEqual([]);
    expect(await storedRecord()).toEqual(recorded);
  });

  it('the whole backup still restores', async () => {
    await restore('backup.json', new TextEncoder().encode(backupText));
    await expect.poll(outcomeText).toContain('backup.json restored');
    expect(await storedRecord()).toEqual(recorded);
    await menu().getByRole('button', { name: 'Close' }).click();
  });
});

describe('two tabs on the same lesion', () => {
  it('keeps the location being typed in one tab when the other tab saves it, and says what the other tab saved', async () => {
    const editor = (p: Page) => panel(p).getByRole('region', { name: 'Lesion T1' });
    await lesionRow(page, 'T1').getByRole('button').click();
    await editor(page).getByLabel('Location').fill('typed here, not saved yet');

    const second = await page.context().newPage();
    const secondErrors = collectPageErrors(second);
    try {
      await second.goto(inject('baseUrl'));
      await lesionRow(second, 'T1').getByRole('button').click({ timeout: 30_000 });
      await editor(second).getByLabel('Location').fill('segment VII');
      await editor(second).getByLabel('Location').press('Enter');
      await expect.poll(() => lesionRow(second, 'T1').locator('.lesion-table__organ').textContent()).toContain('segment VII');

      // The first tab sees the other tab's save, and keeps what its reader is typing.
      await expect.poll(() => lesionRow(page, 'T1').locator('.lesion-table__organ').textContent()).toContain('segment VII');
      await expect.poll(() => editor(page).getByRole('status').textContent().catch(() => ''))
        .toContain("Changed in another tab: 'segment VII' — yours is kept until you save");
      expect(await editor(page).getByLabel('Location').inputValue()).toBe('typed here, not saved yet');

      // Saved, the typed text goes to both tabs and the notice goes away.
      await editor(page).getByLabel('Location').press('Enter');
      await expect.poll(() => lesionRow(second, 'T1').locator('.lesion-table__organ').textContent()).toContain('typed here, not saved yet');
      await expect.poll(() => editor(page).getByRole('status').count()).toBe(0);
      expect(await editor(second).getByLabel('Location').inputValue()).toBe('typed here, not saved yet');
      expect(secondErrors).toEqual([]);
    } finally {
      await second.close();
    }
  });
  it('keeps the millimetres being typed from a report in one tab when the other tab saves them, and says so', async () => {
    const reports = (p: Page) => p.getByRole('dialog', { name: 'Readings from reports' });
    const t1 = (p: Page) => reports(p).getByRole('region', { name: 'Reading from reports' }).locator('tr[data-lesion="T1"]');
    const longAxis = (p: Page) => t1(p).getByLabel('T1 long axis (mm)');
    await page.getByRole('button', { name: 'Reports…' }).click();
    const patient = reports(page).getByRole('form', { name: 'New patient from reports' });
    await patient.getByLabel('Patient ID').fill('RPT-TABS');
    await patient.getByLabel('Name', { exact: true }).fill('Two^Tabs');
    await patient.getByRole('button', { name: 'New patient from reports' }).click();
    const reading = reports(page).getByRole('region', { name: 'Reading from reports' });
    await reading.getByRole('button', { name: '+ Report time point' }).click();
    const timepoint = reading.getByRole('form', { name: 'Report time point' });
    await timepoint.getByLabel('Scan date').fill('2024-01-10');
    await timepoint.getByLabel('Accession number').fill('ACC-1');
    await timepoint.getByLabel('Quote from the report').fill('Liver lesion 40 mm.');
    await timepoint.getByRole('button', { name: 'Add time point' }).click();
    await reading.getByRole('button', { name: '+ Target' }).click();
    await longAxis(page).fill('41');

    const second = await page.context().newPage();
    const secondErrors = collectPageErrors(second);
    try {
      await second.goto(inject('baseUrl'));
      await second.getByRole('button', { name: 'Reports…' }).click({ timeout: 30_000 });
      await reports(second).getByLabel('Patient', { exact: true }).selectOption('RPT-TABS');
      await longAxis(second).fill('40');
      await longAxis(second).press('Enter');
      await expect.poll(() => t1(second).getByLabel('T1 state').inputValue()).toBe('measured');

      await expect.poll(() => t1(page).getByRole('status').textContent().catch(() => ''))
        .toContain("Changed in another tab: '40 mm' — yours is kept until you save");
      expect(await longAxis(page).inputValue()).toBe('41');

      await longAxis(page).press('Enter');
      await expect.poll(() => longAxis(second).inputValue()).toBe('41');
      await expect.poll(() => t1(page).getByRole('status').count()).toBe(0);
      expect(secondErrors).toEqual([]);
    } finally {
      await second.close();
    }
    await reports(page).getByRole('button', { name: 'Close' }).first().click();
  });
});

describe('a study already recorded under another patient id', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recist-clash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says which study clashes and under which two patient ids, keeps both records, and lets the reader go on', async () => {
    const before = await storedRecord();
    // The sample's baseline after a bad anonymisation: another PatientID (same length), the same StudyInstanceUID.
    const source = resolve(__dirname, '../../sample-dicom/baseline');
    const files = readdirSync(source).filter((f) => f.endsWith('.dcm')).map((f) => {
      const bytes = readFileSync(join(source, f));
      const at = bytes.indexOf('RR-0001', 0, 'latin1');
      expect(at).toBeGreaterThan(0);
      bytes.write('RR-0777', at, 'latin1');
      writeFileSync(join(dir, f), bytes);
      return join(dir, f);
    });
    await page.getByTestId('open-files-input').setInputFiles(files);

    await expect.poll(() => panel(page).textContent().catch(() => ''), { timeout: 30_000 })
      .toMatch(/These files say patient RR-0777, but study [\d.]+ is recorded under patient RR-0001\./);
    expect(await panel(page).textContent()).not.toContain('Reading the lesion record');
    // The reader can go on: the panel is the new patient's, with its buttons.
    expect(await panel(page).getByRole('button', { name: '+ Target' }).isVisible()).toBe(true);

    const after = await storedRecord();
    // RR-0001's record as it was; RR-0777 recorded, with no time point taken from RR-0001.
    expect(after.timepoints).toEqual(before.timepoints);
    expect(after.lesions).toEqual(before.lesions);
    expect(after.measurements).toEqual(before.measurements);
    expect(after.studyKeys).toEqual(before.studyKeys);
    expect((after.patients as { id: string }[]).map((p) => p.id)).toEqual([...(before.patients as { id: string }[]).map((p) => p.id), 'RR-0777'].sort());
  });
});
