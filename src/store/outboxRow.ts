// A DICOM SR waiting to reach the PACS, or sent: the sign-off's report is kept here first, so no failure of the
// network or of the PACS can lose it. Rows are never deleted by the app; a sent one records when.

/** waiting: not yet accepted by the PACS (unreachable, timed out); refused: the PACS answered no (a 401, a 4xx). */
export type OutboxState = 'waiting' | 'refused' | 'sent';

export interface OutboxRow {
  /** The SR's SOP Instance UID: the same report queued twice is one row. */
  readonly id: string;
  readonly patientId: string;
  /** The time point (study) the SR belongs to. */
  readonly studyInstanceUid: string;
  /** The SR as a Part 10 file, byte for byte what is sent. */
  readonly bytes: ArrayBuffer;
  readonly filename: string;
  readonly state: OutboxState;
  readonly queuedAt: string;
  readonly attempts: number;
  readonly lastAttemptAt?: string;
  /** Why the last attempt failed, in the user's words (the caller words it). */
  readonly lastError?: string;
  readonly sentAt?: string;
}
