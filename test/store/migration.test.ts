// A database left by version 1 of the app must open with the current code, its rows upgraded, nothing lost.
// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openRecistDatabase } from '../../src/store/database';
import { readPatientRecord } from '../../src/store/readPatientRecord';
import { storedStudies } from '../../src/store/studyImageRepository';
import { uniqueName, value } from './fixtures';

/** The schema version 1 shipped, written out here as it is on users' disks (not imported from src). */
const V1_STORES = {
  patients: 'id',
  timepoints: 'studyInstanceUid, patientId',
  lesions: 'id, patientId',
  findings: 'id, patientId, lesionId, studyInstanceUid',
  measurements: 'id, patientId, lesionId, studyInstanceUid',
};

const V1_MEASUREMENT = {
  id: 'm1',
  patientId: 'P1',
  lesionId: 'L1',
  studyInstanceUid: 'S1',
  image: { studyInstanceUid: 'S1', seriesInstanceUid: 'S1.1', sopInstanceUid: 'S1.1.7' },
  tool: 'long-axis',
  longAxis: { start: { x: 1, y: 1 }, end: { x: 41, y: 31 } },
  pixelSpacingMm: { row: 0.8, column: 0.8 },
  createdAt: '2023-03-01T10:00:00.000Z',
  updatedAt: '2023-03-01T10:00:00.000Z',
};

async function writeVersion1Database(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  await v1.table('patients').put({ id: 'P1', name: 'Doe^Jane', treatmentDate: '2023-01-15' });
  await v1.table('timepoints').put({ studyInstanceUid: 'S1', patientId: 'P1', studyDate: '2023-03-01', studyDescription: 'CT', excluded: false });
  await v1.table('lesions').put({ id: 'L1', patientId: 'P1', label: 'T1', category: 'target', organ: 'liver', nodal: false, location: 'VIII', firstStudyInstanceUid: 'S1', createdAt: '2023-03-01T10:00:00.000Z' });
  await v1.table('findings').put({ id: 'L1|S1', patientId: 'P1', lesionId: 'L1', studyInstanceUid: 'S1', state: 'measured', updatedAt: '2023-03-01T10:00:00.000Z' });
  await v1.table('measurements').bulkPut([V1_MEASUREMENT, { ...V1_MEASUREMENT, id: 'm2', image: { ...V1_MEASUREMENT.image, frameNumber: 3 } }]);
  v1.close();
}

describe('schema migration v1 -> v2', () => {
  it('gives every v1 measurement frame 1, keeps a frame number already there, and loses no row', async () => {
    const name = uniqueName();
    await writeVersion1Database(name);
    const db = value(await openRecistDatabase(name));
    expect(db.verno).toBe(5);
    expect((await db.measurements.get('m1'))?.image.frameNumber).toBe(1);
    expect((await db.measurements.get('m2'))?.image.frameNumber).toBe(3);
    const record = await readPatientRecord(db, 'P1');
    expect(record.problems).toEqual([]);
    expect(record.patient).toEqual({ id: 'P1', name: 'Doe^Jane', treatmentDate: '2023-01-15' });
    expect([record.timepoints.length, record.lesions.length, record.findings.length, record.measurements.length]).toEqual([1, 1, 1, 2]);
    db.close();
  });

  it('adds the images table and the [lesionId+studyInstanceUid] index', async () => {
    const name = uniqueName();
    await writeVersion1Database(name);
    const db = value(await openRecistDatabase(name));
    expect(db.tables.map((t) => t.name).sort()).toEqual(['findings', 'images', 'lesions', 'measurements', 'outbox', 'patients', 'studyKeys', 'timepoints']);
    expect(await db.measurements.where('[lesionId+studyInstanceUid]').equals(['L1', 'S1']).count()).toBe(2);
    expect(value(await storedStudies(db))).toEqual([]);
    db.close();
  });

  it('opens a new database directly at the current version, 3', async () => {
    const db = value(await openRecistDatabase(uniqueName()));
    expect(db.verno).toBe(5);
    db.close();
  });
});

/** The schema version 2 shipped, as it is on users' disks. */
const V2_STORES = {
  ...V1_STORES,
  measurements: 'id, patientId, lesionId, studyInstanceUid, [lesionId+studyInstanceUid]',
  images: '[studyInstanceUid+path], studyInstanceUid, [studyInstanceUid+byteLength]',
};

describe('schema migration v2 -> v3', () => {
  it('keeps v2 patients (without clinical fields) readable, and adds the study key table with unique codes', async () => {
    const name = uniqueName();
    const v2 = new Dexie(name);
    v2.version(2).stores(V2_STORES);
    await v2.open();
    await v2.table('patients').put({ id: 'P1', name: 'Doe^Jane', treatmentDate: '2023-01-15' });
    v2.close();

    const db = value(await openRecistDatabase(name));
    expect(db.verno).toBe(5);
    expect((await readPatientRecord(db, 'P1')).patient).toEqual({ id: 'P1', name: 'Doe^Jane', treatmentDate: '2023-01-15' });
    await db.studyKeys.add({ patientId: 'P1', code: 'S-AAAAAA', dateOffsetDays: 3, createdAt: '2024-01-01T00:00:00.000Z' });
    await expect(db.studyKeys.add({ patientId: 'P2', code: 'S-AAAAAA', dateOffsetDays: 5, createdAt: '2024-01-01T00:00:00.000Z' })).rejects.toThrow();
    db.close();
  });
});
