// What the panel and the reader's edits compute from the stored record, never store: the engine's input and its
// assessment (the same mapping and rule as an export, export/assessTracked), the time points in order, and the
// findings and measurements indexed by lesion and time point.
import { assessRecord } from '../../export/assessTracked';
import type { PatientAssessment } from '../../recist/types';
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

export function deriveRecord(tracked: TrackedPatient): DerivedRecord {
  const engine = toPatientRecord(tracked);
  return {
    engine,
    assessment: assessRecord(engine.record),
    ordered: orderTimepoints(tracked.timepoints, tracked.patient.treatmentDate),
    index: indexRecord(tracked.findings, tracked.measurements),
  };
}
