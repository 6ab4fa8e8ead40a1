// Writes to patients and their time points. A patient's studies arrive each time its files are opened; what the
// reader decided about them (sign-off, exclusion, treatment date) must survive every re-import.
import { isIsoDate } from '../shared/isoDate';
import type { Result } from '../shared/result';
import type { IsoDate, PatientRow, TimepointRow } from '../tracking/types';
import type { RecistDatabase } from './database';
import { findPatient, findTimepoint, requirePatient } from './lookups';
import { requireUnlocked } from './locks';
import { invalid, type StoreError } from './storeError';
import { fail, writeTransaction } from './storeTransaction';

export interface StudyOfPatient {
  readonly studyInstanceUid: string;
  readonly studyDate: IsoDate;
  readonly studyDescription: string;
}

export interface PatientInput {
  readonly id: string;
  readonly name: string;
  readonly studies: readonly StudyOfPatient[];
}

function checkPatientInput(input: PatientInput): void {
  if (input.id === '') fail(invalid('MALFORMED_INPUT', 'patient id is empty'));
  for (const study of input.studies) {
    if (study.studyInstanceUid === '') fail(invalid('MALFORMED_INPUT', 'a study has an empty StudyInstanceUID'));
    // The engine orders time points by date; a study without one cannot be a time point.
    if (!isIsoDate(study.studyDate)) fail(invalid('MALFORMED_INPUT', `study ${study.studyInstanceUid} has date "${study.studyDate}"`));
  }
}

/**
 * A study the files put under this patient that the record already has under another: its StudyInstanceUID is the
 * same, its PatientID is not (it happens after a bad anonymisation, or two patients merged by mistake).
 */
export interface StudyClash {
  readonly studyInstanceUid: string;
  /** The patient the record has the study under, whose record is left as it is. */
  readonly recordedPatientId: string;
  /** The patient the files now name. */
  readonly filePatientId: string;
}

export interface EnsuredPatient {
  readonly patient: PatientRow;
  /** Studies left out of this patient's time points because another patient has them. */
  readonly clashes: readonly StudyClash[];
}

/**
 * Adds or refreshes the patient and one time point per study. Name, study date and description follow the files;
 * treatment date, exclusion and sign-off are the reader's and are never overwritten. Only what differs is written:
 * this runs every time a patient's files are opened, and IndexedDB appends a row put again unchanged to its log all
 * the same (about 2 KB of storage per opening of the sample patient, for a record that did not change).
 * A study already recorded under another patient is left with that patient and reported, not refused: refusing the
 * whole call left the patient unrecorded, and the record panel waiting for it for good.
 */
export function ensurePatient(db: RecistDatabase, input: PatientInput): Promise<Result<EnsuredPatient, StoreError>> {
  return writeTransaction(db, [db.patients, db.timepoints], async () => {
    checkPatientInput(input);
    const existing = await findPatient(db, input.id);
    const patient: PatientRow = existing === undefined
      ? { id: input.id, name: input.name }
      : { ...existing, name: input.name };
    if (existing?.name !== input.name) await db.patients.put(patient);
    const clashes: StudyClash[] = [];
    for (const study of input.studies) {
      const before = await findTimepoint(db, study.studyInstanceUid);
      if (before !== undefined && before.patientId !== input.id) {
        clashes.push({ studyInstanceUid: study.studyInstanceUid, recordedPatientId: before.patientId, filePatientId: input.id });
        continue;
      }
      if (before !== undefined && before.studyDate === study.studyDate && before.studyDescription === study.studyDescription) continue;
      const timepoint: TimepointRow = before === undefined
        ? { ...study, patientId: input.id, excluded: false }
        : { ...before, studyDate: study.studyDate, studyDescription: study.studyDescription };
      await db.timepoints.put(timepoint);
    }
    return { patient, clashes };
  });
}

/** Sets or (with undefined) removes the start of treatment. */
export function setTreatmentDate(
  db: RecistDatabase,
  patientId: string,
  date: IsoDate | undefined,
): Promise<Result<PatientRow, StoreError>> {
  return writeTransaction(db, [db.patients], async () => {
    if (date !== undefined && !isIsoDate(date)) fail(invalid('MALFORMED_INPUT', `treatment date "${date}"`));
    const { treatmentDate: _removed, ...rest } = await requirePatient(db, patientId);
    const patient: PatientRow = date === undefined ? rest : { ...rest, treatmentDate: date };
    await db.patients.put(patient);
    return patient;
  });
}

/** Leaves a time point out of (or back in) the assessment; refused while it is signed off. */
export function setTimepointExcluded(
  db: RecistDatabase,
  studyUid: string,
  excluded: boolean,
): Promise<Result<TimepointRow, StoreError>> {
  return writeTransaction(db, [db.timepoints], async () => {
    const timepoint: TimepointRow = { ...(await requireUnlocked(db, studyUid)), excluded };
    await db.timepoints.put(timepoint);
    return timepoint;
  });
}
