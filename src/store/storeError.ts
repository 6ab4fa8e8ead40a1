// Expected ways a database read or write can fail, as values with a literal code (STYLE.md, principle 3). The UI
// words each code; the extra fields say which row or time point, for the wording and for logs.
import type { TableName } from './tableNames';

/** Why a write was refused as invalid: a closed set, so the UI can say exactly what to do instead. */
export type InvalidReason =
  /** The input is not a well-formed row (wrong type, unknown organ, date not YYYY-MM-DD, ...). */
  | 'MALFORMED_INPUT'
  /** A stored row failed the restore check, so it cannot be read as a snapshot. */
  | 'MALFORMED_ROW'
  /** The finding state is not one of the lesion category's states (e.g. 'present' for a target). */
  | 'STATE_NOT_IN_CATEGORY'
  /** 'merged' needs another target of the same patient; or mergedIntoLesionId was given without 'merged'. */
  | 'MERGE_TARGET'
  /** A target is 'measured' only through a measurement; set by putMeasurement, not by hand. */
  | 'MEASURED_WITHOUT_MEASUREMENT'
  /** A target still has measurements at that time point: delete them before recording another state. */
  | 'MEASUREMENTS_PRESENT'
  /** The rows named belong to different patients (lesion and time point, or a study re-used by another patient). */
  | 'PATIENT_MISMATCH'
  /** An update would move a measurement to another lesion or time point; that is a new measurement. */
  | 'ROW_MISMATCH'
  /**
   * A long or short axis under the measurement floor (tracking/measurementFloor: 1 mm, or 2 pixels on an image): a
   * slip, never a diameter. A lesion that has gone is recorded as 'absent', not as a 0 mm line.
   */
  | 'BELOW_MEASUREMENT_FLOOR'
  /** A new patient from reports: the ID is already in the database. */
  | 'PATIENT_EXISTS'
  /** A response is assigned to follow-ups only (not the baseline, not an excluded time point). */
  | 'ASSIGNED_AT_BASELINE';

export type StoreError =
  | { readonly code: 'TIMEPOINT_LOCKED'; readonly studyInstanceUid: string }
  | { readonly code: 'QUOTA_EXCEEDED'; readonly detail: string }
  | { readonly code: 'STORAGE_UNAVAILABLE'; readonly detail: string }
  | { readonly code: 'NOT_FOUND'; readonly table: TableName; readonly id: string }
  | { readonly code: 'INVALID'; readonly reason: InvalidReason; readonly detail: string };

export type StoreErrorCode = StoreError['code'];

export const timepointLocked = (studyInstanceUid: string): StoreError => ({ code: 'TIMEPOINT_LOCKED', studyInstanceUid });
export const notFound = (table: TableName, id: string): StoreError => ({ code: 'NOT_FOUND', table, id });
export const invalid = (reason: InvalidReason, detail: string): StoreError => ({ code: 'INVALID', reason, detail });
