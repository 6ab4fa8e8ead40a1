// The engine on a stored record, exactly as the app's live panel runs it: the same mapping (toPatientRecord), the
// same options, and the same rule for when there is anything to assess, so an export says what the screen says.
import { assessPatient } from '../recist/assessPatient';
import { DEFAULT_ASSESS_OPTIONS, type AssessOptions, type PatientAssessment, type PatientRecord } from '../recist/types';
import { toPatientRecord, type EngineInput, type TrackedPatient } from '../tracking/toPatientRecord';

export interface AssessedPatient {
  readonly tracked: TrackedPatient;
  readonly engine: EngineInput;
  /** Undefined until the baseline has a target or non-target lesion (the panel shows no response then either). */
  readonly assessment: PatientAssessment | undefined;
}

/** Both panels' rule (app/tracking/deriveRecord, useReportRecord): a baseline with at least one target or non-target lesion. */
export function isAssessable(record: PatientRecord): boolean {
  const baseline = record.timepoints[0];
  return baseline !== undefined && baseline.targets.length + baseline.nonTargets.length > 0;
}

export function assessRecord(record: PatientRecord, options: AssessOptions = DEFAULT_ASSESS_OPTIONS): PatientAssessment | undefined {
  return isAssessable(record) ? assessPatient(record, options) : undefined;
}

export function assessTracked(tracked: TrackedPatient, options: AssessOptions = DEFAULT_ASSESS_OPTIONS): AssessedPatient {
  const engine = toPatientRecord(tracked);
  return { tracked, engine, assessment: assessRecord(engine.record, options) };
}
