// Measurements typed in from a report: the check of the typed millimetres (errors as values with a code, worded in
// ui/messages.ts) and the row that stores them. The row is drawn at 1 mm per pixel on no real image (the CSV merge
// does the same), so every reader of measurements (sums, exports, the merge) treats both kinds alike.
import { err, ok, type Result } from '../shared/result';
import { REPORT_IMAGE_UID } from './source';
import type { LesionRow, MeasurementRow, Segment } from './types';

/** Longest axis a report can give: larger is a typing slip (cm for mm, an extra digit). */
export const MAX_TYPED_MM = 500;

export type TypedAxisField = 'longAxisMm' | 'shortAxisMm';

export type TypedAxesError =
  | { readonly code: 'NOT_A_NUMBER'; readonly field: TypedAxisField; readonly text: string }
  | { readonly code: 'OUT_OF_RANGE'; readonly field: TypedAxisField; readonly mm: number }
  | { readonly code: 'SHORT_LONGER_THAN_LONG'; readonly field: 'shortAxisMm' }
  /** A nodal target's RECIST diameter is its short axis (RECIST 1.1, 3.1.3). */
  | { readonly code: 'NODE_NEEDS_SHORT_AXIS'; readonly field: 'shortAxisMm' }
  | { readonly code: 'LONG_AXIS_NEEDED'; readonly field: 'longAxisMm' };

export interface TypedAxes {
  readonly longAxisMm: number | undefined;
  readonly shortAxisMm: number | undefined;
}

function readMm(field: TypedAxisField, text: string): Result<number | undefined, TypedAxesError> {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return ok(undefined);
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return err({ code: 'NOT_A_NUMBER', field, text });
  const mm = Number(trimmed);
  return mm > MAX_TYPED_MM ? err({ code: 'OUT_OF_RANGE', field, mm }) : ok(Math.round(mm * 10) / 10);
}

/** The typed long and short axis (text as typed), checked for the lesion: numbers 0–500 mm, a node's short axis. */
export function checkTypedAxes(lesion: Pick<LesionRow, 'nodal' | 'category'>, longText: string, shortText: string): Result<TypedAxes, TypedAxesError> {
  const long = readMm('longAxisMm', longText);
  if (!long.ok) return long;
  const short = readMm('shortAxisMm', shortText);
  if (!short.ok) return short;
  const longAxisMm = long.value;
  const shortAxisMm = short.value;
  if (longAxisMm !== undefined && shortAxisMm !== undefined && shortAxisMm > longAxisMm) return err({ code: 'SHORT_LONGER_THAN_LONG', field: 'shortAxisMm' });
  if (lesion.nodal && lesion.category === 'target' && shortAxisMm === undefined) return err({ code: 'NODE_NEEDS_SHORT_AXIS', field: 'shortAxisMm' });
  if (!lesion.nodal && longAxisMm === undefined) return err({ code: 'LONG_AXIS_NEEDED', field: 'longAxisMm' });
  return ok({ longAxisMm, shortAxisMm });
}

/**
 * The stored row for typed axes: long axis across, short axis down through its middle, 1 mm per pixel, on no real
 * image (`imageUid` says where the numbers came from: a report, or an imported CSV).
 */
export function typedMeasurement(
  lesion: Pick<LesionRow, 'id' | 'patientId'>, studyInstanceUid: string, axes: TypedAxes, id: string, createdAt: string,
  imageUid: string = REPORT_IMAGE_UID,
): MeasurementRow {
  const short = axes.shortAxisMm !== undefined && axes.shortAxisMm > 0 ? axes.shortAxisMm : undefined;
  const long = Math.max(axes.longAxisMm ?? 0, short ?? 0);
  const longAxis: Segment = { start: { x: 0, y: 0 }, end: { x: long, y: 0 } };
  const shortAxis: Segment | undefined = short === undefined ? undefined : { start: { x: long / 2, y: -short / 2 }, end: { x: long / 2, y: short / 2 } };
  return {
    id,
    patientId: lesion.patientId,
    lesionId: lesion.id,
    studyInstanceUid,
    image: { studyInstanceUid, seriesInstanceUid: imageUid, sopInstanceUid: imageUid, frameNumber: 1 },
    tool: shortAxis === undefined ? 'long-axis' : 'bidirectional',
    longAxis,
    ...(shortAxis === undefined ? {} : { shortAxis }),
    pixelSpacingMm: { row: 1, column: 1 },
    createdAt,
    updatedAt: createdAt,
  };
}
