// De-identified exports: the patient id becomes the study code of the local key (store/studyKey.ts) and, when asked,
// every date of a patient moves by that patient's offset, so every interval between two dates stays exact.
import { addDays, isIsoDate } from '../shared/isoDate';
import type { IsoDate } from '../tracking/types';

export interface StudyKey {
  readonly patientId: string;
  readonly code: string;
  readonly dateOffsetDays: number;
}

export interface Deidentification {
  readonly keys: ReadonlyMap<string, StudyKey>;
  readonly shiftDates: boolean;
}

/** How one patient appears in a file: its id, and its dates (also inside free text such as explanations). */
export interface Pseudonym {
  readonly id: string;
  readonly date: (date: IsoDate) => IsoDate;
  readonly text: (text: string) => string;
}

const ISO_DATE_IN_TEXT = /\b\d{4}-\d{2}-\d{2}\b/g;

const AS_IS: Omit<Pseudonym, 'id'> = { date: (d) => d, text: (t) => t };

/** Patients the de-identification has no key for: the export is refused rather than written with real ids. */
export const missingKeys = (patientIds: readonly string[], deidentify: Deidentification | undefined): string[] =>
  deidentify === undefined ? [] : patientIds.filter((id) => !deidentify.keys.has(id));

/** The patient as the file shows it; callers check missingKeys first (a missing key here is a bug). */
export function pseudonymFor(patientId: string, deidentify: Deidentification | undefined): Pseudonym {
  if (deidentify === undefined) return { id: patientId, ...AS_IS };
  const key = deidentify.keys.get(patientId);
  if (key === undefined) throw new Error(`no study key for a patient of a de-identified export`);
  if (!deidentify.shiftDates) return { id: key.code, ...AS_IS };
  const date = (d: IsoDate): IsoDate => (isIsoDate(d) ? addDays(d, key.dateOffsetDays) : d);
  return { id: key.code, date, text: (t) => t.replace(ISO_DATE_IN_TEXT, date) };
}

export const keyMap = (keys: readonly StudyKey[]): ReadonlyMap<string, StudyKey> => new Map(keys.map((k) => [k.patientId, k]));
