// A measurement CSV's sign-off, read back: the time points the import made are signed off as the file says, with the
// response the record gives them; a time point already signed off, or of this record's own studies, is left alone.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { signOffImported } from '../../src/app/export/signOffImported';
import { DEFAULT_CSV_FORMAT } from '../../src/export/csvFormat';
import { buildExport } from '../../src/export/exportFiles';
import { readMeasurementLines } from '../../src/export/measurementImport';
import { mergeMeasurementLines } from '../../src/store/measurementImportRepository';
import { readAllRecords } from '../../src/store/readAllRecords';
import type { TrackedPatient } from '../../src/tracking/toPatientRecord';
import { reading, SAMPLE_LIKE } from '../export/fixtures';
import { freshDatabase, value } from '../store/fixtures';

const SIGNED_AT = '2023-04-18T10:00:00.000Z';

/** The sample-like reading with its first follow-up (2023-04-17, PR) signed off by Dr A. */
function signedReading(): TrackedPatient {
  const tracked = reading(SAMPLE_LIKE);
  return {
    ...tracked,
    timepoints: tracked.timepoints.map((t) => (t.studyDate === '2023-04-17'
      ? { ...t, signOff: { reader: 'Dr A', at: SIGNED_AT, overallResponse: 'PR', explanation: '' } }
      : t)),
  };
}

function lines() {
  const file = buildExport('measurements', [signedReading()], { format: DEFAULT_CSV_FORMAT, landmarkDays: 91, deidentify: undefined });
  if (!file.ok) throw new Error('export failed');
  const read = readMeasurementLines(file.value.text);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.lines;
}

describe('signOffImported', () => {
  it('signs off the imported follow-up as the file says, with the response the record gives it, and nothing else', async () => {
    const db = freshDatabase();
    value(await mergeMeasurementLines(db, lines()));
    expect(await signOffImported(db, lines())).toBe(1);
    const [patient] = value(await readAllRecords(db)).patients;
    const signed = patient?.timepoints.filter((t) => t.signOff !== undefined) ?? [];
    expect(signed.map((t) => [t.studyDate, t.signOff?.reader, t.signOff?.at, t.signOff?.overallResponse])).toEqual([['2023-04-17', 'Dr A', SIGNED_AT, 'PR']]);
    // Again: already signed off, nothing changes.
    expect(await signOffImported(db, lines())).toBe(0);
  });
});
