// What the Export menu asks of the app, and what the app tells it back. The menu renders and sends these; the app
// (app/export) reads the database, writes and downloads.
import type { CsvFormat } from '../../export/csvFormat';
import type { ExportKind } from '../../export/exportFiles';
import { DEFAULT_LANDMARK_DAYS } from '../../export/survivalColumns';
import type { ClinicalChanges, ClinicalData, ClinicalProblem } from '../../store/clinicalRules';

export interface ExportChoices {
  /** Study codes for patient ids (the key stays in this browser's database). */
  readonly deidentify: boolean;
  /** With deidentify: every date of a patient moved by that patient's own offset. */
  readonly shiftDates: boolean;
  readonly landmarkDays: number;
  readonly format: CsvFormat;
}

export const DEFAULT_EXPORT_CHOICES: ExportChoices = {
  deidentify: false,
  shiftDates: false,
  landmarkDays: DEFAULT_LANDMARK_DAYS,
  format: { lineEnding: 'lf', bom: false },
};

/** The outcome of the last action, shown in the menu until the next one. */
export interface ActionReport {
  readonly tone: 'info' | 'error';
  readonly title: string;
  readonly lines: readonly string[];
}

/** The patient on screen, for the clinical-data form. */
export interface ClinicalPatient {
  readonly id: string;
  /** Name or id, as the lesion panel shows it. */
  readonly label: string;
  readonly data: ClinicalData;
  readonly baselineDate: string | undefined;
}

export interface ExportMenuActions {
  readonly busy: boolean;
  readonly report: ActionReport | undefined;
  /** Problems of the last clinical-data save, by field (shown beside the form's fields). */
  readonly clinicalProblems: readonly ClinicalProblem[];
  readonly patient: ClinicalPatient | undefined;
  readonly download: (kind: ExportKind | 'study-key', choices: ExportChoices) => void;
  readonly backup: (includeImages: boolean) => void;
  readonly restore: (file: File) => void;
  readonly importMeasurements: (file: File) => void;
  readonly importClinicalData: (file: File) => void;
  /** The CSV of reader-assigned responses (patient_id, timepoint, scan_date, overall_response, source, reason). */
  readonly importAssigned: (file: File) => void;
  /** Resolves true when saved. */
  readonly saveClinicalData: (changes: ClinicalChanges) => Promise<boolean>;
  readonly dismissReport: () => void;
}
