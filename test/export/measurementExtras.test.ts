// The measurement CSV's optional location and sign-off columns: written by the app's export (and `recist export`,
// which builds the same file), read back by the import, accepted by `recist assess`, refused when malformed.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { runRecistCli } from '../../src/cli/run';
import { DEFAULT_CSV_FORMAT } from '../../src/export/csvFormat';
import { buildExport } from '../../src/export/exportFiles';
import { readMeasurementLines } from '../../src/export/measurementImport';
import { readMeasurementCsv, readMeasurementRows } from '../../src/export/readMeasurementCsv';
import { mergeMeasurementLines } from '../../src/store/measurementImportRepository';
import { readAllRecords } from '../../src/store/readAllRecords';
import type { TrackedPatient } from '../../src/tracking/toPatientRecord';
import { freshDatabase, value } from '../store/fixtures';
import { reading, SAMPLE_LIKE } from './fixtures';

const SIGNED_AT = '2023-01-10T09:30:00.000Z';

/** The sample-like reading with T1 in segment VIII and the baseline signed off by Dr A. */
function signedReading(): TrackedPatient {
  const tracked = reading(SAMPLE_LIKE);
  const baselineUid = [...tracked.timepoints].sort((a, b) => (a.studyDate < b.studyDate ? -1 : 1))[0]?.studyInstanceUid;
  return {
    ...tracked,
    lesions: tracked.lesions.map((l) => (l.label === 'T1' ? { ...l, location: 'segment VIII' } : l)),
    timepoints: tracked.timepoints.map((t) => (t.studyInstanceUid === baselineUid
      ? { ...t, signOff: { reader: 'Dr A', at: SIGNED_AT, overallResponse: 'NA', explanation: 'Baseline.' } }
      : t)),
  };
}

function exported(patients: TrackedPatient[]): string {
  const file = buildExport('measurements', patients, { format: DEFAULT_CSV_FORMAT, landmarkDays: 91, deidentify: undefined });
  if (!file.ok) throw new Error(JSON.stringify(file.error));
  return file.value.text;
}

const HEADER = 'patient_id,timepoint,scan_date,lesion_id,category,organ,nodal,long_axis_mm,short_axis_mm,state';

describe('location and sign-off in the measurement CSV', () => {
  it('the export writes each lesion\'s location and each time point\'s sign-off (reader, UTC time); blank when none', () => {
    const lines = exported([signedReading()]).trim().split('\n');
    expect(lines[0]?.endsWith(',source,location,signed_off_by,signed_off_at')).toBe(true);
    expect(lines).toContain(`P1,Baseline,2023-01-09,T1,target,liver,no,32.0,,measured,image,segment VIII,Dr A,${SIGNED_AT}`);
    expect(lines).toContain('P1,Baseline,2023-01-09,T4,target,lymph node,yes,19.0,14.0,measured,image,,Dr A,2023-01-10T09:30:00.000Z');
    expect(lines.filter((l) => l.includes(',Follow-up 1,')).every((l) => l.endsWith(',,'))).toBe(true);
  });

  it('reads back: each row has its location and sign-off, and the import takes the location', () => {
    const read = readMeasurementRows(exported([signedReading()]));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const t1 = read.rows.find((r) => r.lesionId === 'T1' && r.timepoint === 'Baseline');
    expect([t1?.location, t1?.signOff]).toEqual(['segment VIII', { reader: 'Dr A', at: SIGNED_AT }]);
    expect(read.rows.find((r) => r.lesionId === 'T1' && r.timepoint === 'Follow-up 1')?.signOff).toBeUndefined();
    const lines = readMeasurementLines(exported([signedReading()]));
    expect(lines.ok && lines.lines.find((l) => l.label === 'T1')?.location).toBe('segment VIII');
  });

  it('a merge into an empty record creates the lesion at its location', async () => {
    const read = readMeasurementLines(exported([signedReading()]));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const db = freshDatabase();
    value(await mergeMeasurementLines(db, read.lines));
    const [patient] = value(await readAllRecords(db)).patients;
    expect(patient?.lesions.find((l) => l.label === 'T1')?.location).toBe('segment VIII');
  });

  it('`recist assess` accepts the file with them, and gives the same responses as without', () => {
    const withExtras = exported([signedReading()]);
    const run = (text: string) => runRecistCli(['assess', 'm.csv', '--per-patient'], { readFile: () => text, readBytes: () => new Uint8Array() });
    const out = run(withExtras);
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe(run(exported([reading(SAMPLE_LIKE)])).stdout);
  });

  it.each([
    ['a time that is not UTC ISO 8601', 'Dr A,yesterday', 'signed_off_at "yesterday" is not a UTC time; write it as YYYY-MM-DDTHH:MM:SSZ (or leave it blank)'],
    ['a time without its reader', `,${SIGNED_AT}`, 'signed_off_at is given without signed_off_by: name the reader who signed off'],
    ['a reader without a time', 'Dr A,', 'signed_off_by is given without signed_off_at: give the time of the sign-off'],
  ])('refuses %s, with its line', (_what, cells, message) => {
    const read = readMeasurementCsv(`${HEADER},location,signed_off_by,signed_off_at\nP1,B,2024-01-01,T1,target,liver,no,30,,,segment VIII,${cells}\n`);
    expect(read.ok ? [] : read.problems).toEqual([{ line: 2, message }]);
  });

  it('a file without them, or with only location, reads as before', () => {
    expect(readMeasurementCsv(`${HEADER}\nP1,B,2024-01-01,T1,target,liver,no,30,,\n`).ok).toBe(true);
    const read = readMeasurementRows(`${HEADER},location\nP1,B,2024-01-01,T1,target,liver,no,30,,,segment II\n`);
    expect(read.ok && read.rows[0]?.location).toBe('segment II');
  });
});
