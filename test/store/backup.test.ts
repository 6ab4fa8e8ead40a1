// Backup and restore of the whole database (dexie-export-import's format): a round trip loses nothing, a restore
// replaces the record atomically, and a file that is not a backup, from a newer schema or with damaged rows is
// refused with nothing changed.
import './backupEnvironment';
import Dexie from 'dexie';
import { exportDB } from 'dexie-export-import';
import { describe, expect, it } from 'vitest';
import { backupDatabase, restoreBackup } from '../../src/store/backup';
import { readBackupText } from '../../src/store/backupCheck';
import { setClinicalData } from '../../src/store/clinicalRepository';
import { putMeasurement } from '../../src/store/measurementRepository';
import { readAllRecords } from '../../src/store/readAllRecords';
import { CURRENT_SCHEMA_VERSION } from '../../src/store/schema';
import { putStudyImages } from '../../src/store/studyImageRepository';
import { describeBackupError } from '../../src/store/backupWords';
import { BASELINE, FOLLOW_UP, PATIENT, databaseWithPatient, freshDatabase, lesion, measurement, uniqueName, value } from './fixtures';

async function recordedDatabase() {
  const db = await databaseWithPatient();
  const t1 = await lesion(db);
  value(await putMeasurement(db, measurement(t1, BASELINE), { replaceOthers: false }));
  value(await putMeasurement(db, measurement(t1, FOLLOW_UP, { longAxis: { start: { x: 0, y: 0 }, end: { x: 20, y: 0 } } }), { replaceOthers: false }));
  value(await setClinicalData(db, PATIENT, { treatmentDate: '2024-01-15', deathDate: '2024-09-01', covariates: { ecog: 1 } }));
  value(await putStudyImages(db, BASELINE, [{ path: 'a/IM1.dcm', bytes: new Uint8Array([1, 2, 3, 250]).buffer }]));
  return db;
}

const records = async (db: Awaited<ReturnType<typeof freshDatabase>>) => value(await readAllRecords(db)).patients;

describe('backupDatabase -> restoreBackup', () => {
  it('restores every record row into another database, and the study key made for the backup', async () => {
    const source = await recordedDatabase();
    const blob = value(await backupDatabase(source, { includeImages: false }));
    const target = freshDatabase();
    const summary = value(await restoreBackup(target, blob));
    expect(summary).toEqual({ schemaVersion: CURRENT_SCHEMA_VERSION, patients: 1, lesions: 1, measurements: 2, images: 0, keptTables: ['images'] });
    expect(await records(target)).toEqual(await records(source));
    expect(await target.studyKeys.toArray()).toEqual(await source.studyKeys.toArray());
    expect(await source.studyKeys.count()).toBe(1);
  });

  it('includes the stored DICOM files only when asked, bytes intact', async () => {
    const source = await recordedDatabase();
    const without = readBackupText(await value(await backupDatabase(source, { includeImages: false })).text());
    expect(without.ok && without.value.meta.tables).not.toContain('images');
    const target = freshDatabase();
    value(await restoreBackup(target, value(await backupDatabase(source, { includeImages: true }))));
    const [image] = await target.images.toArray();
    expect(new Uint8Array(image?.bytes ?? new ArrayBuffer(0))).toEqual(new Uint8Array([1, 2, 3, 250]));
  });

  it('replaces what the database held: rows not in the backup are gone, images kept when the backup has none', async () => {
    const source = await recordedDatabase();
    const blob = value(await backupDatabase(source, { includeImages: false }));
    const target = await recordedDatabase();
    await target.patients.put({ id: 'LATER', name: 'Added^After' });
    value(await restoreBackup(target, blob));
    expect(await target.patients.get('LATER')).toBeUndefined();
    expect(await target.images.count()).toBe(1);
  });

  it('reads a backup of schema version 2 (no study key table), upgrading nothing it does not need to', async () => {
    const name = uniqueName();
    const v2 = new Dexie(name);
    v2.version(2).stores({ patients: 'id', timepoints: 'studyInstanceUid, patientId', lesions: 'id, patientId', findings: 'id, patientId, lesionId, studyInstanceUid', measurements: 'id, patientId, lesionId, studyInstanceUid, [lesionId+studyInstanceUid]', images: '[studyInstanceUid+path], studyInstanceUid, [studyInstanceUid+byteLength]' });
    await v2.open();
    await v2.table('patients').put({ id: 'OLD', name: 'Old^Backup', treatmentDate: '2022-02-02' });
    const blob = await exportDB(v2);
    v2.close();
    const target = await recordedDatabase();
    const summary = value(await restoreBackup(target, blob));
    expect(summary.keptTables).toEqual(['studyKeys']);
    expect((await records(target)).map((p) => p.patient)).toEqual([{ id: 'OLD', name: 'Old^Backup', treatmentDate: '2022-02-02' }]);
  });

  it('gives a v1 backup\'s measurements frame 1, as the v1 -> v2 migration does', async () => {
    const v1 = new Dexie(uniqueName());
    v1.version(1).stores({ patients: 'id', timepoints: 'studyInstanceUid, patientId', lesions: 'id, patientId', findings: 'id, patientId, lesionId, studyInstanceUid', measurements: 'id, patientId, lesionId, studyInstanceUid' });
    await v1.open();
    const source = await recordedDatabase();
    for (const table of ['patients', 'timepoints', 'lesions', 'findings'] as const) await v1.table(table).bulkPut(await source.table(table).toArray());
    await v1.table('measurements').bulkPut((await source.measurements.toArray()).map(({ image: { frameNumber: _f, ...image }, ...m }) => ({ ...m, image })));
    const blob = await exportDB(v1);
    v1.close();
    const target = freshDatabase();
    value(await restoreBackup(target, blob));
    expect((await target.measurements.toArray()).map((m) => m.image.frameNumber)).toEqual([1, 1]);
  });
});

describe('restoreBackup refuses, changing nothing', () => {
  async function refused(blob: Blob) {
    const db = await recordedDatabase();
    const before = await records(db);
    const result = await restoreBackup(db, blob);
    expect(await records(db)).toEqual(before);
    if (result.ok) throw new Error('expected a refusal');
    return result.error;
  }

  it('a backup from a newer schema, with a clear message', async () => {
    const blob = value(await backupDatabase(await recordedDatabase(), { includeImages: false }));
    const newer = new Blob([(await blob.text()).replace(`"databaseVersion":${CURRENT_SCHEMA_VERSION}`, `"databaseVersion":${CURRENT_SCHEMA_VERSION + 1}`)]);
    const error = await refused(newer);
    expect(error).toEqual({ code: 'BACKUP_FROM_NEWER_SCHEMA', backupVersion: CURRENT_SCHEMA_VERSION + 1, appVersion: CURRENT_SCHEMA_VERSION });
    if (error.code === 'BACKUP_FROM_NEWER_SCHEMA') expect(describeBackupError(error)).toMatch(/newer version of recist-reader .* update the app/);
  });

  it('a file that is not a backup at all', async () => {
    expect((await refused(new Blob(['patient_id,cycles\nP1,1\n']))).code).toBe('NOT_A_BACKUP');
  });

  it('a Dexie export of another database', async () => {
    const other = new Dexie(uniqueName());
    other.version(1).stores({ notes: 'id' });
    await other.open();
    const error = await refused(await exportDB(other));
    expect(error).toEqual({ code: 'NOT_A_BACKUP', detail: 'it has no patients, timepoints, lesions, findings, measurements tables' });
  });

  it('a backup with a damaged row, naming the row', async () => {
    const blob = value(await backupDatabase(await recordedDatabase(), { includeImages: false }));
    const damaged = new Blob([(await blob.text()).replace('"organ":"liver"', '"organ":"heart"')]);
    const error = await refused(damaged);
    expect(error.code).toBe('BACKUP_ROWS_INVALID');
    if (error.code === 'BACKUP_ROWS_INVALID') expect(error.problems.map((p) => [p.code, p.table])).toEqual([['MALFORMED_ROW', 'lesions'], ['ORPHAN_ROW', 'findings'], ['ORPHAN_ROW', 'findings'], ['ORPHAN_ROW', 'measurements'], ['ORPHAN_ROW', 'measurements']]);
  });

  it('leaves no staging database behind', async () => {
    const db = await recordedDatabase();
    value(await restoreBackup(db, value(await backupDatabase(db, { includeImages: false }))));
    expect((await Dexie.getDatabaseNames()).filter((n) => n.includes('-restore-'))).toEqual([]);
  });
});
