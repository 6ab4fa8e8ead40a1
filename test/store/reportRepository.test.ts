// Readings from reports in the store: a patient without DICOM, report time points, typed measurements, assigned
// responses; schema v4 and the restore checks of the new fields.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openRecistDatabase } from '../../src/store/database';
import { createLesion } from '../../src/store/lesionRepository';
import { putMeasurement } from '../../src/store/measurementRepository';
import { readPatientRecord } from '../../src/store/readPatientRecord';
import { importAssignedResponses } from '../../src/store/assignedImportRepository';
import { addReportTimepoint, createReportPatient, setAssignedResponse } from '../../src/store/reportRepository';
import { checkReportTimepoint } from '../../src/store/reportRules';
import { restoreTimepointRow } from '../../src/store/restore';
import { SCHEMA_V3 } from '../../src/store/schema';
import { measurementSource, timepointSource } from '../../src/tracking/source';
import { toPatientRecord } from '../../src/tracking/toPatientRecord';
import { typedMeasurement } from '../../src/tracking/typedMeasurement';
import { failure, freshDatabase, uniqueName, value } from './fixtures';

const REPORT = { patientId: 'R1', reportDate: '', accessionNumber: 'ACC-1', quote: 'Liver lesion 30 mm.' };

describe('a patient recorded entirely from reports', () => {
  it('is created without any DICOM; the same ID again is refused', async () => {
    const db = freshDatabase();
    expect(value(await createReportPatient(db, { id: ' R1 ', name: 'Roe^Rita' }))).toEqual({ id: 'R1', name: 'Roe^Rita' });
    expect(failure(await createReportPatient(db, { id: 'R1', name: 'x' }))).toMatchObject({ code: 'INVALID', reason: 'PATIENT_EXISTS' });
    expect(failure(await createReportPatient(db, { id: '  ', name: 'x' }))).toMatchObject({ code: 'INVALID', reason: 'MALFORMED_INPUT' });
  });

  it('gets report time points with their metadata; typed values give the engine the computed PR', async () => {
    const db = freshDatabase();
    value(await createReportPatient(db, { id: 'R1', name: '' }));
    const baseline = value(await addReportTimepoint(db, { ...REPORT, scanDate: '2024-01-10' }));
    const followUp = value(await addReportTimepoint(db, { ...REPORT, scanDate: '2024-04-10', reportDate: '2024-04-11', accessionNumber: 'ACC-2', quote: 'Now 20 mm.' }));
    expect(baseline.report).toEqual({ reportDate: '2024-01-10', accessionNumber: 'ACC-1', quote: 'Liver lesion 30 mm.' });
    expect(timepointSource(followUp)).toBe('report');
    const t1 = value(await createLesion(db, { patientId: 'R1', category: 'target', organ: 'liver', location: '', firstStudyInstanceUid: baseline.studyInstanceUid }));
    for (const [tp, mm] of [[baseline, 30], [followUp, 20]] as const) {
      const row = typedMeasurement(t1, tp.studyInstanceUid, { longAxisMm: mm, shortAxisMm: undefined }, crypto.randomUUID(), new Date().toISOString());
      value(await putMeasurement(db, row, { replaceOthers: true }));
    }
    const stored = await readPatientRecord(db, 'R1');
    expect(stored.problems).toEqual([]);
    expect(stored.measurements.map(measurementSource)).toEqual(['report', 'report']);
    const engine = toPatientRecord({ ...stored, patient: stored.patient ?? { id: 'R1', name: '' } });
    expect(engine.record.timepoints.map((t) => t.targets[0]?.fragments[0])).toEqual([
      { state: 'measured', diameter: 30000 }, { state: 'measured', diameter: 20000 },
    ]);
  });

  it('refuses a report dated before its scan, and names every empty field', () => {
    expect(checkReportTimepoint({ ...REPORT, scanDate: '2024-04-10', reportDate: '2024-04-01' })).toEqual([{ code: 'REPORT_BEFORE_SCAN', field: 'reportDate' }]);
    expect(checkReportTimepoint({ patientId: 'R1', scanDate: '10.4.2024', reportDate: '', accessionNumber: ' ', quote: '' }).map((p) => p.field))
      .toEqual(['scanDate', 'reportDate', 'accessionNumber', 'quote']);
  });
});

describe('a reader-assigned response', () => {
  it('is set on a follow-up, passed to the engine as assigned, and removed again', async () => {
    const db = freshDatabase();
    value(await createReportPatient(db, { id: 'R1', name: '' }));
    const baseline = value(await addReportTimepoint(db, { ...REPORT, scanDate: '2024-01-10' }));
    const followUp = value(await addReportTimepoint(db, { ...REPORT, scanDate: '2024-04-10', quote: 'Stable disease.' }));
    expect(failure(await setAssignedResponse(db, baseline.studyInstanceUid, { response: 'SD', reason: 'x' }))).toMatchObject({ reason: 'ASSIGNED_AT_BASELINE' });
    expect(failure(await setAssignedResponse(db, followUp.studyInstanceUid, { response: 'SD', reason: '  ' }))).toMatchObject({ reason: 'MALFORMED_INPUT' });
    const row = value(await setAssignedResponse(db, followUp.studyInstanceUid, { response: 'SD', reason: 'Stable disease.' }));
    expect(timepointSource(row)).toBe('assigned');
    const stored = await readPatientRecord(db, 'R1');
    const engine = toPatientRecord({ ...stored, patient: stored.patient ?? { id: 'R1', name: '' } });
    expect(engine.record.timepoints[1]?.assigned).toEqual({ response: 'SD', reason: 'Stable disease.' });
    expect(engine.unread).toEqual([]);
    expect(value(await setAssignedResponse(db, followUp.studyInstanceUid, undefined)).assigned).toBeUndefined();
  });
});

describe('schema v4', () => {
  it('opens a v3 database with its rows as image time points', async () => {
    const name = uniqueName();
    const v3 = new Dexie(name);
    v3.version(3).stores({ ...SCHEMA_V3 });
    await v3.open();
    await v3.table('patients').put({ id: 'P1', name: 'Doe^Jane' });
    await v3.table('timepoints').put({ studyInstanceUid: 'S1', patientId: 'P1', studyDate: '2023-03-01', studyDescription: 'CT', excluded: false });
    v3.close();
    const db = value(await openRecistDatabase(name));
    expect(db.verno).toBe(5);
    const record = await readPatientRecord(db, 'P1');
    expect(record.problems).toEqual([]);
    expect(record.timepoints.map(timepointSource)).toEqual(['image']);
    db.close();
  });

  it.each([
    ['a report date that is not a date', { report: { reportDate: 'soon', accessionNumber: 'A', quote: 'q' } }],
    ['a report dated before the scan', { report: { reportDate: '2023-02-01', accessionNumber: 'A', quote: 'q' } }],
    ['an assigned response outside CR PR SD PD NE', { assigned: { response: 'MR', reason: 'q' } }],
    ['an assigned response without a reason', { assigned: { response: 'SD' } }],
  ])('restore refuses %s', (_what, extra) => {
    const row = { studyInstanceUid: 'S1', patientId: 'P1', studyDate: '2023-03-01', studyDescription: 'CT', excluded: false, ...extra };
    expect(restoreTimepointRow(row).ok).toBe(false);
  });
});

describe('the batch import of assigned responses', () => {
  it('assigns to the follow-up of that date, creates a report time point where there is none, all in one go', async () => {
    const db = freshDatabase();
    value(await createReportPatient(db, { id: 'R1', name: '' }));
    const followUp = value(await addReportTimepoint(db, { ...REPORT, scanDate: '2024-04-10' }));
    value(await addReportTimepoint(db, { ...REPORT, scanDate: '2024-01-10' }));
    const result = value(await importAssignedResponses(db, [
      { line: 2, patientId: 'R1', scanDate: '2024-04-10', assigned: { response: 'SD', reason: 'stable' } },
      { line: 3, patientId: 'R1', scanDate: '2024-07-10', assigned: { response: 'PD', reason: 'new liver lesion' } },
    ]));
    expect(result).toEqual({ imported: 2, createdTimepoints: 1, problems: [] });
    const stored = await readPatientRecord(db, 'R1');
    expect(stored.timepoints.map((t) => [t.studyDate, t.assigned?.response])).toEqual([['2024-01-10', undefined], ['2024-04-10', 'SD'], ['2024-07-10', 'PD']]);
    expect(stored.timepoints.find((t) => t.studyInstanceUid === followUp.studyInstanceUid)?.report?.accessionNumber).toBe('ACC-1');
  });

  it('writes nothing when a line cannot be placed, and names its line and column', async () => {
    const db = freshDatabase();
    value(await createReportPatient(db, { id: 'R1', name: '' }));
    value(await addReportTimepoint(db, { ...REPORT, scanDate: '2024-01-10' }));
    const result = value(await importAssignedResponses(db, [
      { line: 2, patientId: 'R1', scanDate: '2024-04-10', assigned: { response: 'SD', reason: 'stable' } },
      { line: 3, patientId: 'R9', scanDate: '2024-04-10', assigned: { response: 'SD', reason: 'stable' } },
      { line: 4, patientId: 'R1', scanDate: '2024-01-10', assigned: { response: 'SD', reason: 'stable' } },
    ]));
    expect(result.imported).toBe(0);
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([[3, 'patient_id'], [4, 'scan_date']]);
    expect((await readPatientRecord(db, 'R1')).timepoints).toHaveLength(1);
  });
});
