// The de-identification key of one patient: the study code that replaces the patient id in de-identified exports,
// and the day offset added to every date of that patient when dates are shifted. Kept only in this database (and in
// its backups): whoever has the exported files alone cannot go back to the patient.
import type { IsoDateTime } from '../tracking/types';

export interface StudyKeyRow {
  readonly patientId: string;
  /** e.g. "S-7KQ2MX": random, so the code says nothing of the patient or of the order patients were read in. */
  readonly code: string;
  /** Whole days, never 0; adding it to every date of the patient keeps every interval exact. */
  readonly dateOffsetDays: number;
  readonly createdAt: IsoDateTime;
}
