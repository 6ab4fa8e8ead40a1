// Rows read from the database pass the restore step: a malformed row is reported with its table and key, and left
// out; the rest of the patient's record still reads.
// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readPatientRecord } from '../../src/store/readPatientRecord';
import {
  restoreFindingRow, restoreLesionRow, restoreMeasurementRow, restorePatientRow, restoreTimepointRow,
} from '../../src/store/restore';
import { getMeasurement, putMeasurement } from '../../src/store/measurementRepository';
import type { MeasurementRow } from '../../src/tracking/types';
import { BASELINE, PATIENT, databaseWithPatient, failure, lesion, measurement, value } from './fixtures';

const goodLesion = {
  id: 'L1', patientId: 'P1', label: 'T1', category: 'target', organ: 'liver', nodal: false, location: '',
  firstStudyInstanceUid: 'S1', createdAt: '2024-01-01T00:00:00.000Z',
};

describe('restore checks of single rows', () => {
  it('accepts well-formed rows unchanged', () => {
    expect(restoreLesionRow(goodLesion)).toEqual({ ok: true, value: goodLesion });
    expect(restorePatientRow({ id: 'P1', name: '' }).ok).toBe(true);
    expect(restoreTimepointRow({ studyInstanceUid: 'S', patientId: 'P', studyDate: '2024-01-01', studyDescription: '', excluded: false }).ok).toBe(true);
  });

  it.each([
    ['a lesion whose nodal flag contradicts its organ', restoreLesionRow, { ...goodLesion, organ: 'lymph node' }, /nodal/],
    ['a lesion with a label of another category', restoreLesionRow, { ...goodLesion, label: 'NT1' }, /label/],
    ['a lesion with an unknown organ', restoreLesionRow, { ...goodLesion, organ: 'heart' }, /organ/],
    ['a patient with a non-date treatment date', restorePatientRow, { id: 'P1', name: 'x', treatmentDate: 'soon' }, /treatmentDate/],
    ['a time point without the excluded flag', restoreTimepointRow, { studyInstanceUid: 'S', patientId: 'P', studyDate: '2024-01-01', studyDescription: '' }, /excluded/],
    ['a finding whose id is not lesion|study', restoreFindingRow, { id: 'x', patientId: 'P', lesionId: 'L', studyInstanceUid: 'S', state: 'absent', updatedAt: 't' }, /id/],
    ['a merged finding without the lesion it merged into', restoreFindingRow, { id: 'L|S', patientId: 'P', lesionId: 'L', studyInstanceUid: 'S', state: 'merged', updatedAt: 't' }, /merged/],
    ['a finding with an unknown state', restoreFindingRow, { id: 'L|S', patientId: 'P', lesionId: 'L', studyInstanceUid: 'S', state: 'gone', updatedAt: 't' }, /state/],
    ['something that is not an object', restoreMeasurementRow, 'text', /not an object/],
  ] as const)('reports %s as MALFORMED_ROW', (_what, restoreOne, raw, detail) => {
    const result = restoreOne(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('MALFORMED_ROW');
      expect(result.error.detail).toMatch(detail);
    }
  });
});

describe('readPatientRecord with damaged rows in the database', () => {
  it('reports a malformed measurement with its table and id, and still returns the rest', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const good = measurement(t1, BASELINE);
    value(await putMeasurement(db, good, { replaceOthers: false }));
    const broken = { ...measurement(t1, BASELINE, { id: 'broken' }), longAxis: { start: { x: 'NaN' } } };
    await db.measurements.put(broken as unknown as MeasurementRow);

    const record = await readPatientRecord(db, PATIENT);
    expect(record.measurements).toEqual([good]);
    expect(record.lesions).toEqual([t1]);
    expect(record.problems).toEqual([{ code: 'MALFORMED_ROW', table: 'measurements', id: 'broken', detail: expect.stringContaining('longAxis') }]);
  });

  it('reports findings and measurements of a missing lesion as ORPHAN_ROW', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    value(await putMeasurement(db, measurement(t1, BASELINE, { id: 'm' }), { replaceOthers: false }));
    await db.lesions.delete(t1.id);
    const record = await readPatientRecord(db, PATIENT);
    expect(record.problems.map((p) => [p.code, p.table, p.id])).toEqual([
      ['ORPHAN_ROW', 'findings', `${t1.id}|${BASELINE}`],
      ['ORPHAN_ROW', 'measurements', 'm'],
    ]);
    expect(record.findings).toEqual([]);
  });

  it('reports a finding whose state its lesion\'s category cannot have', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    await db.findings.put({ id: `${t1.id}|${BASELINE}`, patientId: PATIENT, lesionId: t1.id, studyInstanceUid: BASELINE, state: 'present', updatedAt: 't' });
    const record = await readPatientRecord(db, PATIENT);
    expect(record.problems).toMatchObject([{ code: 'MALFORMED_ROW', table: 'findings', id: `${t1.id}|${BASELINE}` }]);
  });

  it('reads a patient that does not exist as an empty record without problems', async () => {
    const db = await databaseWithPatient();
    expect(await readPatientRecord(db, 'nobody')).toEqual({ patient: undefined, timepoints: [], lesions: [], findings: [], measurements: [], problems: [] });
  });

  it('refuses to hand out a malformed row as an undo snapshot', async () => {
    const db = await databaseWithPatient();
    await db.measurements.put({ id: 'bad', patientId: PATIENT } as unknown as MeasurementRow);
    expect(failure(await getMeasurement(db, 'bad'))).toMatchObject({ code: 'INVALID', reason: 'MALFORMED_ROW' });
  });
});
