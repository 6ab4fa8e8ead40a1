// The engine's front door: every patient assessed independently with the same options.
import { assessPatient } from './assessPatient';
import { type AssessOptions, DEFAULT_ASSESS_OPTIONS, type PatientAssessment, type PatientRecord } from './types';

export function assessPatients(
  patients: readonly PatientRecord[],
  options: AssessOptions = DEFAULT_ASSESS_OPTIONS,
): PatientAssessment[] {
  return patients.map((p) => assessPatient(p, options));
}
