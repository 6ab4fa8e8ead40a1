// Every reader's read of a patient, each from that reader's own record (database), for the double-read list, the
// adjudication and the adjudicated survival table: assessed by the same engine call as the reading screen, with
// the follow-ups signed off counted.
import type { ReaderRead } from '../../agreement/doubleReadStatus';
import { readAllRecords } from '../../store/readAllRecords';
import { readPatientRecord } from '../../store/readPatientRecord';
import type { ReaderEntry } from '../../store/workstation';
import type { TrackedPatient } from '../../tracking/toPatientRecord';
import { deriveRecord, trackedPatient } from '../tracking/deriveRecord';
import { recordDatabase } from '../tracking/recordDatabase';

export interface ReaderRecord extends ReaderRead {
  /** The reader's rows, for drawing their measurements; undefined when they have no record of the patient. */
  readonly tracked: TrackedPatient | undefined;
}

export function readerRecord(reader: string, tracked: TrackedPatient | undefined): ReaderRecord {
  if (!tracked) return { reader, assessment: undefined, followUps: 0, signedOffFollowUps: 0, tracked: undefined };
  const derived = deriveRecord(tracked);
  // A follow-up with nothing recorded yet (a study the import found but nobody read) is not part of the read.
  const unread = new Set(derived.engine.unread.map((t) => t.row.studyInstanceUid));
  const followUps = derived.ordered.filter((t) => t.ordinal !== undefined && t.ordinal > 0 && !unread.has(t.row.studyInstanceUid));
  return {
    reader,
    assessment: derived.assessment && { ...derived.assessment, reader },
    followUps: followUps.length,
    signedOffFollowUps: followUps.filter((t) => t.row.signOff !== undefined).length,
    tracked,
  };
}

/** One patient in every reader's record; a record that cannot be opened is left out (its reader's screen says why). */
export async function readerRecords(readers: readonly ReaderEntry[], patientId: string): Promise<ReaderRecord[]> {
  const records = await Promise.all(readers.map(async (entry) => {
    const db = await recordDatabase(entry.databaseName);
    return db.ok ? readerRecord(entry.name, trackedPatient(await readPatientRecord(db.value, patientId))) : undefined;
  }));
  return records.filter((r): r is ReaderRecord => r !== undefined);
}

/** Every patient of every reader's record: patient id -> the reads, in the readers' order. */
export async function allReaderRecords(readers: readonly ReaderEntry[]): Promise<Map<string, ReaderRecord[]>> {
  const byReader = await Promise.all(readers.map(async (entry) => {
    const db = await recordDatabase(entry.databaseName);
    const all = db.ok ? await readAllRecords(db.value) : undefined;
    return { entry, patients: all?.ok ? all.value.patients : [] };
  }));
  const ids = [...new Set(byReader.flatMap((r) => r.patients.map((p) => p.patient.id)))];
  return new Map(ids.map((id) => [id, byReader.map(({ entry, patients }) => readerRecord(entry.name, patients.find((p) => p.patient.id === id)))]));
}
