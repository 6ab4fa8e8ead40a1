// The engine's input and output model, in RECIST words. CSV and the database both map onto these types.
import type { Micrometres } from './units';

/** ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;

export type LesionCategory = 'target' | 'non-target' | 'new';

/** How a target lesion was recorded at a time point (RECIST-RULES.md, "Sum of diameters"). */
export type TargetState = 'measured' | 'too_small' | 'absent' | 'not_evaluable' | 'merged';
export type NonTargetState = 'present' | 'absent' | 'progression' | 'not_evaluable';
export type NewLesionState = 'unequivocal' | 'equivocal';

export type TimepointResponse = 'CR' | 'PR' | 'SD' | 'PD' | 'NE' | 'NON-CR/NON-PD';
/** NA: the patient has no lesion of that kind at baseline. */
export type ComponentResponse = TimepointResponse | 'NA';
export type NewLesionFinding = 'no' | 'yes' | 'equivocal';

export interface LesionIdentity {
  readonly lesionId: string;
  readonly organ: string;
  readonly nodal: boolean;
}

/** One record of a target lesion; several at one time point are the fragments of a split lesion. */
export interface TargetFragment {
  readonly state: TargetState;
  /** The RECIST diameter (short axis for nodes, long axis otherwise); present exactly when state is 'measured'. */
  readonly diameter?: Micrometres;
}

export interface TargetObservation extends LesionIdentity {
  readonly fragments: readonly TargetFragment[];
}

export interface NonTargetObservation extends LesionIdentity {
  readonly state: NonTargetState;
  /** Short axis of a nodal non-target, when recorded: a node below 10 mm is normal again. */
  readonly shortAxis?: Micrometres;
}

export interface NewLesionObservation extends LesionIdentity {
  readonly state: NewLesionState;
  readonly shortAxis?: Micrometres;
}

/** The overall responses a reader may assign from a report that gives no usable numbers. */
export type AssignedOverallResponse = 'CR' | 'PR' | 'SD' | 'PD' | 'NE';

/**
 * A follow-up's overall response as the reader assigned it (e.g. "interval decrease of the hepatic metastases"),
 * with the quoted report text as its reason. It replaces the computed overall response of that time point.
 */
export interface AssignedResponse {
  readonly response: AssignedOverallResponse;
  readonly reason: string;
}

/**
 * Where a time point's measurements come from: drawn on CT images, typed in from radiology reports, or both mixed
 * (one lesion from the images, another from the report). Carried through the engine untouched, for the exports.
 */
export type MeasurementSource = 'image' | 'report' | 'image+report';

/** One source for several: the same when they agree, `image+report` when they mix, null when none is known. */
export function combineMeasurementSources(sources: Iterable<MeasurementSource | null | undefined>): MeasurementSource | null {
  let image = false;
  let report = false;
  for (const s of sources) {
    if (s === 'image' || s === 'image+report') image = true;
    if (s === 'report' || s === 'image+report') report = true;
  }
  return image && report ? 'image+report' : image ? 'image' : report ? 'report' : null;
}

/** Where a time point's overall response comes from: the engine's rules, or the reader's assignment. */
export type ResponseSource = 'computed' | 'assigned';

export interface TimepointRecord {
  readonly label: string;
  readonly scanDate: IsoDate;
  readonly targets: readonly TargetObservation[];
  readonly nonTargets: readonly NonTargetObservation[];
  readonly newLesions: readonly NewLesionObservation[];
  /** Follow-ups only: the reader's overall response; the lesion rows of this time point are then not used. */
  readonly assigned?: AssignedResponse;
  /** Where this time point's lesion values come from, when known. */
  readonly measurementSource?: MeasurementSource;
}

/** One patient's time points; the engine orders them by scan date and takes the first as baseline. */
export interface PatientRecord {
  readonly patientId: string;
  /** Who read it, when a patient is read more than once (double read). */
  readonly reader?: string;
  readonly timepoints: readonly TimepointRecord[];
}

export type PrPolicy = 'continuing' | 'per-timepoint';

/** How near a threshold a response is flagged as borderline (borderline.ts). */
export interface BorderlineMargins {
  /** Percentage points around -30 % (baseline) and +20 % (nadir). */
  readonly percentPoints: number;
  /** Millimetres around the 5 mm absolute growth rule and a node's 10 mm short axis. */
  readonly millimetres: number;
}

export const DEFAULT_BORDERLINE_MARGINS: BorderlineMargins = { percentPoints: 5, millimetres: 1 };

export type BorderlineRule = 'PR_MINUS_30_PERCENT' | 'PD_PLUS_20_PERCENT' | 'PD_PLUS_5_MM' | 'NODE_10_MM';

export interface BorderlineFlag {
  readonly rule: BorderlineRule;
  /** How far from the threshold: percentage points, or millimetres for the 5 mm and 10 mm rules. */
  readonly distance: number;
  /** The node, for NODE_10_MM. */
  readonly lesionId?: string;
}


export interface AssessOptions {
  /** Require confirmation of CR/PR for best overall response (Table 3 of RECIST 1.1). */
  readonly confirm: boolean;
  /** Minimum days between a CR/PR and the assessment that confirms it. */
  readonly confirmDays: number;
  /** SD counts toward best response only this many days after baseline or later. */
  readonly sdMinDays: number;
  readonly prPolicy: PrPolicy;
  /** Margins of the borderline flag; DEFAULT_BORDERLINE_MARGINS when absent. */
  readonly borderline?: BorderlineMargins;
}

export const DEFAULT_ASSESS_OPTIONS: AssessOptions = {
  confirm: false,
  confirmDays: 28,
  sdMinDays: 42,
  prPolicy: 'continuing',
};

export type WarningCode =
  | 'TOO_MANY_TARGETS'
  | 'TOO_MANY_TARGETS_PER_ORGAN'
  | 'TARGET_NOT_MEASURABLE'
  | 'NO_BASELINE_DISEASE'
  | 'NO_FOLLOWUP'
  | 'TARGET_NOT_ASSESSED'
  | 'NONTARGET_NOT_ASSESSED'
  | 'NEW_NODE_BELOW_10MM'
  | 'NONTARGET_ABSENT_AT_BASELINE';

export interface TimepointAssessment {
  readonly label: string;
  readonly scanDate: IsoDate;
  readonly daysFromBaseline: number;
  readonly isBaseline: boolean;
  /** Null when a target was not assessed (or the patient has no targets). */
  readonly targetSum: Micrometres | null;
  readonly baselineSum: Micrometres | null;
  /** The nadir this time point is compared against: the smallest known sum before it. */
  readonly nadirSum: Micrometres | null;
  readonly nadirDate: IsoDate | null;
  /** Null on the baseline row. */
  readonly targetResponse: ComponentResponse | null;
  readonly nonTargetResponse: ComponentResponse | null;
  readonly newLesions: NewLesionFinding | null;
  readonly overallResponse: TimepointResponse | null;
  /** Null on the baseline row. */
  readonly responseSource: ResponseSource | null;
  /** Where the values used come from; null when unknown, or when an assigned response replaced them. */
  readonly measurementSource: MeasurementSource | null;
  /** Thresholds this response sits near (empty on the baseline, an assigned response, or an unknown sum). */
  readonly borderline: readonly BorderlineFlag[];
  readonly warnings: readonly WarningCode[];
  readonly explanation: string;
}

export interface PatientAssessment {
  readonly patientId: string;
  /** The reader of this assessment, in a double read. */
  readonly reader?: string;
  readonly baselineDate: IsoDate;
  readonly lastScanDate: IsoDate;
  readonly timepoints: readonly TimepointAssessment[];
  readonly bestOverallResponse: TimepointResponse;
  readonly bestResponseDate: IsoDate | null;
  readonly progressionDate: IsoDate | null;
  /** Where the values of all the patient's time points come from (see MeasurementSource). */
  readonly measurementSource: MeasurementSource | null;
  readonly warnings: readonly WarningCode[];
  readonly bestResponseExplanation: string;
}
