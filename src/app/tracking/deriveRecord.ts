// What the panel and the reader's edits compute from the stored record, never store: the engine's input and its
// assessment (the same mapping and rule as an export, export/assessTracked), the time points in order, and the
// findings and measurements indexed by lesion and time point. Both record panels (useLesionRecord, useReportRecord)
// derive through here, so they show the same response for the same rows.
import { assessRecord } from '../../export/assessTracked';
import type { PatientAssessment } from '../../recist/types';
import type { StoredPatientRecord } from '../../store/readPatientRecord';
import type { Notice } from '../../ui/tracking/trackingIntent';
import type { RecordView } from '../../ui/tracking/recordView';
import { indexRecord, type RecordIndex } from '../../tracking/lesionValue';
import { orderTimepoints, type OrderedTimepoint } from '../../tracking/timepoints';
import { toPatientRecord, type EngineInput, type TrackedPatient } from '../../tracking/toPatientRecord';

export interface DerivedRecord {
  readonly engine: EngineInput;
  /** Undefined until the baseline has a target or non-target lesion (isAssessable). */
  readonly assessment: PatientAssessment | undefined;
  readonly ordered: readonly OrderedTimepoint[];
  readonly index: RecordIndex;
}

/** The rows the engine reads, without the read's problems; undefined while loading or when there is no such patient. */
export function trackedPatient(stored: StoredPatientRecord | undefined): TrackedPatient | undefined {
  if (!stored?.patient) return undefined;
  return { patient: stored.patient, timepoints: stored.timepoints, lesions: stored.lesions, findings: stored.findings, measurements: stored.measurements };
}

export function deriveRecord(tracked: TrackedPatient): DerivedRecord {
  const engine = toPatientRecord(tracked);
  return {
    engine,
    assessment: assessRecord(engine.record),
    ordered: orderTimepoints(tracked.timepoints, tracked.patient.treatmentDate),
    index: indexRecord(tracked.findings, tracked.measurements),
  };
}

/** What both panels show of the record, as they take it (their own props come beside it). */
export function recordView(tracked: TrackedPatient, derived: DerivedRecord, readingStudyUid: string | undefined,
  notice: Notice | undefined): RecordView {
  const { ordered, assessment, engine, index } = derived;
  return { tracked, timepoints: ordered, assessment, problems: engine.problems, unread: engine.unread, index, readingStudyUid, notice };
}
