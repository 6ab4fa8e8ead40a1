// A measurement CSV from another workstation merges by patient and lesion label: what is missing here is added,
// what is the same is counted, what differs is reported as a conflict and left as it is here.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { assessTracked } from '../../src/export/assessTracked';
import { DEFAULT_CSV_FORMAT } from '../../src/export/csvFormat';
import { buildExport } from '../../src/export/exportFiles';
import { readMeasurementLines } from '../../src/export/measurementImport';
import type { RecistDatabase } from '../../src/store/database';
import { mergeMeasurementLines } from '../../src/store/measurementImportRepository';
import { readAllRecords } from '../../src/store/readAllRecords';
import { readPatientRecord } from '../../src/store/readPatientRecord';
import { signOffTimepoint } from '../../src/store/signOffRepository';
import { putMeasurement } from '../../src/store/measurementRepository';
import type { TrackedPatient } from '../../src/tracking/toPatientRecord';
import { describeMergeConflict, describeMergeReport } from '../../src/ui/messages';
import { reading, SAMPLE_LIKE } from '../export/fixtures';
import { BASELINE, FOLLOW_UP, PATIENT, SIGN_OFF, databaseWithPatient, freshDatabase, lesion, measurement, value } from './fixtures';

async function merge(db: RecistDatabase, csv: string) {
  const read = readMeasurementLines(csv);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return value(await mergeMeasurementLines(db, read.lines));
}

function csvOf(patients: TrackedPatient[]): string {
  const file = buildExport('measurements', patients, { format: DEFAULT_CSV_FORMAT, landmarkDays: 91, deidentify: undefined });
  if (!file.ok) throw new Error('export failed');
  return file.value.text;
}

const HEADER = 'patient_id,timepoint,scan_date,lesion_id,category,organ,nodal,long_axis_mm,short_axis_mm,state';

describe('into an empty database', () => {
  it('recreates patients, time points, lesions and values that give the same responses', async () => {
    const other = reading(SAMPLE_LIKE);
    const db = freshDatabase();
    const report = await merge(db, csvOf([other]));
    expect(report).toEqual({ added: 16, unchanged: 0, createdPatients: 1, createdTimepoints: 3, createdLesions: 6, conflicts: [] });
    const [here] = value(await readAllRecords(db)).patients;
    if (!here) throw new Error('no patient');
    // Values merged from a CSV were not drawn here: they count as from a report (tracking/source.ts), the rest is equal.
    const withoutSource = (r: ReturnType<typeof assessTracked>['engine']['record']) => r.timepoints.map(({ measurementSource: _source, ...t }) => t);
    expect(withoutSource(assessTracked(here).engine.record)).toEqual(withoutSource(assessTracked(other).engine.record));
    expect(assessTracked(here).engine.record.timepoints.map((t) => t.measurementSource)).toEqual(['report', 'report', 'report']);
    expect(assessTracked(here).assessment?.timepoints.map((t) => t.overallResponse)).toEqual([null, 'PR', 'PD']);
  });

  it('importing the same file again changes nothing and reports every value as already the same', async () => {
    const db = freshDatabase();
    const csv = csvOf([reading(SAMPLE_LIKE)]);
    await merge(db, csv);
    const before = value(await readAllRecords(db));
    expect(await merge(db, csv)).toEqual({ added: 0, unchanged: 16, createdPatients: 0, createdTimepoints: 0, createdLesions: 0, conflicts: [] });
    expect(value(await readAllRecords(db))).toEqual(before);
  });
});

describe('into a record that has some of it', () => {
  it('matches time points by scan date and lesions by label; adds what is missing here', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    value(await putMeasurement(db, measurement(t1, BASELINE), { replaceOthers: false })); // 35.0 mm
    const report = await merge(db, [
      HEADER,
      `${PATIENT},Baseline,2024-01-10,T1,target,liver,no,35.0,,measured`,
      `${PATIENT},Follow-up 1,2024-04-10,T1,target,liver,no,31.5,,measured`,
      `${PATIENT},Baseline,2024-01-10,NT1,non-target,lung,no,,,present`,
      `${PATIENT},Follow-up 1,2024-04-10,NT1,non-target,lung,no,,,absent`,
    ].join('\n'));
    expect(report).toMatchObject({ added: 3, unchanged: 1, createdTimepoints: 0, createdLesions: 1, conflicts: [] });
    const record = await readPatientRecord(db, PATIENT);
    expect(record.problems).toEqual([]);
    expect(record.findings.filter((f) => f.studyInstanceUid === FOLLOW_UP).map((f) => f.state).sort()).toEqual(['absent', 'measured']);
    expect(describeMergeReport(report)).toBe('Imported 3 values, 1 already the same, no conflicts; 1 new lesion.');
  });

  it('reports a different value at the same lesion and time point as a conflict and keeps this record\'s', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    value(await putMeasurement(db, measurement(t1, BASELINE), { replaceOthers: false }));
    const report = await merge(db, `${HEADER}\n${PATIENT},Baseline,2024-01-10,T1,target,liver,no,48.0,,measured\n`);
    expect(report.conflicts).toEqual([{ code: 'VALUE_DIFFERS', lines: [2], patientId: PATIENT, label: 'T1', scanDate: '2024-01-10', here: 'measured 35.0', imported: 'measured 48.0' }]);
    expect(report.added).toBe(0);
    expect((await db.measurements.toArray()).map((m) => m.longAxis)).toEqual([measurement(t1, BASELINE).longAxis]);
    expect(describeMergeConflict(report.conflicts[0] as never)).toBe(`line 2: T1 of ${PATIENT} on 2024-01-10: recorded here as "measured 35.0", the file says "measured 48.0". Kept as it is here.`);
  });

  // This record has T1, a liver target measured at baseline (35.0 mm).
  it.each([
    ['a label of another category here', [`${PATIENT},Baseline,2024-01-10,T1,non-target,liver,no,,,present`], 'LESION_DIFFERS'],
    ['another organ here', [`${PATIENT},Baseline,2024-01-10,T1,target,lung,no,35.0,,measured`], 'LESION_DIFFERS'],
    ['a label that does not fit its category', [`${PATIENT},Baseline,2024-01-10,NT5,target,liver,no,12.0,,measured`], 'LABEL_NOT_OF_CATEGORY'],
    ['a lymph node that is not nodal', [`${PATIENT},Baseline,2024-01-10,T2,target,lymph node,no,20.0,,measured`], 'ORGAN_NOT_NODAL'],
    ['a short axis of 0.5 mm', [`${PATIENT},Baseline,2024-01-10,T2,target,liver,no,20.0,0.5,measured`], 'BELOW_MEASUREMENT_FLOOR'],
  ])('does not import %s', async (_what, lines, code) => {
    const db = await databaseWithPatient();
    await lesion(db);
    const report = await merge(db, [HEADER, ...lines].join('\n'));
    expect(report.conflicts.map((c) => [c.code, c.lines])).toEqual([[code, [2]]]);
    expect(report.added).toBe(0);
  });

  it('does not import a measured target of 0 mm at a follow-up: a lesion that has gone is absent, not a 0 mm line', async () => {
    const db = await databaseWithPatient();
    await lesion(db);
    const report = await merge(db, `${HEADER}\n${PATIENT},Baseline,2024-01-10,T1,target,liver,no,35.0,,measured\n${PATIENT},Follow-up 1,2024-04-10,T1,target,liver,no,0,,measured\n`);
    expect(report.conflicts.map((c) => [c.code, c.lines])).toEqual([['BELOW_MEASUREMENT_FLOOR', [3]]]);
    // The baseline's 35.0 mm is added; the follow-up's 0 mm is not.
    expect(report.added).toBe(1);
    expect(await db.measurements.where('studyInstanceUid').equals(FOLLOW_UP).count()).toBe(0);
    expect(describeMergeConflict(report.conflicts[0] as never)).toContain('a diameter under 1 mm is not a measurement');
  });

  it('does not write into a signed-off time point', async () => {
    const db = await databaseWithPatient();
    value(await signOffTimepoint(db, FOLLOW_UP, SIGN_OFF));
    const report = await merge(db, `${HEADER}\n${PATIENT},Baseline,2024-01-10,NT1,non-target,lung,no,,,present\n${PATIENT},Follow-up 1,2024-04-10,NT1,non-target,lung,no,,,absent\n`);
    expect(report.conflicts.map((c) => [c.code, c.lines])).toEqual([['TIMEPOINT_SIGNED_OFF', [3]]]);
    expect(report.added).toBe(1);
  });

  it('adds no lesion whose first time point is signed off here', async () => {
    const db = await databaseWithPatient();
    value(await signOffTimepoint(db, BASELINE, SIGN_OFF));
    const report = await merge(db, `${HEADER}\n${PATIENT},Baseline,2024-01-10,NT1,non-target,lung,no,,,present\n${PATIENT},Follow-up 1,2024-04-10,NT1,non-target,lung,no,,,absent\n`);
    expect(report.conflicts.map((c) => [c.code, c.lines])).toEqual([['TIMEPOINT_SIGNED_OFF', [2, 3]]]);
    expect(await db.lesions.count()).toBe(0);
  });

  it('does not guess between two studies of the same date', async () => {
    const db = await databaseWithPatient();
    await db.timepoints.put({ studyInstanceUid: 'second', patientId: PATIENT, studyDate: '2024-04-10', studyDescription: 'PET', excluded: false });
    const report = await merge(db, `${HEADER}\n${PATIENT},Baseline,2024-01-10,NT1,non-target,lung,no,,,present\n${PATIENT},Follow-up 1,2024-04-10,NT1,non-target,lung,no,,,absent\n`);
    expect(report.conflicts.map((c) => c.code)).toEqual(['TIMEPOINT_AMBIGUOUS']);
  });
});
