// The study dates of a patient's signed-off time points, read once: which follow-up is finished, for choosing the
// one to open after a reload.
import type { RecistDatabase } from './database';
import { restoreTimepointRow } from './restore';

export async function signedOffStudyDates(db: RecistDatabase, patientId: string): Promise<ReadonlySet<string>> {
  const rows = await db.timepoints.where('patientId').equals(patientId).toArray();
  const dates = new Set<string>();
  for (const raw of rows) {
    // A row that cannot be read is not taken as signed off; the panel reports it.
    const row = restoreTimepointRow(raw);
    if (row.ok && row.value.signOff) dates.add(row.value.studyDate);
  }
  return dates;
}
