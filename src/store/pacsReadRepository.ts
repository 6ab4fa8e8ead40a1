// Taking a time point's read from the PACS (its SR, rebuilt as record rows by src/sr) into this browser's record.
// Called for a time point with no read here, or when the reader chose the PACS read over this browser's: then this
// time point's findings and measurements are replaced, in one transaction, and nothing else of the record changes.
import type { TrackedPatient } from '../tracking/toPatientRecord';
import type { LesionRow, TimepointRow } from '../tracking/types';
import { nextFreeLabel } from './lesionLabels';
import type { RecistDatabase } from './database';
import { restoreFindingRow, restoreLesionRow, restoreMeasurementRow, restoreTimepointRow } from './restore';
import { invalid, type StoreError } from './storeError';
import { fail, writeTransaction } from './storeTransaction';
import type { Result } from '../shared/result';

/** `pacs` in this browser's lesion ids (pacs/compareReads inLocalTerms). */
export function adoptPacsRead(db: RecistDatabase, pacs: TrackedPatient, studyInstanceUid: string): Promise<Result<TimepointRow, StoreError>> {
  const tables = [db.patients, db.timepoints, db.lesions, db.findings, db.measurements];
  return writeTransaction(db, tables, async () => {
    const patientId = pacs.patient.id;
    const read = pacs.timepoints.find((t) => t.studyInstanceUid === studyInstanceUid);
    if (!read) fail(invalid('MALFORMED_INPUT', `the PACS has no read of study ${studyInstanceUid}`));
    const here = await db.timepoints.get(studyInstanceUid);
    if (here && here.patientId !== patientId) fail(invalid('PATIENT_MISMATCH', `study ${studyInstanceUid} belongs to patient ${here.patientId} here`));
    if (!(await db.patients.get(patientId))) await db.patients.put(pacs.patient);

    // The time point as it is here (exclusion, report fields), with the PACS read's sign-off.
    const { signOff: _localSignOff, ...base } = here ?? read;
    const timepoint: TimepointRow = { ...base, ...(read.signOff ? { signOff: read.signOff } : {}) };
    const findings = pacs.findings.filter((f) => f.studyInstanceUid === studyInstanceUid);
    const measurements = pacs.measurements.filter((m) => m.studyInstanceUid === studyInstanceUid);
    const needed = new Set([...findings.map((f) => f.lesionId), ...findings.flatMap((f) => (f.mergedIntoLesionId ? [f.mergedIntoLesionId] : [])), ...measurements.map((m) => m.lesionId)]);
    const lesions: LesionRow[] = [];
    for (const lesion of pacs.lesions) {
      if (needed.has(lesion.id) && !(await db.lesions.get(lesion.id))) lesions.push(lesion);
    }
    // A lesion new here keeps its PACS label unless one of this record's own lesions has it: then the next free one
    // (two T1s in one record would be two lesions under one name in every table and export).
    const ownLabels = new Set((await db.lesions.where('patientId').equals(patientId).toArray()).map((l) => l.label));
    const taken = new Set([...ownLabels, ...lesions.map((l) => l.label)]);
    const labelled = lesions.map((lesion) => {
      if (!ownLabels.has(lesion.label)) return lesion;
      const label = nextFreeLabel(lesion.category, taken);
      taken.add(label);
      return { ...lesion, label };
    });
    for (const [what, check] of [
      ['time point', restoreTimepointRow(timepoint)], ...labelled.map((l) => ['lesion', restoreLesionRow(l)] as const),
      ...findings.map((f) => ['finding', restoreFindingRow(f)] as const), ...measurements.map((m) => ['measurement', restoreMeasurementRow(m)] as const),
    ] as const) {
      if (!check.ok) fail(invalid('MALFORMED_INPUT', `the PACS read's ${what}: ${check.error.detail}`));
    }

    await db.findings.where('studyInstanceUid').equals(studyInstanceUid).filter((f) => f.patientId === patientId).delete();
    await db.measurements.where('studyInstanceUid').equals(studyInstanceUid).filter((m) => m.patientId === patientId).delete();
    await db.timepoints.put(timepoint);
    await db.lesions.bulkPut(labelled);
    await db.findings.bulkPut(findings);
    await db.measurements.bulkPut(measurements);
    return timepoint;
  });
}
