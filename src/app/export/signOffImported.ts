// A measurement CSV says which time points were signed off elsewhere (signed_off_by, signed_off_at). After the merge,
// a time point the import made (no images here: `csv-import:` study) is signed off as the file says: that reader,
// that time, and the response this record now gives it (the snapshot a sign-off keeps). A time point of this
// record's own studies is not signed off from a file: that is the reader's act here.
import { assessTracked } from '../../export/assessTracked';
import { groupBy } from '../../shared/groupBy';
import type { RecistDatabase } from '../../store/database';
import type { ImportedLine } from '../../store/measurementMerge';
import { readPatientRecord } from '../../store/readPatientRecord';
import { signOffTimepoint } from '../../store/signOffRepository';
import { trackedPatient } from '../tracking/deriveRecord';

const MADE_BY_IMPORT = 'csv-import:';

/** Signs off the imported time points the file says were signed off; resolves to how many it signed off. */
export async function signOffImported(db: RecistDatabase, lines: readonly ImportedLine[]): Promise<number> {
  let signed = 0;
  for (const [patientId, ofPatient] of groupBy(lines.filter((l) => l.signOff !== undefined), (l) => l.patientId)) {
    const tracked = trackedPatient(await readPatientRecord(db, patientId));
    if (!tracked) continue;
    const { engine, assessment } = assessTracked(tracked);
    for (const [date, atDate] of groupBy(ofPatient, (l) => l.scanDate)) {
      const signOff = atDate[0]?.signOff;
      const row = tracked.timepoints.find((t) => t.studyDate === date && !t.excluded && t.studyInstanceUid.startsWith(MADE_BY_IMPORT));
      if (!signOff || !row || row.signOff !== undefined) continue;
      const index = engine.timepoints.findIndex((t) => t.row.studyInstanceUid === row.studyInstanceUid);
      const assessed = index < 0 ? undefined : assessment?.timepoints[index];
      const result = await signOffTimepoint(db, row.studyInstanceUid, {
        reader: signOff.reader,
        at: signOff.at,
        overallResponse: assessed?.overallResponse ?? (assessed?.isBaseline ? 'baseline' : 'not assessed'),
        explanation: assessed?.explanation ?? '',
      });
      if (result.ok) signed += 1;
    }
  }
  return signed;
}
