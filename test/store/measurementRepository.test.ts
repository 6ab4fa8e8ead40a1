// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LesionCategory } from '../../src/recist/types';
import { setFinding } from '../../src/store/findingRepository';
import { deleteMeasurement, getMeasurement, putMeasurement, restoreMeasurement } from '../../src/store/measurementRepository';
import { ensurePatient } from '../../src/store/patientRepository';
import { BASELINE, FOLLOW_UP, databaseWithPatient, failure, findingState, lesion, measurement, value } from './fixtures';

describe('putMeasurement', () => {
  it('inserts, then updates the same row by id', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const row = measurement(t1, BASELINE);
    value(await putMeasurement(db, row, { replaceOthers: false }));
    const moved = { ...row, longAxis: { start: { x: 1, y: 2 }, end: { x: 3, y: 4 } }, updatedAt: '2024-05-01T11:00:00.000Z' };
    expect(value(await putMeasurement(db, moved, { replaceOthers: false }))).toEqual(moved);
    expect(await db.measurements.toArray()).toEqual([moved]);
  });

  it('with replaceOthers deletes the lesion\'s other measurements at that time point (a re-measurement)', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const t2 = await lesion(db);
    const old = measurement(t1, FOLLOW_UP);
    const atBaseline = measurement(t1, BASELINE);
    const otherLesion = measurement(t2, FOLLOW_UP);
    for (const row of [old, atBaseline, otherLesion]) value(await putMeasurement(db, row, { replaceOthers: false }));
    const again = measurement(t1, FOLLOW_UP);
    value(await putMeasurement(db, again, { replaceOthers: true }));
    expect((await db.measurements.toArray()).map((m) => m.id).sort()).toEqual([again.id, atBaseline.id, otherLesion.id].sort());
  });

  it('without replaceOthers keeps every measurement: the fragments of a split lesion', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    value(await putMeasurement(db, measurement(t1, FOLLOW_UP), { replaceOthers: false }));
    value(await putMeasurement(db, measurement(t1, FOLLOW_UP), { replaceOthers: false }));
    expect(await db.measurements.where('[lesionId+studyInstanceUid]').equals([t1.id, FOLLOW_UP]).count()).toBe(2);
  });

  it('sets a target\'s finding to measured, replacing an earlier state and its merge', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const t2 = await lesion(db);
    value(await setFinding(db, { lesionId: t1.id, studyInstanceUid: FOLLOW_UP, state: 'merged', mergedIntoLesionId: t2.id }));
    value(await putMeasurement(db, measurement(t1, FOLLOW_UP), { replaceOthers: true }));
    const finding = await db.findings.get(`${t1.id}|${FOLLOW_UP}`);
    expect(finding?.state).toBe('measured');
    expect(finding).not.toHaveProperty('mergedIntoLesionId');
  });

  it.each<[LesionCategory, string]>([['non-target', 'present'], ['new', 'unequivocal']])(
    'gives a %s lesion without a finding the finding %s',
    async (category, state) => {
      const db = await databaseWithPatient();
      const made = await lesion(db, { category, organ: 'lymph node' });
      value(await putMeasurement(db, measurement(made, FOLLOW_UP), { replaceOthers: true }));
      expect(await findingState(db, made.id, FOLLOW_UP)).toBe(state);
    },
  );

  it.each<[LesionCategory, 'progression' | 'equivocal']>([['non-target', 'progression'], ['new', 'equivocal']])(
    'keeps what the reader said of a %s lesion (%s) when it is measured',
    async (category, state) => {
      const db = await databaseWithPatient();
      const made = await lesion(db, { category });
      value(await setFinding(db, { lesionId: made.id, studyInstanceUid: FOLLOW_UP, state }));
      value(await putMeasurement(db, measurement(made, FOLLOW_UP), { replaceOthers: true }));
      expect(await findingState(db, made.id, FOLLOW_UP)).toBe(state);
    },
  );

  it('refuses a malformed row, storing nothing', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const bad = measurement(t1, BASELINE, { pixelSpacingMm: { row: 0, column: 0.7 } });
    expect(failure(await putMeasurement(db, bad, { replaceOthers: true }))).toMatchObject({ code: 'INVALID', reason: 'MALFORMED_INPUT' });
    const wrongImage = measurement(t1, BASELINE, { image: { ...bad.image, studyInstanceUid: FOLLOW_UP } });
    expect(failure(await putMeasurement(db, wrongImage, { replaceOthers: true }))).toMatchObject({ reason: 'MALFORMED_INPUT' });
    expect(await db.measurements.count()).toBe(0);
  });

  it('refuses an unknown lesion, a lesion of another patient and moving a row to another time point', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    value(await ensurePatient(db, { id: 'P2', name: 'Roe', studies: [{ studyInstanceUid: '7.7', studyDate: '2024-02-02', studyDescription: '' }] }));
    expect(failure(await putMeasurement(db, measurement(t1, BASELINE, { lesionId: 'gone' }), { replaceOthers: true }))).toEqual({ code: 'NOT_FOUND', table: 'lesions', id: 'gone' });
    expect(failure(await putMeasurement(db, measurement(t1, BASELINE, { patientId: 'P2' }), { replaceOthers: true }))).toMatchObject({ reason: 'PATIENT_MISMATCH' });
    expect(failure(await putMeasurement(db, measurement(t1, '7.7'), { replaceOthers: true }))).toMatchObject({ reason: 'PATIENT_MISMATCH' });
    const row = measurement(t1, BASELINE);
    value(await putMeasurement(db, row, { replaceOthers: true }));
    expect(failure(await putMeasurement(db, measurement(t1, FOLLOW_UP, { id: row.id }), { replaceOthers: true }))).toMatchObject({ reason: 'ROW_MISMATCH' });
    expect(await db.measurements.toArray()).toEqual([row]);
  });
});

describe('deleteMeasurement', () => {
  it('removes a target\'s measured finding with its last measurement at that time point (not assessed)', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const row = measurement(t1, FOLLOW_UP);
    value(await putMeasurement(db, row, { replaceOthers: true }));
    expect(value(await deleteMeasurement(db, row.id))).toEqual(row);
    expect(await db.measurements.count()).toBe(0);
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBeUndefined();
  });

  it('keeps the measured finding while another fragment remains', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const a = measurement(t1, FOLLOW_UP);
    value(await putMeasurement(db, a, { replaceOthers: false }));
    value(await putMeasurement(db, measurement(t1, FOLLOW_UP), { replaceOthers: false }));
    value(await deleteMeasurement(db, a.id));
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBe('measured');
  });

  it('keeps a non-target\'s finding when its last measurement goes', async () => {
    const db = await databaseWithPatient();
    const nt = await lesion(db, { category: 'non-target', organ: 'lymph node' });
    const row = measurement(nt, FOLLOW_UP);
    value(await putMeasurement(db, row, { replaceOthers: true }));
    value(await deleteMeasurement(db, row.id));
    expect(await findingState(db, nt.id, FOLLOW_UP)).toBe('present');
  });

  it('returns NOT_FOUND for an unknown measurement', async () => {
    const db = await databaseWithPatient();
    expect(failure(await deleteMeasurement(db, 'nope'))).toEqual({ code: 'NOT_FOUND', table: 'measurements', id: 'nope' });
  });
});

describe('getMeasurement and restoreMeasurement (undo snapshots)', () => {
  it('undoes an edit and redoes it exactly', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const row = measurement(t1, FOLLOW_UP);
    value(await putMeasurement(db, row, { replaceOthers: true }));
    const before = value(await getMeasurement(db, row.id));
    const edited = { ...row, tool: 'bidirectional' as const, shortAxis: { start: { x: 110, y: 150 }, end: { x: 125, y: 135 } } };
    value(await putMeasurement(db, edited, { replaceOthers: true }));
    value(await restoreMeasurement(db, row.id, before));
    expect(value(await getMeasurement(db, row.id))).toEqual(row);
    value(await restoreMeasurement(db, row.id, edited));
    expect(value(await getMeasurement(db, row.id))).toEqual(edited);
  });

  it('undoes the first measurement: the measurement and the measured finding are gone; redo brings both back', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const row = measurement(t1, FOLLOW_UP);
    const before = value(await getMeasurement(db, row.id));
    expect(before).toBeUndefined();
    value(await putMeasurement(db, row, { replaceOthers: true }));
    value(await restoreMeasurement(db, row.id, before));
    expect(await db.measurements.count()).toBe(0);
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBeUndefined();
    value(await restoreMeasurement(db, row.id, row));
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBe('measured');
  });

  it('restoring "no measurement" where there is none changes nothing', async () => {
    const db = await databaseWithPatient();
    expect((await restoreMeasurement(db, 'never', undefined)).ok).toBe(true);
    expect(await db.measurements.count()).toBe(0);
  });

  it('refuses a snapshot with another id', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    expect(failure(await restoreMeasurement(db, 'x', measurement(t1, BASELINE)))).toMatchObject({ reason: 'ROW_MISMATCH' });
  });
});
