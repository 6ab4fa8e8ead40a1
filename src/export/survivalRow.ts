// One patient's row of the survival CSV, from the reader's record and the clinical data. Pure; every rule is one
// small function, named in the README section "Survival analysis in R and Python".
//  - Day counts are whole days from the origin (origin day = 0): treatment start, else the baseline scan
//    (RECIST-RULES.md, "Dates that survival analysis needs").
//  - PFS: event at progression or death, whichever comes first (same day: progression); otherwise censored at the
//    last adequate assessment (a time point with an evaluable response: the baseline, or a follow-up not NE), never
//    before the origin.
//  - OS: event at death; otherwise censored at the later of last-known-alive and the last scan read (toPatientRecord
//    leaves out follow-ups with nothing recorded yet).
//  - An event dated before the origin cannot be placed: its interval is left empty.
//  - Landmark L: at risk when OS follow-up reaches day L (alive on day L, or dying on day L); the clock restarts at L.
//    landmark_response is the best overall response of the assessments up to day L (see landmarkResponse).
import { assessPatient } from '../recist/assessPatient';
import { DEFAULT_ASSESS_OPTIONS, type AssessOptions, type PatientAssessment, type PatientRecord } from '../recist/types';
import { addDays, daysBetween } from '../shared/isoDate';
import type { IsoDate, PatientRow } from '../tracking/types';
import { assessRecord } from './assessTracked';
import { DEFAULT_LANDMARK_DAYS, type PfsEventType, type SurvivalColumn } from './survivalColumns';

export type SurvivalCell = string | number | null;
export type SurvivalRow = Record<SurvivalColumn, SurvivalCell>;

export interface SurvivalOptions {
  readonly landmarkDays: number;
  readonly assess: AssessOptions;
}

export interface SurvivalInput {
  readonly patient: PatientRow;
  /** The engine's input (included, read time points); undefined or empty when the patient has no time point. */
  readonly record: PatientRecord | undefined;
}

const latest = (dates: readonly (IsoDate | null | undefined)[]): IsoDate | null =>
  dates.reduce<IsoDate | null>((max, d) => (d != null && (max === null || d > max) ? d : max), null);
const earliest = (dates: readonly IsoDate[]): IsoDate | null =>
  dates.reduce<IsoDate | null>((min, d) => (min === null || d < min ? d : min), null);

/** Days from the origin to an event; null when the event is before the origin (a date error to fix at the source). */
const eventDays = (origin: IsoDate, date: IsoDate): number | null => {
  const days = daysBetween(origin, date);
  return days >= 0 ? days : null;
};
/** Days from the origin to a censoring date; follow-up that ended before the origin is censored at the origin. */
const censorDays = (origin: IsoDate, date: IsoDate): number => Math.max(0, daysBetween(origin, date));

/** The last time point with an evaluable response: the baseline, or the latest follow-up whose overall response is not NE. */
export function lastAdequateAssessment(assessment: PatientAssessment): IsoDate {
  const adequate = assessment.timepoints.filter((t) => t.isBaseline || (t.overallResponse !== null && t.overallResponse !== 'NE'));
  return latest(adequate.map((t) => t.scanDate)) ?? assessment.baselineDate;
}

interface Pfs { days: number | null; event: 0 | 1 | null; type: PfsEventType | null }

export function progressionFreeSurvival(origin: IsoDate, assessment: PatientAssessment, deathDate: IsoDate | undefined): Pfs {
  const progression = assessment.progressionDate;
  // Progression wins a tie with death: it is the documented tumour event of that day.
  const event: { date: IsoDate; type: PfsEventType } | null =
    progression !== null && (deathDate === undefined || progression <= deathDate) ? { date: progression, type: 'progression' }
      : deathDate !== undefined ? { date: deathDate, type: 'death' }
        : null;
  if (event !== null) {
    const days = eventDays(origin, event.date);
    return days === null ? { days: null, event: null, type: null } : { days, event: 1, type: event.type };
  }
  return { days: censorDays(origin, lastAdequateAssessment(assessment)), event: 0, type: null };
}

interface Os { days: number | null; event: 0 | 1 | null }

export function overallSurvival(origin: IsoDate, patient: PatientRow, lastScanDate: IsoDate | null): Os {
  if (patient.deathDate !== undefined) {
    const days = eventDays(origin, patient.deathDate);
    return days === null ? { days: null, event: null } : { days, event: 1 };
  }
  // A scan shows the patient alive that day, even when last-known-alive was not updated.
  const censor = latest([patient.lastKnownAliveDate, lastScanDate]);
  return censor === null ? { days: null, event: null } : { days: censorDays(origin, censor), event: 0 };
}

/**
 * The best overall response from the assessments up to the landmark day (scans on the landmark day included), by
 * the same engine and options as best_overall_response. Only what was known at the landmark classifies the patient:
 * the assessment nearest the landmark could lie after it, and classifying by a later scan would bring back the
 * guarantee-time bias the landmark method exists to remove (Anderson, Cain & Gelber, J Clin Oncol 1983;1:710-9).
 * Empty when no scan was made by the landmark.
 */
export function landmarkResponse(record: PatientRecord, landmarkDate: IsoDate, options: AssessOptions): string | null {
  const upToLandmark: PatientRecord = { ...record, timepoints: record.timepoints.filter((t) => t.scanDate <= landmarkDate) };
  return assessRecord(upToLandmark, options)?.bestOverallResponse ?? null;
}

export function survivalRow(input: SurvivalInput, options: SurvivalOptions = { landmarkDays: DEFAULT_LANDMARK_DAYS, assess: DEFAULT_ASSESS_OPTIONS }): SurvivalRow {
  const { patient, record } = input;
  const scans = record?.timepoints.map((t) => t.scanDate) ?? [];
  const baselineDate = earliest(scans);
  const lastScanDate = latest(scans);
  const origin = patient.treatmentDate ?? baselineDate;
  const assessment = record === undefined ? undefined : assessRecord(record, options.assess);
  const confirmed = record !== undefined && assessment !== undefined ? assessPatient(record, { ...options.assess, confirm: true }) : undefined;

  const pfs: Pfs = origin !== null && assessment !== undefined
    ? progressionFreeSurvival(origin, assessment, patient.deathDate)
    : { days: null, event: null, type: null };
  const os: Os = origin !== null ? overallSurvival(origin, patient, lastScanDate) : { days: null, event: null };

  const L = options.landmarkDays;
  const atRisk = os.days === null ? null : os.days >= L ? 1 : 0;
  const landmarkDate = origin === null ? null : addDays(origin, L);
  return {
    patient_id: patient.id,
    origin_date: origin,
    baseline_date: baselineDate,
    best_overall_response: assessment?.bestOverallResponse ?? null,
    bor_confirmed: confirmed?.bestOverallResponse ?? null,
    progression_date: assessment?.progressionDate ?? null,
    last_assessment_date: assessment === undefined ? null : lastAdequateAssessment(assessment),
    pfs_days: pfs.days,
    pfs_event: pfs.event,
    pfs_event_type: pfs.type,
    os_days: os.days,
    os_event: os.event,
    landmark_days: L,
    landmark_at_risk: atRisk,
    landmark_response: atRisk === 1 && record !== undefined && landmarkDate !== null ? landmarkResponse(record, landmarkDate, options.assess) : null,
    landmark_os_days: atRisk === 1 && os.days !== null ? os.days - L : null,
    landmark_os_event: atRisk === 1 ? os.event : null,
  };
}
