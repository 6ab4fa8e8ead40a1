// What a correct viewer must show, computed in Node straight from the files with dicom-parser (independent of our
// src/dicom code): display order (head to feet: descending position along the slice normal), each slice's location,
// and HU statistics of any slice from its stored pixels and rescale.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import type { DataSet } from 'dicom-parser';

export interface HuStats {
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

export interface SliceTruth {
  readonly path: string;
  readonly sopInstanceUid: string;
  readonly locationMm: number;
}

export interface SeriesTruth {
  readonly dir: string;
  /** Files in name order, as a file picker lists them. */
  readonly files: readonly string[];
  /** Slices in display order. */
  readonly slices: readonly SliceTruth[];
  readonly transferSyntaxUid: string;
  readonly bytes: number;
}

export const dicomFilesIn = (dir: string): string[] =>
  readdirSync(dir).filter((name) => name.toLowerCase().endsWith('.dcm')).sort().map((name) => join(dir, name));

function numbers(ds: DataSet, tag: string): number[] {
  return (ds.string(tag) ?? '').split('\\').map(Number);
}

function locationOf(ds: DataSet): number {
  const [px = 0, py = 0, pz = 0] = numbers(ds, 'x00200032');
  const [rx = 1, ry = 0, rz = 0, cx = 0, cy = 1, cz = 0] = numbers(ds, 'x00200037');
  const n = [ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx] as const;
  return px * n[0] + py * n[1] + pz * n[2];
}

/** Reads headers only (no pixel decode), so it works for compressed transfer syntaxes too. */
export function readSeriesTruth(dir: string): SeriesTruth {
  const files = dicomFilesIn(dir);
  let transferSyntaxUid = '';
  let bytes = 0;
  const slices = files.map((path) => {
    const data = readFileSync(path);
    bytes += data.length;
    const ds = dicomParser.parseDicom(data, { untilTag: 'x7fe00010' });
    transferSyntaxUid = ds.string('x00020010') ?? '';
    return { path, sopInstanceUid: ds.string('x00080018') ?? '', locationMm: locationOf(ds) };
  });
  slices.sort((a, b) => b.locationMm - a.locationMm);
  return { dir, files, slices, transferSyntaxUid, bytes };
}

/** HU statistics from an uncompressed little-endian file (the transcodes are lossless, so their originals serve). */
export function huStatsOfFile(path: string): HuStats {
  const data = readFileSync(path);
  const ds = dicomParser.parseDicom(data);
  const pixel = ds.elements.x7fe00010;
  if (!pixel) throw new Error(`${path}: no pixel data`);
  const count = (ds.uint16('x00280010') ?? 0) * (ds.uint16('x00280011') ?? 0);
  const signed = ds.uint16('x00280103') === 1;
  const slope = ds.floatString('x00281053') ?? 1;
  const intercept = ds.floatString('x00281052') ?? 0;
  const view = new DataView(data.buffer, data.byteOffset + pixel.dataOffset, count * 2);
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const hu = (signed ? view.getInt16(i * 2, true) : view.getUint16(i * 2, true)) * slope + intercept;
    sum += hu;
    if (hu < min) min = hu;
    if (hu > max) max = hu;
  }
  return { mean: sum / count, min, max };
}
