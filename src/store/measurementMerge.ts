// The rules of merging measurements from another workstation's CSV into this record, pure. A lesion is the same
// lesion when patient and label agree; a value is compared as the reader sees it (state and diameters to the tenth
// of a millimetre). Anything that differs is a conflict for the reader to settle, never an overwrite.
import type { LesionCategory } from '../recist/types';
import { axesMm, recistDiameterMm } from '../tracking/measurementValues';
import { CSV_IMAGE_UID } from '../tracking/source';
import { typedMeasurement } from '../tracking/typedMeasurement';
import {
  ORGANS, type FindingState, type IsoDate, type LesionRow, type MeasurementRow, type Organ,
} from '../tracking/types';

/** One line of the CSV, as the merge needs it (the export module turns a checked CSV line into this). */
export interface ImportedLine {
  readonly line: number;
  readonly patientId: string;
  readonly scanDate: IsoDate;
  /** lesion_id: the lesion's label (T1, NT2, N1, ...). */
  readonly label: string;
  readonly category: LesionCategory;
  /** Free text in the CSV; mapped onto the organ pick list (mergeOrgan). */
  readonly organ: string;
  readonly nodal: boolean;
  readonly state: FindingState;
  /** Millimetres, as given. */
  readonly longAxisMm: number | undefined;
  readonly shortAxisMm: number | undefined;
  /** The optional `location` column ("segment VIII"): the location of a lesion the import creates. */
  readonly location?: string;
  /** The optional sign-off columns: the time point was signed off elsewhere (app/export/signOffImported.ts). */
  readonly signOff?: { readonly reader: string; readonly at: string };
  /** The optional `reader` column: whose read the line belongs to (a double read keeps each reader's apart). */
  readonly reader?: string;
}

export type MergeConflictCode =
  /** The lesion has a different recorded value at this time point here than in the file. */
  | 'VALUE_DIFFERS'
  /** The label names a lesion of another category, organ or nodal flag here. */
  | 'LESION_DIFFERS'
  /** The time point is signed off here and the file says something else for it. */
  | 'TIMEPOINT_SIGNED_OFF'
  /** This patient has more than one study on that date here: which one the file means is unknown. */
  | 'TIMEPOINT_AMBIGUOUS'
  /** The study of that date is excluded from the assessment here. */
  | 'TIMEPOINT_EXCLUDED'
  /** A new lesion's label does not fit its category (T.. target, NT.. non-target, N.. new). */
  | 'LABEL_NOT_OF_CATEGORY'
  /** 'merged' needs the lesion it coalesced into, which the CSV does not say. */
  | 'MERGED_NOT_IMPORTED'
  /** organ "lymph node" with nodal "no". */
  | 'ORGAN_NOT_NODAL'
  /** A measured diameter under the measurement floor (1 mm): a lesion that has gone is 'absent', not 0 mm. */
  | 'BELOW_MEASUREMENT_FLOOR';

export interface MergeConflict {
  readonly code: MergeConflictCode;
  readonly lines: readonly number[];
  readonly patientId: string;
  readonly label: string;
  readonly scanDate: IsoDate;
  /** What this record says, in the words of valueText (VALUE_DIFFERS, LESION_DIFFERS). */
  readonly here?: string;
  /** What the file says. */
  readonly imported?: string;
}

export interface MergeReport {
  /** Lesion-at-time-point values written. */
  readonly added: number;
  /** Values the record already had. */
  readonly unchanged: number;
  readonly createdPatients: number;
  readonly createdTimepoints: number;
  readonly createdLesions: number;
  readonly conflicts: readonly MergeConflict[];
}

/** The organ of the pick list, and the location text that keeps a free-text organ the list does not have. */
export function mergeOrgan(text: string, nodal: boolean): { organ: Organ; location: string } | undefined {
  const lower = text.trim().toLowerCase();
  const listed = ORGANS.find((o) => o === lower);
  if (nodal) return { organ: 'lymph node', location: listed === 'lymph node' || lower === '' ? '' : text.trim() };
  if (listed === 'lymph node') return undefined;
  return listed !== undefined ? { organ: listed, location: '' } : { organ: 'other', location: text.trim() };
}

const tenth = (mm: number): string => (Math.round(mm * 10) / 10).toFixed(1);

/**
 * A lesion's value at one time point as one comparable text: "measured 12.3+7.7" (a target's RECIST diameters,
 * fragments in order of size), "absent", "present SA 12.0" (a node's short axis).
 */
export function valueText(category: LesionCategory, nodal: boolean, state: FindingState, diametersMm: readonly number[], shortAxisMm: number | undefined): string {
  if (category === 'target') return state === 'measured' ? `measured ${[...diametersMm].sort((a, b) => b - a).map(tenth).join('+')}` : state;
  return nodal && shortAxisMm !== undefined ? `${state} SA ${tenth(shortAxisMm)}` : state;
}

/** The value of the file's lines for one lesion at one time point (several lines: the fragments of a split target). */
export function importedValue(lines: readonly ImportedLine[]): string {
  const first = lines[0] as ImportedLine;
  const diameters = lines.map((l) => (first.nodal ? l.shortAxisMm : l.longAxisMm)).filter((d): d is number => d !== undefined);
  return valueText(first.category, first.nodal, first.state, diameters, first.shortAxisMm);
}

/** The value this record has, from the finding's state and the measurements drawn. */
export function recordedValue(lesion: LesionRow, state: FindingState, measurements: readonly MeasurementRow[]): string {
  const axes = measurements.map(axesMm);
  const diameters = axes.map((a) => recistDiameterMm(lesion, a)).filter((d): d is number => d !== undefined);
  const shortAxes = axes.map((a) => a.shortAxisMm).filter((d): d is number => d !== undefined);
  return valueText(lesion.category, lesion.nodal, state, diameters, shortAxes.length > 0 ? Math.max(...shortAxes) : undefined);
}

/** Measurements from the file are not drawn on any image: they carry this in place of the image's UIDs. */
export const IMPORTED_IMAGE_UID = CSV_IMAGE_UID;

/**
 * A measurement that gives exactly the file's value: drawn at 1 mm per pixel along the image axes (long axis
 * across, short axis down through its middle), on no real image. Lengths come out as the file's, to the tenth.
 */
export function importedMeasurement(
  lesion: LesionRow, studyInstanceUid: string, line: ImportedLine, createdAt: string,
): MeasurementRow | undefined {
  const short = lesion.nodal ? line.shortAxisMm : line.shortAxisMm !== undefined && line.longAxisMm !== undefined ? line.shortAxisMm : undefined;
  if (line.longAxisMm === undefined && short === undefined) return undefined;
  const axes = { longAxisMm: line.longAxisMm, shortAxisMm: short };
  return typedMeasurement(lesion, studyInstanceUid, axes, crypto.randomUUID(), createdAt, IMPORTED_IMAGE_UID);
}
