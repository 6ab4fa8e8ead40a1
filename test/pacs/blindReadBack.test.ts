// Reading back a blind double read from the PACS (issue 20): only the reader's own reports join their record; the
// other reader's reports go to that reader's own record, and none of them is seen here.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readBackFromPacs, readBackLine } from '../../src/app/pacs/readBackFromPacs';
import type { PacsClient } from '../../src/pacs/pacsClient';
import { ok } from '../../src/shared/result';
import { buildMeasurementReport } from '../../src/sr/buildMeasurementReport';
import { readPatientRecord } from '../../src/store/readPatientRecord';
import type { TrackedPatient } from '../../src/tracking/toPatientRecord';
import { sampleRecord } from '../sr/sampleRecord';
import { freshDatabase } from '../store/fixtures';

const readBy = (reader: string): TrackedPatient => {
  const record = sampleRecord();
  return { ...record, timepoints: record.timepoints.map((t) => ({ ...t, signOff: t.signOff && { ...t.signOff, reader } })) };
};

/** A PACS holding one SR per time point of each read given. */
function pacsWith(...reads: TrackedPatient[]): PacsClient {
  const files = reads.flatMap((record) => record.timepoints.map((t) => {
    const built = buildMeasurementReport({ patient: record, studyInstanceUid: t.studyInstanceUid, createdAt: '2024-01-01T10:00:00.000Z' });
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    return { study: t.studyInstanceUid, bytes: built.value.bytes };
  }));
  const patientId = reads[0]?.patient.id ?? '';
  const studies = [...new Set(files.map((f) => f.study))];
  const fake = {
    searchStudies: async () => ok(studies.map((studyInstanceUid) => ({ studyInstanceUid, patientId }))),
    reportsOf: async (study: string) => ok(files.map((f, i) => ({ f, i })).filter(({ f }) => f.study === study).map(({ i }) => ({ index: i }))),
    retrieveInstance: async (instance: { index: number }) => ok(files[instance.index]?.bytes ?? new Uint8Array()),
  };
  return fake as unknown as PacsClient;
}

describe('read back of a blind double read', () => {
  it('takes only the reader\'s own reports; the other reader\'s go to their own record', async () => {
    const mine = freshDatabase();
    const theirs = freshDatabase();
    const patientId = sampleRecord().patient.id;
    const result = await readBackFromPacs(mine, pacsWith(readBy('Dr A'), readBy('Dr B')), patientId, {
      blind: { reader: 'Dr B', recordOf: async (reader) => (reader === 'Dr A' ? theirs : undefined) },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.otherReaders).toBe(3);
    expect(result.value.reports).toBe(3);
    expect(readBackLine(result.value)).toContain('3 reports of other readers of this blind double read went to their own records, unseen here.');
    const here = await readPatientRecord(mine, patientId);
    expect(new Set(here.timepoints.map((t) => t.signOff?.reader))).toEqual(new Set(['Dr B']));
    const there = await readPatientRecord(theirs, patientId);
    expect(new Set(there.timepoints.map((t) => t.signOff?.reader))).toEqual(new Set(['Dr A']));
    expect(there.measurements.length).toBe(here.measurements.length);
  });

  it('without a blind read, every report joins this record, as at a second workstation', async () => {
    const db = freshDatabase();
    const result = await readBackFromPacs(db, pacsWith(readBy('Dr A')), sampleRecord().patient.id);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.adopted.length).toBe(3);
    expect(result.value.otherReaders).toBe(0);
  });
});
