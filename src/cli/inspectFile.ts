// One file through the app's own parsing and decoding: what `recist inspect` reports for it.
import type { CtInstance } from '../dicom/ctInstance';
import type { DicomError } from '../dicom/dicomError';
import { parseDicomFile } from '../dicom/parseDicomFile';
import { describeDicomErrorCode } from '../dicom/dicomMessages';

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
  | { file: string; ok: false; error: string };

const failure = (file: string, e: DicomError): InspectReport => ({
  file,
  ok: false,
  error: `${describeDicomErrorCode(e.code)} [${e.code}]${e.detail ? `: ${e.detail}` : ''}`,
});

/** Min, max and mean over every frame: after the modality LUT for greyscale, raw samples for colour. */
export async function inspectFile(file: string, bytes: Uint8Array): Promise<InspectReport> {
  const parsed = parseDicomFile(bytes, file);
  if (!parsed.ok) return failure(file, parsed.error);
  const [first] = parsed.value;
  if (first === undefined) return { file, ok: false, error: `${describeDicomErrorCode('NO_PIXEL_DATA')} [NO_PIXEL_DATA]` };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  for (const slice of parsed.value) {
    const decoded = await slice.pixels.load();
    if (!decoded.ok) return failure(file, decoded.error);
    const { slope, intercept } = slice.rescale;
    const values = decoded.value.kind === 'greyscale' ? decoded.value.pixels : decoded.value.rgb;
    const lut = decoded.value.kind === 'greyscale';
    for (let i = 0; i < values.length; i++) {
      const v = lut ? (values[i] as number) * slope + intercept : (values[i] as number);
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    count += values.length;
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
    min,
    max,
    mean: Math.round((sum / count) * 1000) / 1000,
  };
}
