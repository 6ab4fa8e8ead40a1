// Writes of a patient's clinical data: the form's save and the CSV import. Both check the same rules
// (clinicalRules.ts) against the patient's baseline, inside the transaction that writes; a refusal writes nothing.
import { err, ok, type Result } from '../shared/result';
import { orderTimepoints } from '../tracking/timepoints';
import type { IsoDate, PatientRow } from '../tracking/types';
import {
  applyClinicalChanges, clinicalProblems, type ClinicalChanges, type ClinicalDataError, type ClinicalImportLine, type ClinicalProblem,
} from './clinicalRules';
import type { RecistDatabase } from './database';
import { findPatient, requirePatient } from './lookups';
import { restoreAll, restoreTimepointRow } from './restore';
import type { StoreError } from './storeError';
import { writeTransaction } from './storeTransaction';

const invalidClinical = (problems: readonly ClinicalProblem[]): ClinicalDataError => ({ code: 'CLINICAL_DATA_INVALID', problems });

/** The date of the patient's baseline: its earliest included time point (the engine's baseline). */
async function baselineDateOf(db: RecistDatabase, patientId: string): Promise<IsoDate | undefined> {
  const rows = restoreAll(await db.timepoints.where('patientId').equals(patientId).toArray(), restoreTimepointRow).rows;
  return orderTimepoints(rows, undefined).find((t) => t.ordinal === 0)?.row.studyDate;
}

/** Flattens the transaction's outcome: its storage failure, or the body's own refusal, or the value. */
function flatten<T>(result: Result<Result<T, ClinicalDataError>, StoreError>): Result<T, StoreError | ClinicalDataError> {
  return result.ok ? result.value : result;
}

/**
 * Changes the patient's clinical data (see ClinicalChanges: undefined keeps a field, null removes it). Refused with
 * every broken rule (dates YYYY-MM-DD, cycles a whole number >= 0, death not before baseline, last known alive not
 * after death, covariate names usable as column names).
 */
export async function setClinicalData(
  db: RecistDatabase,
  patientId: string,
  changes: ClinicalChanges,
): Promise<Result<PatientRow, StoreError | ClinicalDataError>> {
  return flatten(await writeTransaction(db, [db.patients, db.timepoints], async (): Promise<Result<PatientRow, ClinicalDataError>> => {
    const patient = applyClinicalChanges(await requirePatient(db, patientId), changes);
    const problems = clinicalProblems(patient, await baselineDateOf(db, patientId));
    if (problems.length > 0) return err(invalidClinical(problems));
    await db.patients.put(patient);
    return ok(patient);
  }));
}

/**
 * Applies the clinical data of many patients at once, all or nothing: an unknown patient or any broken rule on any
 * line refuses the whole import, with every problem and its line.
 */
export async function importClinicalData(
  db: RecistDatabase,
  lines: readonly ClinicalImportLine[],
): Promise<Result<{ readonly updated: number }, StoreError | ClinicalDataError>> {
  return flatten(await writeTransaction(db, [db.patients, db.timepoints], async (): Promise<Result<{ updated: number }, ClinicalDataError>> => {
    const problems: ClinicalProblem[] = [];
    const rows: PatientRow[] = [];
    for (const { line, patientId, changes } of lines) {
      const before = await findPatient(db, patientId);
      if (before === undefined) {
        problems.push({ code: 'UNKNOWN_PATIENT', line, column: 'patient_id', value: patientId });
        continue;
      }
      const patient = applyClinicalChanges(before, changes);
      const found = clinicalProblems(patient, await baselineDateOf(db, patientId));
      problems.push(...found.map((p) => ({ ...p, line })));
      rows.push(patient);
    }
    if (problems.length > 0) return err(invalidClinical(problems));
    await db.patients.bulkPut(rows);
    return ok({ updated: rows.length });
  }));
}
