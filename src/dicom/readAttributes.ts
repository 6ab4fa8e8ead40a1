// Typed reads of single attributes from a parsed data set; absent, empty or non-numeric values become undefined.
import type { DataSet } from 'dicom-parser';
import type { ImageOrientation, PixelSpacingMm } from './ctInstance';
import { TAG } from './tags';
import type { Vec3 } from './vec3';

const finite = (value: number | undefined): number | undefined =>
  value !== undefined && Number.isFinite(value) ? value : undefined;

export const readString = (ds: DataSet, tag: string): string | undefined => {
  const value = ds.string(tag);
  return value === undefined || value === '' ? undefined : value;
};

/** DS (decimal string) value number `index`. */
export const readDecimal = (ds: DataSet, tag: string, index = 0): number | undefined =>
  ds.elements[tag] ? finite(ds.floatString(tag, index)) : undefined;

/** IS (integer string). */
export const readInteger = (ds: DataSet, tag: string): number | undefined =>
  ds.elements[tag] ? finite(ds.intString(tag)) : undefined;

/** US (unsigned short); zero-length elements count as absent. */
export const readUnsigned16 = (ds: DataSet, tag: string): number | undefined =>
  (ds.elements[tag]?.length ?? 0) >= 2 ? ds.uint16(tag) : undefined;

/** Item `index` of a sequence, as a data set of its own. */
export const readItem = (ds: DataSet, tag: string, index = 0): DataSet | undefined =>
  ds.elements[tag]?.items?.[index]?.dataSet;

export function readDecimals(ds: DataSet, tag: string, count: number): number[] | undefined {
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const value = readDecimal(ds, tag, i);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

/** A row/column spacing pair (PixelSpacing, ImagerPixelSpacing): row spacing first, as in the file. */
export function readSpacing(ds: DataSet, tag: string): PixelSpacingMm | undefined {
  const [row, column] = readDecimals(ds, tag, 2) ?? [];
  // Zero or negative spacing is as useless as none: it would make every length zero.
  return row !== undefined && column !== undefined && row > 0 && column > 0 ? { row, column } : undefined;
}

export const readPixelSpacing = (ds: DataSet): PixelSpacingMm | undefined => readSpacing(ds, TAG.PixelSpacing);

export function readImagePosition(ds: DataSet): Vec3 | undefined {
  const [x, y, z] = readDecimals(ds, TAG.ImagePositionPatient, 3) ?? [];
  return x !== undefined && y !== undefined && z !== undefined ? [x, y, z] : undefined;
}

export function readImageOrientation(ds: DataSet): ImageOrientation | undefined {
  const v = readDecimals(ds, TAG.ImageOrientationPatient, 6);
  if (v === undefined) return undefined;
  const [rx = 0, ry = 0, rz = 0, cx = 0, cy = 0, cz = 0] = v;
  return { row: [rx, ry, rz], column: [cx, cy, cz] };
}

export function readWindow(ds: DataSet): { centre: number; width: number } | undefined {
  const centre = readDecimal(ds, TAG.WindowCenter);
  const width = readDecimal(ds, TAG.WindowWidth);
  // Width below 1 is invalid (PS3.3 C.11.2.1.2) and would make a divide-by-zero LUT.
  return centre !== undefined && width !== undefined && width >= 1 ? { centre, width } : undefined;
}

export function readRescale(ds: DataSet): { slope: number; intercept: number } | undefined {
  const slope = readDecimal(ds, TAG.RescaleSlope);
  const intercept = readDecimal(ds, TAG.RescaleIntercept);
  if (slope === undefined && intercept === undefined) return undefined;
  // A slope of 0 would flatten the image to one value; no writer means that.
  return { slope: slope === undefined || slope === 0 ? 1 : slope, intercept: intercept ?? 0 };
}
