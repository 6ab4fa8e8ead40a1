// One gate for every backup (store/backupCheck.ts), in the app's restore exactly as in `recist export`: a file cut
// short anywhere, a table holding fewer rows than it declares, and rows pointing at rows the file does not hold are
// refused, in words naming the table and row, with the record, the study codes and the disk as they were.
import './backupEnvironment';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { backupDatabase, restoreBackup } from '../../src/store/backup';
import { readBackupText } from '../../src/store/backupCheck';
import type { BackupError } from '../../src/store/backupFile';
import { describeBackupError } from '../../src/store/backupWords';
import { setClinicalData } from '../../src/store/clinicalRepository';
import type { RecistDatabase } from '../../src/store/database';
import { putMeasurement } from '../../src/store/measurementRepository';
import { readAllRecords } from '../../src/store/readAllRecords';
import { putStudyImages } from '../../src/store/studyImageRepository';
import { BASELINE, FOLLOW_UP, PATIENT, databaseWithPatient, freshDatabase, lesion, measurement, value } from './fixtures';

async function recordedDatabase(): Promise<RecistDatabase> {
  const db = await databaseWithPatient();
  const t1 = await lesion(db);
  value(await putMeasurement(db, measurement(t1, BASELINE, { id: 'm-base' }), { replaceOthers: false }));
  value(await putMeasurement(db, measurement(t1, FOLLOW_UP, { id: 'm-follow' }), { replaceOthers: false }));
  value(await setClinicalData(db, PATIENT, { treatmentDate: '2024-01-15' }));
  value(await putStudyImages(db, BASELINE, [{ path: 'a/IM1.dcm', bytes: new Uint8Array(3000).fill(7).buffer }]));
  return db;
}

/** A backup of a recorded database, as text (the study code is made for it). */
async function backupText(includeImages: boolean): Promise<string> {
  return value(await backupDatabase(await recordedDatabase(), { includeImages })).text();
}

/** Everything a refused restore must leave as it was: every record row, the study codes, the kept files. */
async function snapshot(db: RecistDatabase) {
  return {
    records: value(await readAllRecords(db)).patients,
    studyKeys: await db.studyKeys.toArray(),
    images: await db.images.count(),
  };
}

const stagingLeft = async (): Promise<string[]> => (await Dexie.getDatabaseNames()).filter((n) => n.includes('-restore-'));

/** Restores `file` into a recorded database, which must refuse it and change nothing; returns the refusal. */
async function refusedRestore(file: Blob): Promise<BackupError> {
  const db = await recordedDatabase();
  const before = await snapshot(db);
  const result = await restoreBackup(db, file);
  expect(await snapshot(db)).toEqual(before);
  expect(await stagingLeft()).toEqual([]);
  if (result.ok) throw new Error('expected the restore to be refused');
  if (!('code' in result.error) || !['NOT_A_BACKUP', 'BACKUP_CUT_SHORT', 'BACKUP_ROWS_MISSING', 'BACKUP_ROWS_INVALID', 'BACKUP_FROM_NEWER_SCHEMA'].includes(result.error.code)) {
    throw new Error(`expected a refusal of the file, got ${JSON.stringify(result.error)}`);
  }
  return result.error as BackupError;
}

/** The same refusal from the command line's reading of the same text, and from the app's restore. */
async function refusedBoth(text: string): Promise<BackupError> {
  const cli = readBackupText(text);
  if (cli.ok) throw new Error('expected the command line to refuse the file');
  const app = await refusedRestore(new Blob([text]));
  expect(app).toEqual(cli.error);
  return cli.error;
}

/** The backup's JSON with one table's rows replaced (and, when given, its declared row count). */
function withRows(text: string, table: string, rows: (rows: unknown[]) => unknown[], rowCount?: number): string {
  const backup = JSON.parse(text) as { data: { tables: { name: string; rowCount: number }[]; data: { tableName: string; rows: unknown[] }[] } };
  const section = backup.data.data.find((t) => t.tableName === table);
  if (section === undefined) throw new Error(`no ${table} in the backup`);
  section.rows = rows(section.rows);
  const head = backup.data.tables.find((t) => t.name === table);
  if (head !== undefined && rowCount !== undefined) head.rowCount = rowCount;
  return JSON.stringify(backup);
}

describe('a backup cut short', () => {
  const cuts = [25, 50, 75, 90, 97, 99].flatMap((percent) => [false, true].map((includeImages) => ({ percent, includeImages })));
  it.each(cuts)('cut at $percent percent of its bytes (images in it: $includeImages) is refused by the app and the command line alike', async ({ percent, includeImages }) => {
    const bytes = new TextEncoder().encode(await backupText(includeImages));
    const cut = bytes.subarray(0, Math.floor((bytes.length * percent) / 100));
    const cli = readBackupText(new TextDecoder().decode(cut));
    const app = await refusedRestore(new Blob([cut]));
    expect(app).toEqual({ code: 'BACKUP_CUT_SHORT', size: cut.length });
    expect(cli.ok ? undefined : cli.error).toEqual(app);
    expect(describeBackupError(app)).toMatch(/^This backup is incomplete: it ends after .*Nothing was changed\. Restore from a complete copy/);
  });

  it('the whole file, one byte short of its closing brace, is refused too', async () => {
    const text = await backupText(false);
    expect(text.trimEnd().endsWith('}')).toBe(true);
    expect((await refusedBoth(text.trimEnd().slice(0, -1))).code).toBe('BACKUP_CUT_SHORT');
  });

  it('the whole file restores (the gate passes what Back up database wrote)', async () => {
    const source = await recordedDatabase();
    const blob = value(await backupDatabase(source, { includeImages: true }));
    const target = freshDatabase();
    value(await restoreBackup(target, blob));
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect(readBackupText(await blob.text()).ok).toBe(true);
  });
});

describe('a backup whose tables do not hold what they declare', () => {
  it('time points removed while the head still declares them: refused, naming the table and both counts', async () => {
    const error = await refusedBoth(withRows(await backupText(false), 'timepoints', () => []));
    expect(error).toEqual({ code: 'BACKUP_ROWS_MISSING', tables: [{ table: 'timepoints', declared: 2, found: 0 }] });
    expect(describeBackupError(error)).toMatch(/^This backup is not whole: it declares 2 time points but holds 0\. .*Nothing was changed/);
  });

  it('one measurement removed: refused', async () => {
    const error = await refusedBoth(withRows(await backupText(false), 'measurements', (rows) => rows.slice(1)));
    expect(error).toEqual({ code: 'BACKUP_ROWS_MISSING', tables: [{ table: 'measurements', declared: 2, found: 1 }] });
  });

  it('a study code table declared with rows but holding none: refused (the de-identification key would be lost)', async () => {
    const error = await refusedBoth(withRows(await backupText(false), 'studyKeys', () => []));
    expect(error).toEqual({ code: 'BACKUP_ROWS_MISSING', tables: [{ table: 'studyKeys', declared: 1, found: 0 }] });
    expect(describeBackupError(error)).toContain('it declares 1 study code (de-identification key) but holds 0');
  });
});

describe('a backup whose rows do not hang together', () => {
  it('time points removed and declared as none: every lesion, lesion state and measurement left pointing at them is named', async () => {
    const error = await refusedBoth(withRows(await backupText(false), 'timepoints', () => [], 0));
    expect(error.code).toBe('BACKUP_ROWS_INVALID');
    if (error.code !== 'BACKUP_ROWS_INVALID') return;
    expect(error.problems.map((p) => [p.code, p.table, p.id])).toEqual([
      ['ORPHAN_ROW', 'lesions', expect.any(String)],
      ['ORPHAN_ROW', 'findings', expect.stringContaining(BASELINE)],
      ['ORPHAN_ROW', 'findings', expect.stringContaining(FOLLOW_UP)],
      ['ORPHAN_ROW', 'measurements', 'm-base'],
      ['ORPHAN_ROW', 'measurements', 'm-follow'],
    ]);
    expect(describeBackupError(error)).toContain(`measurement m-base: its time point (study ${BASELINE}) is missing`);
    expect(describeBackupError(error)).toMatch(/Nothing was changed\.$/);
  });

  it('a study code for a patient the file does not hold', async () => {
    const text = withRows(await backupText(false), 'studyKeys', (rows) => [...rows, { ...(rows[0] as object), patientId: 'GONE', code: 'S-GONE' }], 2);
    const error = await refusedBoth(text);
    expect(error).toEqual({ code: 'BACKUP_ROWS_INVALID', problems: [{ code: 'ORPHAN_ROW', table: 'studyKeys', id: 'GONE', detail: 'its patient GONE is missing' }] });
  });

  it('a lesion state merged into a lesion the file does not hold', async () => {
    const text = withRows(await backupText(false), 'findings', (rows) => rows.map((r) => {
      const row = r as { studyInstanceUid: string };
      return row.studyInstanceUid === FOLLOW_UP ? { ...row, state: 'merged', mergedIntoLesionId: 'L-GONE' } : row;
    }));
    const error = await refusedBoth(text);
    expect(error.code).toBe('BACKUP_ROWS_INVALID');
    if (error.code === 'BACKUP_ROWS_INVALID') {
      expect(error.problems.map((p) => p.detail)).toContain('the lesion it merged into (L-GONE) is missing');
    }
  });
});

describe('what the reader is told, and what is left on disk', () => {
  it('a file not JSON at all says what it begins with, not a parser\'s message', async () => {
    const error = await refusedBoth('patient_id,cycles\nP1,1\n');
    expect(describeBackupError(error)).toBe('This file is not a recist-reader backup (it is not a JSON file: it begins "patient_id,cycles P1,1"). Nothing was changed.');
  });

  it('staging copies left by earlier failed restores of this database are deleted too, no other database', async () => {
    const db = await recordedDatabase();
    for (const name of [`${db.name}-restore-left-behind`, `${db.name}-other`]) {
      const left = new Dexie(name);
      left.version(1).stores({ patients: 'id' });
      await left.open();
      left.close();
    }
    value(await restoreBackup(db, value(await backupDatabase(db, { includeImages: false }))));
    const names = await Dexie.getDatabaseNames();
    expect(names).not.toContain(`${db.name}-restore-left-behind`);
    expect(names).toContain(`${db.name}-other`);
  });

  it('a staging copy whose import failed half-way is deleted (two rows with one key)', async () => {
    const text = withRows(await backupText(false), 'measurements', (rows) => [...rows, rows[0]], 3);
    const error = await refusedRestore(new Blob([text]));
    expect(error).toEqual({ code: 'NOT_A_BACKUP', detail: 'two rows of one of its tables have the same key, which a backup never has' });
  });
});
