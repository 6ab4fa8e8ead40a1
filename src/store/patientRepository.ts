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
 * Adds or refreshes the patient and one time point per study. Name, study date and description follow the files;
 * treatment date, exclusion and sign-off are the reader's and are never overwritten. Only what differs is written:
 * this runs every time a patient's files are opened, and IndexedDB appends a row put again unchanged to its log all
 * the same (about 2 KB of storage per opening of the sample patient, for a record that did not change).
 */
export function ensurePatient(db: RecistDatabase, input: PatientInput): Promise<Result<PatientRow, StoreError>> {
  return writeTransaction(db, [db.patients, db.timepoints], async () => {
    checkPatientInput(input);
    const existing = await findPatient(db, input.id);
    const patient: PatientRow = existing === undefined
      ? { id: input.id, name: input.name }
      : { ...existing, name: input.name };
    if (existing?.name !== input.name) await db.patients.put(patient);
    for (const study of input.studies) {
      const before = await findTimepoint(db, study.studyInstanceUid);
      if (before !== undefined && before.patientId !== input.id) {
        fail(invalid('PATIENT_MISMATCH', `study ${study.studyInstanceUid} already belongs to patient ${before.patientId}`));
      }
      if (before !== undefined && before.studyDate === study.studyDate && before.studyDescription === study.studyDescription) continue;
      const timepoint: TimepointRow = before === undefined
        ? { ...study, patientId: input.id, excluded: false }
        : { ...before, studyDate: study.studyDate, studyDescription: study.studyDescription };
      await db.timepoints.put(timepoint);
    }
    return patient;
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
