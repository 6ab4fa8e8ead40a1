/**
 * The patient CSV for survival analysis: one row per patient. The rules of every column are in survivalRow.ts and
 * the README section "Survival analysis in R and Python". After these come `cycles` and the patients' covariates,
 * one column each (names as entered, sorted).
 */
export const SURVIVAL_COLUMNS = [
  'patient_id',
  'origin_date',
  'baseline_date',
  'best_overall_response',
  'bor_confirmed',
  'progression_date',
  'last_assessment_date',
  'pfs_days',
  'pfs_event',
  'pfs_event_type',
  'os_days',
  'os_event',
  'landmark_days',
  'landmark_at_risk',
  'landmark_response',
  'landmark_os_days',
  'landmark_os_event',
] as const;

export type SurvivalColumn = (typeof SURVIVAL_COLUMNS)[number];

/** Columns after SURVIVAL_COLUMNS, before the covariates. */
export const CLINICAL_EXPORT_COLUMNS = ['cycles'] as const;

/**
 * After CLINICAL_EXPORT_COLUMNS: where best_overall_response comes from, 'computed' (the engine's rules) or
 * 'assigned' (a reader's response from a report), blank without one; and where the patient's measurements come from,
 * 'image', 'report' or 'image+report'. Kept out of SURVIVAL_COLUMNS, which the cohort view reads as its fixed columns.
 */
export const SOURCE_EXPORT_COLUMNS = ['response_source', 'measurement_source'] as const;

export type PfsEventType = 'progression' | 'death';

/** Three months (13 weeks): a common landmark for response-based landmark analyses. */
export const DEFAULT_LANDMARK_DAYS = 91;
