// One file through the app's own parsing and decoding: what `recist inspect` reports for it.
import type { CtInstance } from '../dicom/ctInstance';
import { dicomError, type DicomError, type DicomErrorCode } from '../dicom/dicomError';
import { describeDicomErrorCode } from '../dicom/dicomMessages';
import { parseDicomFile } from '../dicom/parseDicomFile';
import type { DecodedSlice } from '../dicom/slicePixels';

export type InspectReport =
  | {
      file: string;
      ok: true;
      modality: string;
      transferSyntaxUid: string;
      rows: number;
      columns: number;
      frames: number;
      samplesPerPixel: 1 | 3;
      photometricInterpretation: string;
      pixelSpacing: [row: number, column: number] | null;
      calibration: CtInstance['calibration']['kind'];
      sliceThickness: number | null;
      min: number;
      max: number;
      mean: number;
    }
  | { file: string; ok: false; code: DicomErrorCode; error: string };

export const failureReport = (e: DicomError): InspectReport => ({
  file: e.file,
  ok: false,
  code: e.code,
  error: `${describeDicomErrorCode(e.code)} [${e.code}]${e.detail ? `: ${e.detail}` : ''}`,
});

/** A file the system would not give us (no such file, a permission): the report says so in the system's words. */
export function unreadableReport(file: string, thrown: unknown): InspectReport {
  const reason = thrown instanceof Error && 'code' in thrown && thrown.code === 'ENOENT' ? 'no such file'
    : thrown instanceof Error ? thrown.message : String(thrown);
  return { file, ok: false, code: 'UNREADABLE', error: `could not be read: ${reason}` };
}

interface Sums {
  min: number;
  max: number;
  sum: number;
  count: number;
}

/**
 * Values summed as 32-bit integers this many at a time (16384 x 65535 < 2^31), then added up as a double: the loop
 * stays in integer arithmetic, about a third faster than summing doubles.
 */
const SUM_BLOCK = 16384;

/**
 * Min, max and sum of one frame's values. Greyscale is summed as stored integers (exact) and put through the modality
 * LUT once at the end, which is the same as per pixel since the LUT is linear; colour gives raw samples.
 */
function addFrame(into: Sums, slice: DecodedSlice, rescale: { slope: number; intercept: number }): void {
  const values = slice.kind === 'greyscale' ? slice.pixels : slice.rgb;
  const n = values.length;
  if (n === 0) return;
  let min = values[0] as number;
  let max = min;
  let sum = 0;
  for (let i = 0; i < n;) {
    const end = Math.min(n, i + SUM_BLOCK);
    let block = 0;
    for (; i < end; i++) {
      const v = values[i] as number;
      if (v < min) min = v;
      else if (v > max) max = v;
      block = (block + v) | 0;
    }
    sum += block;
  }
  const { slope, intercept } = slice.kind === 'greyscale' ? rescale : { slope: 1, intercept: 0 };
  const [low, high] = slope >= 0 ? [min, max] : [max, min];
  into.min = Math.min(into.min, low * slope + intercept);
  into.max = Math.max(into.max, high * slope + intercept);
  into.sum += sum * slope + n * intercept;
  into.count += n;
}

/** Min, max and mean over every frame: after the modality LUT for greyscale, raw samples for colour. */
export async function inspectFile(file: string, bytes: Uint8Array): Promise<InspectReport> {
  const parsed = parseDicomFile(bytes, file);
  if (!parsed.ok) return failureReport(parsed.error);
  const [first] = parsed.value;
  if (first === undefined) return failureReport(dicomError('NO_PIXEL_DATA', file));
  const sums: Sums = { min: Infinity, max: -Infinity, sum: 0, count: 0 };
  for (const slice of parsed.value) {
    // Native pixels are at hand already; compressed frames decode now (their codec loads on the first one).
    let decoded = slice.pixels.peek();
    if (decoded === undefined) {
      const loaded = await slice.pixels.load();
      if (!loaded.ok) return failureReport(loaded.error);
      decoded = loaded.value;
    }
    addFrame(sums, decoded, slice.rescale);
  }
  return {
    file,
    ok: true,
    modality: first.modality,
    transferSyntaxUid: first.transferSyntaxUid,
    rows: first.rows,
    columns: first.columns,
    frames: parsed.value.length,
    samplesPerPixel: first.samplesPerPixel,
    photometricInterpretation: first.photometricInterpretation,
    pixelSpacing: first.pixelSpacingMm ? [first.pixelSpacingMm.row, first.pixelSpacingMm.column] : null,
    calibration: first.calibration.kind,
    sliceThickness: first.sliceThicknessMm ?? null,
    min: sums.min,
    max: sums.max,
    mean: Math.round((sums.sum / sums.count) * 1000) / 1000,
  };
}
