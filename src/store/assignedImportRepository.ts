// The batch import of reader-assigned responses (export/assignedResponses.ts), all or nothing in one transaction:
// each line's patient must be recorded here; its follow-up is the included time point of that scan date, or a new
// report time point when there is none. Every line that cannot be placed is a problem with its line and column.
import type { Result } from '../shared/result';
import { REPORT_TIMEPOINT_PREFIX } from '../tracking/source';
import type { TimepointRow } from '../tracking/types';
import type { RecistDatabase } from './database';
import { restoreAll, restoreTimepointRow } from './restore';
import { invalid, type StoreError } from './storeError';
import { fail, writeTransaction } from './storeTransaction';
import type { AssignedResponse } from '../recist/types';

export interface AssignedImportLine {
  readonly line: number;
  readonly patientId: string;
  readonly scanDate: string;
  readonly assigned: AssignedResponse;
}

export interface AssignedImportProblem {
  readonly line: number;
  readonly column: 'patient_id' | 'scan_date';
  readonly message: string;
}

export type AssignedImportResult = { readonly imported: number; readonly createdTimepoints: number; readonly problems: readonly AssignedImportProblem[] };

/** Writes every line, or (when any line has a problem) nothing: the problems come back with imported 0. */
export async function importAssignedResponses(db: RecistDatabase, lines: readonly AssignedImportLine[]): Promise<Result<AssignedImportResult, StoreError>> {
  const problems: AssignedImportProblem[] = [];
  const written = await writeTransaction(db, [db.patients, db.timepoints], async () => {
    let imported = 0;
    let createdTimepoints = 0;
    for (const l of lines) {
      if ((await db.patients.get(l.patientId)) === undefined) {
        problems.push({ line: l.line, column: 'patient_id', message: `there is no patient ${l.patientId} in this database` });
        continue;
      }
      const timepoints = restoreAll(await db.timepoints.where('patientId').equals(l.patientId).toArray(), restoreTimepointRow).rows.filter((t) => !t.excluded);
      const baselineDate = timepoints.map((t) => t.studyDate).reduce<string | undefined>((a, b) => (a === undefined || b < a ? b : a), undefined);
      if (baselineDate === undefined || l.scanDate <= baselineDate) {
        problems.push({ line: l.line, column: 'scan_date', message: `${l.scanDate} is not after the baseline${baselineDate ? ` (${baselineDate})` : ''} of ${l.patientId}` });
        continue;
      }
      const sameDay = timepoints.filter((t) => t.studyDate === l.scanDate);
      if (sameDay.length > 1) { problems.push({ line: l.line, column: 'scan_date', message: `${l.patientId} has more than one study on ${l.scanDate}` }); continue; }
      const existing = sameDay[0];
      if (existing?.signOff !== undefined) { problems.push({ line: l.line, column: 'scan_date', message: `${l.scanDate} of ${l.patientId} is signed off` }); continue; }
      const row: TimepointRow = existing !== undefined
        ? { ...existing, assigned: l.assigned }
        : {
          studyInstanceUid: `${REPORT_TIMEPOINT_PREFIX}${l.patientId}:${l.scanDate}:${crypto.randomUUID()}`, patientId: l.patientId, studyDate: l.scanDate,
          studyDescription: 'assigned response from CSV', excluded: false, report: { reportDate: l.scanDate, accessionNumber: '', quote: l.assigned.reason }, assigned: l.assigned,
        };
      if (existing === undefined) createdTimepoints += 1;
      await db.timepoints.put(row);
      imported += 1;
    }
    // Any problem: roll every write of this file back.
    if (problems.length > 0) fail(invalid('MALFORMED_INPUT', `${problems.length} line(s) could not be placed`));
    return { imported, createdTimepoints, problems: [] };
  });
  if (!written.ok && written.error.code === 'INVALID' && problems.length > 0) return { ok: true, value: { imported: 0, createdTimepoints: 0, problems } };
  return written;
}
