// Writes for readings from radiology reports: a patient recorded without any DICOM, a time point without images
// (report date, accession number, quoted sentence), and a follow-up's reader-assigned overall response. Lesion
// values typed in from a report go through measurementRepository like drawn ones (tracking/typedMeasurement.ts).
import type { AssignedResponse } from '../recist/types';
import type { Result } from '../shared/result';
import { REPORT_TIMEPOINT_PREFIX } from '../tracking/source';
import type { PatientRow, TimepointRow } from '../tracking/types';
import type { RecistDatabase } from './database';
import { findPatient, requirePatient } from './lookups';
import { requireUnlocked } from './locks';
import { ASSIGNED_RESPONSES, checkReportTimepoint, type ReportTimepointInput } from './reportRules';
import { invalid, type StoreError } from './storeError';
import { fail, writeTransaction } from './storeTransaction';

/** A new patient with no studies: its time points will all come from reports. Refused when the ID is taken. */
export function createReportPatient(db: RecistDatabase, input: { readonly id: string; readonly name: string }): Promise<Result<PatientRow, StoreError>> {
  return writeTransaction(db, [db.patients], async () => {
    const id = input.id.trim();
    if (id === '') fail(invalid('MALFORMED_INPUT', 'patient id is empty'));
    if ((await findPatient(db, id)) !== undefined) fail(invalid('PATIENT_EXISTS', `patient ${id} is already in this database`));
    const patient: PatientRow = { id, name: input.name.trim() };
    await db.patients.add(patient);
    return patient;
  });
}

/** A time point read from a report; the form's problems (reportRules.ts) are refused as MALFORMED_INPUT. */
export function addReportTimepoint(db: RecistDatabase, input: ReportTimepointInput): Promise<Result<TimepointRow, StoreError>> {
  return writeTransaction(db, [db.patients, db.timepoints], async () => {
    const problems = checkReportTimepoint(input);
    if (problems.length > 0) fail(invalid('MALFORMED_INPUT', problems.map((p) => `${p.field}: ${p.code}`).join('; ')));
    await requirePatient(db, input.patientId);
    const row: TimepointRow = {
      studyInstanceUid: `${REPORT_TIMEPOINT_PREFIX}${input.patientId}:${input.scanDate}:${crypto.randomUUID()}`,
      patientId: input.patientId,
      studyDate: input.scanDate,
      studyDescription: `report ${input.accessionNumber.trim()}`,
      excluded: false,
      report: {
        reportDate: input.reportDate === '' ? input.scanDate : input.reportDate,
        accessionNumber: input.accessionNumber.trim(),
        quote: input.quote.trim(),
      },
    };
    await db.timepoints.add(row);
    return row;
  });
}

/**
 * Sets (or, with undefined, removes) the reader's overall response of a follow-up. The baseline has no response to
 * assign: refused there, as on a signed-off or excluded time point.
 */
export function setAssignedResponse(db: RecistDatabase, studyUid: string, assigned: AssignedResponse | undefined): Promise<Result<TimepointRow, StoreError>> {
  return writeTransaction(db, [db.timepoints], async () => {
    const timepoint = await requireUnlocked(db, studyUid);
    const { assigned: _old, ...rest } = timepoint;
    if (assigned === undefined) {
      await db.timepoints.put(rest);
      return rest;
    }
    if (!ASSIGNED_RESPONSES.includes(assigned.response)) fail(invalid('MALFORMED_INPUT', `response "${assigned.response}"`));
    if (assigned.reason.trim() === '') fail(invalid('MALFORMED_INPUT', 'the reason (quoted report text) is empty'));
    if (timepoint.excluded) fail(invalid('ASSIGNED_AT_BASELINE', `${timepoint.studyDate} is excluded from the assessment`));
    const others = await db.timepoints.where('patientId').equals(timepoint.patientId).toArray();
    const earlier = others.some((t) => !t.excluded && t.studyInstanceUid !== studyUid && (t.studyDate < timepoint.studyDate || (t.studyDate === timepoint.studyDate && t.studyInstanceUid < studyUid)));
    if (!earlier) fail(invalid('ASSIGNED_AT_BASELINE', `${timepoint.studyDate} is the baseline`));
    const row: TimepointRow = { ...rest, assigned: { response: assigned.response, reason: assigned.reason.trim() } };
    await db.timepoints.put(row);
    return row;
  });
}
