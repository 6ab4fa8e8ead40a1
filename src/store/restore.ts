// The restore step (as in Excalidraw): every row read from the database is checked before the app sees it. A
// malformed row becomes a reported problem, with its table and key, and is left out; it never crashes a screen.
import type { AssignedResponse, LesionCategory } from '../recist/types';
import { err, ok, type Result } from '../shared/result';
import {
  ORGANS,
  type FindingRow,
  type ImagePointPx,
  type ImageRef,
  type LesionRow,
  type MeasurementRow,
  type PatientRow,
  type ReportMetadata,
  type Segment,
  type SignOff,
  type TimepointRow,
} from '../tracking/types';
import { isCount, isCovariates } from './clinicalRules';
import { findingId } from './findingId';
import { ALL_FINDING_STATES, LESION_CATEGORIES } from './findingStates';
import { labelPrefix } from './lesionLabels';
import { ASSIGNED_RESPONSES } from './reportRules';
import {
  hasShape, isBoolean, isFiniteNumber, isIsoDateText, isNonEmptyString, isPositiveInteger, isPositiveNumber,
  isRecord, isString, oneOf, optional, shapeMismatch, type Shape,
} from './shapeChecks';
import type { StudyKeyRow } from './studyKey';
import type { TableName } from './tableNames';

export type RestoreProblemCode =
  /** The row does not have the shape of its table's type (field missing, wrong type, inconsistent fields). */
  | 'MALFORMED_ROW'
  /** The row refers to a lesion that is not in the database (a finding or measurement left behind). */
  | 'ORPHAN_ROW';

export interface RestoreProblem {
  readonly code: RestoreProblemCode;
  readonly table: TableName;
  /** The row's primary key as text ('?' when even that is unreadable). */
  readonly id: string;
  readonly detail: string;
}

type Restored<T> = Result<T, RestoreProblem>;

const PATIENT: Shape<PatientRow> = {
  id: isNonEmptyString,
  name: isString,
  treatmentDate: optional(isIsoDateText),
  treatmentCycles: optional(isCount),
  deathDate: optional(isIsoDateText),
  lastKnownAliveDate: optional(isIsoDateText),
  covariates: optional(isCovariates),
};

const SIGN_OFF: Shape<SignOff> = { reader: isString, at: isNonEmptyString, overallResponse: isString, explanation: isString };

const REPORT: Shape<ReportMetadata> = { reportDate: isIsoDateText, accessionNumber: isString, quote: isString };
const ASSIGNED: Shape<AssignedResponse> = { response: oneOf(ASSIGNED_RESPONSES), reason: isString };

const TIMEPOINT: Shape<TimepointRow> = {
  studyInstanceUid: isNonEmptyString,
  patientId: isNonEmptyString,
  studyDate: isIsoDateText,
  studyDescription: isString,
  excluded: isBoolean,
  signOff: optional(hasShape(SIGN_OFF)),
  report: optional(hasShape(REPORT)),
  assigned: optional(hasShape(ASSIGNED)),
};

const LESION: Shape<LesionRow> = {
  id: isNonEmptyString,
  patientId: isNonEmptyString,
  label: isNonEmptyString,
  category: oneOf(LESION_CATEGORIES),
  organ: oneOf(ORGANS),
  nodal: isBoolean,
  location: isString,
  firstStudyInstanceUid: isNonEmptyString,
  createdAt: isNonEmptyString,
};

const FINDING: Shape<FindingRow> = {
  id: isNonEmptyString,
  patientId: isNonEmptyString,
  lesionId: isNonEmptyString,
  studyInstanceUid: isNonEmptyString,
  state: oneOf(ALL_FINDING_STATES),
  mergedIntoLesionId: optional(isNonEmptyString),
  updatedAt: isNonEmptyString,
};

const POINT: Shape<ImagePointPx> = { x: isFiniteNumber, y: isFiniteNumber };
const SEGMENT: Shape<Segment> = { start: hasShape(POINT), end: hasShape(POINT) };
const IMAGE_REF: Shape<ImageRef> = {
  studyInstanceUid: isNonEmptyString,
  seriesInstanceUid: isNonEmptyString,
  sopInstanceUid: isNonEmptyString,
  frameNumber: isPositiveInteger,
};
const PIXEL_SPACING: Shape<MeasurementRow['pixelSpacingMm']> = { row: isPositiveNumber, column: isPositiveNumber };

const MEASUREMENT: Shape<MeasurementRow> = {
  id: isNonEmptyString,
  patientId: isNonEmptyString,
  lesionId: isNonEmptyString,
  studyInstanceUid: isNonEmptyString,
  image: hasShape(IMAGE_REF),
  tool: oneOf(['long-axis', 'bidirectional']),
  longAxis: hasShape(SEGMENT),
  shortAxis: optional(hasShape(SEGMENT)),
  pixelSpacingMm: hasShape(PIXEL_SPACING),
  createdAt: isNonEmptyString,
  updatedAt: isNonEmptyString,
};

const STUDY_KEY: Shape<StudyKeyRow> = {
  patientId: isNonEmptyString,
  code: isNonEmptyString,
  dateOffsetDays: (v) => typeof v === 'number' && Number.isInteger(v) && v !== 0,
  createdAt: isNonEmptyString,
};

/** The primary key field of each table that has a single one, to name a malformed row in its problem. */
const KEY_FIELD: Record<Exclude<TableName, 'images'>, string> = {
  patients: 'id',
  timepoints: 'studyInstanceUid',
  lesions: 'id',
  findings: 'id',
  measurements: 'id',
  studyKeys: 'patientId',
  outbox: 'id',
};

const keyOf = (table: Exclude<TableName, 'images'>, raw: unknown): string => {
  const key = isRecord(raw) ? raw[KEY_FIELD[table]] : undefined;
  return typeof key === 'string' && key !== '' ? key : '?';
};

/** Checks the shape, then the rules between fields; the row is returned as T only when both hold. */
function restoreRow<T>(
  table: Exclude<TableName, 'images'>,
  raw: unknown,
  shape: Shape<T>,
  crossCheck: (row: T) => string | undefined = () => undefined,
): Restored<T> {
  const malformed = (detail: string): Restored<T> => err({ code: 'MALFORMED_ROW', table, id: keyOf(table, raw), detail });
  const mismatch = shapeMismatch(raw, shape);
  if (mismatch !== undefined) return malformed(mismatch);
  // Every field of T has passed its check just above, which is what this assertion states.
  const row = raw as T;
  const inconsistent = crossCheck(row);
  return inconsistent === undefined ? ok(row) : malformed(inconsistent);
}

export const categoryOfLabel = (label: string): LesionCategory | undefined =>
  LESION_CATEGORIES.find((c) => new RegExp(`^${labelPrefix(c)}[1-9][0-9]*$`).test(label));

export const restorePatientRow = (raw: unknown): Restored<PatientRow> => restoreRow('patients', raw, PATIENT);

export const restoreTimepointRow = (raw: unknown): Restored<TimepointRow> =>
  restoreRow('timepoints', raw, TIMEPOINT, (row) =>
    row.report !== undefined && row.report.reportDate < row.studyDate ? `report date ${row.report.reportDate} is before the scan date ${row.studyDate}` : undefined);

export const restoreLesionRow = (raw: unknown): Restored<LesionRow> =>
  restoreRow('lesions', raw, LESION, (row) => {
    if (row.nodal !== (row.organ === 'lymph node')) return `nodal is ${row.nodal} for organ ${row.organ}`;
    if (categoryOfLabel(row.label) !== row.category) return `label ${row.label} does not fit category ${row.category}`;
    return undefined;
  });

export const restoreFindingRow = (raw: unknown): Restored<FindingRow> =>
  restoreRow('findings', raw, FINDING, (row) => {
    if (row.id !== findingId(row.lesionId, row.studyInstanceUid)) return `id is not lesionId|studyInstanceUid`;
    if ((row.state === 'merged') !== (row.mergedIntoLesionId !== undefined)) {
      return `mergedIntoLesionId must be set exactly when the state is 'merged' (state ${row.state})`;
    }
    return undefined;
  });

export const restoreMeasurementRow = (raw: unknown): Restored<MeasurementRow> =>
  restoreRow('measurements', raw, MEASUREMENT, (row) =>
    row.image.studyInstanceUid === row.studyInstanceUid ? undefined : 'image.studyInstanceUid differs from studyInstanceUid');

export const restoreStudyKeyRow = (raw: unknown): Restored<StudyKeyRow> => restoreRow('studyKeys', raw, STUDY_KEY);

export interface RestoredRows<T> {
  readonly rows: readonly T[];
  readonly problems: readonly RestoreProblem[];
}

/** Restores every row of a list: the good ones in order, a problem for each bad one. */
export function restoreAll<T>(raws: readonly unknown[], restoreOne: (raw: unknown) => Restored<T>): RestoredRows<T> {
  const rows: T[] = [];
  const problems: RestoreProblem[] = [];
  for (const raw of raws) {
    const restored = restoreOne(raw);
    if (restored.ok) rows.push(restored.value);
    else problems.push(restored.error);
  }
  return { rows, problems };
}
