// The contract of the DICOM SR module (TID 1500 Imaging Measurement Report): what goes in when a time point is
// written out, what comes back when an SR is read, and the expected failures of both. The app (sign-off -> STOW-RS),
// the PACS read-back and `recist sr` all code against these types; docs/sr.md maps every field to its content item.
//
//   buildMeasurementReport(input: MeasurementReportInput): Result<MeasurementReportFile, SrWriteError>
//     (src/sr/buildMeasurementReport.ts) one Part 10 file (Comprehensive SR, explicit VR little endian, UTF-8) for
//     one patient and one time point, into that time point's study (same StudyInstanceUID, a series of its own).
//     Pure and deterministic: the same record gives the same bytes and UIDs, so writing it twice stores it once.
//   readMeasurementReport(bytes: Uint8Array): Result<ReadReport, SrReadError>
//     (src/sr/readMeasurementReport.ts) any TID 1500 SR we wrote, and the parts we know of one another tool wrote
//     (lesions with a Tracking Unique Identifier, long / short axes with their polylines).
//   trackedPatientsFromReports(reports: readonly ReadReport[]): TrackedPatient[]
//     (src/sr/recordFromReports.ts) the lesion record rebuilt from a patient's SRs (one per time point), in the rows
//     the store and the export take; lesion ids are the Tracking Unique Identifiers.
//   trackingUidOfLesion(lesionId: string): string
//     (src/sr/trackingUid.ts) the 2.25 UID an SR carries for a lesion: the same at every time point, derived from
//     the lesion's stored id, so a local lesion and the one read back from an SR can be matched.
import type { ComponentResponse, LesionCategory, NewLesionFinding, ResponseSource, TimepointResponse } from '../recist/types';
import type { TrackedPatient } from '../tracking/toPatientRecord';
import type { FindingState, ImageRef, IsoDate, IsoDateTime, MeasurementTool, Organ, Segment } from '../tracking/types';

/**
 * Patient and study attributes the record does not keep; copied from the study's images when the caller has them.
 * Each is fitted to its VR (too long: cut; malformed: left empty), so none can make the SR invalid.
 */
export interface StudyAttributes {
  /** DICOM DA (YYYYMMDD) or ISO (YYYY-MM-DD). */
  readonly patientBirthDate?: string;
  /** M, F, O or empty. */
  readonly patientSex?: string;
  readonly accessionNumber?: string;
  readonly studyId?: string;
  /** DICOM TM, HHMMSS(.FFFFFF). */
  readonly studyTime?: string;
  readonly referringPhysicianName?: string;
}

export interface MeasurementReportInput {
  /** The patient's whole record (store read or backup): the engine needs every time point to give this one's responses. */
  readonly patient: TrackedPatient;
  /** The time point reported; its study receives the SR. Must be an image time point (not typed from a report). */
  readonly studyInstanceUid: string;
  /**
   * Person observers, in DICOM PN form or plain ("Dr Jane Roe"): the readers of this time point. Default: the reader
   * who signed it off. A double read lists both readers; the first is the one who signed off.
   */
  readonly observers?: readonly string[];
  /** SOP Class UID of each referenced image by SOP Instance UID; unknown ones are CT Image Storage (Enhanced CT when frame > 1). */
  readonly sopClassUids?: ReadonlyMap<string, string>;
  /** When the SR is made (ContentDate/Time). Default: the sign-off time, else the last change recorded at this time point. */
  readonly createdAt?: IsoDateTime;
  readonly study?: StudyAttributes;
  /** Verifying Organization (0040,A027) of a signed-off time point: the site. Type 1 for dciodvfy; default 'Not recorded'. */
  readonly organization?: string;
}

export interface MeasurementReportFile {
  /** A DICOM Part 10 file: 128-byte preamble, DICM, File Meta, data set. */
  readonly bytes: Uint8Array;
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  /** e.g. RR-0001_2023-04-17_recist-sr.dcm: safe on every file system. */
  readonly filename: string;
}

export type SrWriteError =
  | { readonly code: 'NO_SUCH_TIMEPOINT'; readonly studyInstanceUid: string }
  /** A time point typed in from a report has no study to put an SR into. */
  | { readonly code: 'REPORT_TIMEPOINT'; readonly studyInstanceUid: string }
  /** Nothing recorded at this time point: an SR with no lesion says nothing. */
  | { readonly code: 'NOTHING_RECORDED'; readonly studyInstanceUid: string }
  /** No valid date for the SR's content (createdAt, sign-off and the rows' change times all missing or not dates). */
  | { readonly code: 'NO_DATE'; readonly studyInstanceUid: string };

/** One axis as the SR gives it: its length (the NUM) and, when it was drawn on an image, its polyline there. */
export interface ReadAxis {
  /** Millimetres, as written (one decimal for ours). */
  readonly mm: number;
  /** Image pixel coordinates (DICOM SCOORD: 0,0 = top left corner of the first pixel); absent for a typed value. */
  readonly segment?: Segment;
}

export interface ReadMeasurement {
  readonly tool: MeasurementTool;
  readonly longAxis: ReadAxis;
  readonly shortAxis?: ReadAxis;
  /** The image the polylines are on (with its SOP Class UID); absent when the values were typed from a report. */
  readonly image?: ImageRef & { readonly sopClassUid: string };
}

export interface ReadLesion {
  /** Tracking Unique Identifier (112040, DCM): the same lesion at every time point. */
  readonly trackingUid: string;
  /** Tracking Identifier (112039, DCM): T1, NT1, N1. */
  readonly label: string;
  readonly category: LesionCategory;
  /** From the finding site code; 'other' when absent or not one of ours. */
  readonly organ: Organ;
  readonly nodal: boolean;
  /** Free-text location ("liver, segment VIII"); empty when none. */
  readonly location: string;
  /** Undefined when the SR (another tool's) gives no state. */
  readonly state: FindingState | undefined;
  /** A merged target: the tracking UID of the lesion it coalesced into. */
  readonly mergedIntoTrackingUid?: string;
  /** In the order written (fragments of a split lesion in the order they were drawn). */
  readonly measurements: readonly ReadMeasurement[];
}

export interface ReadResponses {
  readonly method: 'RECIST 1.1';
  readonly target: ComponentResponse | undefined;
  readonly nonTarget: ComponentResponse | undefined;
  readonly newLesions: NewLesionFinding | undefined;
  readonly overall: TimepointResponse | undefined;
  readonly source: ResponseSource | undefined;
  /** The engine's (or the reader's assigned) reason, verbatim. */
  readonly reason: string;
  /** Sum of diameters of the targets, mm; undefined when not known. */
  readonly sumOfDiametersMm: number | undefined;
}

export interface ReadReport {
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly patient: { readonly id: string; readonly name: string };
  readonly studyDate: IsoDate;
  readonly studyDescription: string;
  /** "Baseline", "Follow-up 1", ... as the writer numbered it (Time Point, TID 1502); empty when absent. */
  readonly timepointLabel: string;
  /** Person Observer Name items, in order (PN as plain text: "Roe, Jane"). */
  readonly observers: readonly string[];
  /** VERIFIED with a verifying observer: the time point was signed off, by whom and when. */
  readonly signOff: { readonly reader: string; readonly at: IsoDateTime } | undefined;
  readonly completion: 'COMPLETE' | 'PARTIAL';
  /** ContentDate + ContentTime as an ISO date-time (UTC offset when the SR gives one). */
  readonly contentDateTime: IsoDateTime;
  readonly lesions: readonly ReadLesion[];
  /** Undefined when the SR carries no RECIST evaluation (another tool's). */
  readonly responses: ReadResponses | undefined;
}

export type SrReadError =
  | { readonly code: 'NOT_DICOM'; readonly detail: string }
  | { readonly code: 'UNSUPPORTED_TRANSFER_SYNTAX'; readonly transferSyntaxUid: string }
  | { readonly code: 'NOT_SR'; readonly sopClassUid: string }
  /** An SR, but not an Imaging Measurement Report (TID 1500). */
  | { readonly code: 'NOT_TID1500'; readonly title: string }
  | { readonly code: 'DAMAGED'; readonly detail: string };
