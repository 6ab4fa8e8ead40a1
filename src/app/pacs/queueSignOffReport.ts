// A signed-off time point -> its DICOM SR (src/sr, TID 1500) -> the outbox, before any attempt to send it: from here
// on the report survives a closed tab, a crash or a PACS that is down.
import { err, type Result } from '../../shared/result';
import { buildMeasurementReport } from '../../sr/buildMeasurementReport';
import type { SrWriteError, StudyAttributes } from '../../sr/types';
import type { RecistDatabase } from '../../store/database';
import { queueReport } from '../../store/outboxRepository';
import type { OutboxRow } from '../../store/outboxRow';
import { readPatientRecord } from '../../store/readPatientRecord';
import type { StoreError } from '../../store/storeError';
import { trackedPatient } from '../tracking/deriveRecord';

export type QueueReportError = SrWriteError | StoreError | { readonly code: 'NO_SUCH_PATIENT'; readonly patientId: string };

export async function queueSignOffReport(db: RecistDatabase, patientId: string, studyInstanceUid: string, study: StudyAttributes = {}):
  Promise<Result<OutboxRow, QueueReportError>> {
  const tracked = trackedPatient(await readPatientRecord(db, patientId));
  if (!tracked) return err({ code: 'NO_SUCH_PATIENT', patientId });
  const report = buildMeasurementReport({ patient: tracked, studyInstanceUid, study });
  if (!report.ok) return report;
  const { bytes, sopInstanceUid, filename } = report.value;
  return queueReport(db, { sopInstanceUid, patientId, studyInstanceUid, bytes, filename });
}
