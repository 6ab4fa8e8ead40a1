// The reader's record, as IndexedDB keeps it: patients, their time points (one per CT study), lesions, what was
// found of each lesion at each time point, and the measurements drawn on the images. Plain data, no derived values
// (sums and responses are computed by the engine from these rows), every closed set a string-literal union.
import type { AssignedResponse, LesionCategory, NewLesionState, NonTargetState, TargetState } from '../recist/types';

/** ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;
/** ISO date and time with zone, e.g. 2026-11-25T17:30:00.000Z. */
export type IsoDateTime = string;

export interface PatientRow {
  /** DICOM PatientID (or the name when the ID is empty): the key that ties studies to the patient. */
  readonly id: string;
  readonly name: string;
  /** Start of treatment, when known: days since treatment are shown for each time point. */
  readonly treatmentDate?: IsoDate;
  // Clinical data for survival analysis: all optional, so rows written before they existed stay valid.
  /** Number of treatment cycles given, a whole number >= 0. */
  readonly treatmentCycles?: number;
  readonly deathDate?: IsoDate;
  /** The last date the patient was known to be alive (OS is censored here when there is no death date). */
  readonly lastKnownAliveDate?: IsoDate;
  /** Free covariates for the analysis (ECOG, arm, ...): name -> text or number; names are column names. */
  readonly covariates?: Readonly<Record<string, CovariateValue>>;
}

export type CovariateValue = string | number;

/** A reader's sign-off of one time point: locked, with who and when, and what the engine said then. */
export interface SignOff {
  readonly reader: string;
  readonly at: IsoDateTime;
  /** The overall response and its reason at signing (an explicit snapshot, STYLE.md principle 5). */
  readonly overallResponse: string;
  readonly explanation: string;
}

/**
 * One CT study of the patient as a time point. Which one is the baseline and the follow-up number are derived from
 * the study dates of the included time points (earliest = baseline), not stored.
 */
export interface TimepointRow {
  readonly studyInstanceUid: string;
  readonly patientId: string;
  readonly studyDate: IsoDate;
  readonly studyDescription: string;
  /** Left out of the assessment (e.g. a scan for another question). */
  readonly excluded: boolean;
  readonly signOff?: SignOff;
  /** A time point read from a radiology report (no images): where its values come from (schema v4). */
  readonly report?: ReportMetadata;
  /** Follow-ups only: the reader's overall response from the report, replacing the computed one (schema v4). */
  readonly assigned?: AssignedResponse;
}

/** What identifies the report a time point was read from, so an auditor can find the sentence again. */
export interface ReportMetadata {
  /** The date of the report (the scan date is the time point's studyDate). */
  readonly reportDate: IsoDate;
  readonly accessionNumber: string;
  /** The sentence of the report the values or the response were taken from, verbatim. */
  readonly quote: string;
}

/**
 * Where a value comes from: drawn on an image, typed in from a report, or a response the reader assigned. Derived
 * from the rows (tracking/source.ts), never stored twice.
 */
export type ValueSource = 'image' | 'report' | 'assigned';

/** The organ or site pick list; 'lymph node' makes the lesion nodal. */
export const ORGANS = [
  'liver', 'lung', 'lymph node', 'bone', 'adrenal', 'kidney', 'pancreas', 'spleen', 'peritoneum', 'pleura',
  'brain', 'soft tissue', 'other',
] as const;
export type Organ = (typeof ORGANS)[number];

export interface LesionRow {
  readonly id: string;
  readonly patientId: string;
  /** T1..T5 for targets, NT1.. for non-targets, N1.. for new lesions. */
  readonly label: string;
  readonly category: LesionCategory;
  readonly organ: Organ;
  /** True exactly when organ is 'lymph node': the short axis is then the RECIST diameter. */
  readonly nodal: boolean;
  /** Free text: "liver, segment VIII". */
  readonly location: string;
  /** The time point where the lesion was first recorded: the baseline, or the follow-up where a new lesion appeared. */
  readonly firstStudyInstanceUid: string;
  readonly createdAt: IsoDateTime;
}

/** What was recorded of a lesion at one time point; the state set depends on the lesion's category. */
export type FindingState = TargetState | NonTargetState | NewLesionState;

export interface FindingRow {
  /** `${lesionId}|${studyInstanceUid}`: one finding per lesion per time point. */
  readonly id: string;
  readonly patientId: string;
  readonly lesionId: string;
  readonly studyInstanceUid: string;
  readonly state: FindingState;
  /** For a target whose state is 'merged': the lesion it coalesced into. */
  readonly mergedIntoLesionId?: string;
  readonly updatedAt: IsoDateTime;
}

/** A point in image pixel coordinates: x along a row (0 = left edge of the first column), y down the columns. */
export interface ImagePointPx {
  readonly x: number;
  readonly y: number;
}

export interface Segment {
  readonly start: ImagePointPx;
  readonly end: ImagePointPx;
}

export type MeasurementTool = 'long-axis' | 'bidirectional';

/** Where a measurement was drawn, so it can be redrawn exactly and audited. */
export interface ImageRef {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid: string;
  /** 1-based frame of a multi-frame file; 1 otherwise. */
  readonly frameNumber: number;
}

export interface MeasurementRow {
  readonly id: string;
  readonly patientId: string;
  readonly lesionId: string;
  /** The time point: the study the image belongs to (also in `image`, kept here for the index). */
  readonly studyInstanceUid: string;
  readonly image: ImageRef;
  readonly tool: MeasurementTool;
  readonly longAxis: Segment;
  /** Bidirectional only: perpendicular to the long axis. */
  readonly shortAxis?: Segment;
  /** PixelSpacing (0028,0030) of the image when it was measured: lengths are computed from it. */
  readonly pixelSpacingMm: { readonly row: number; readonly column: number };
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
}
