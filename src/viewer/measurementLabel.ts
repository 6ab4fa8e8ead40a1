// The text beside a measurement: "T1 32.0 mm", "T1 32.0 × 24.0 mm" (long axis × short axis), one decimal, as the
// record keeps it. Millimetres come from dicom/imageLength, the one place pixels become millimetres.
import type { PixelSpacingMm } from '../dicom/ctInstance';
import { distanceMm, roundToTenthMm } from '../dicom/imageLength';
import type { MeasurementAxes } from './measurementShape';

export interface AxisLengthsMm {
  readonly longAxisMm: number;
  readonly shortAxisMm: number | undefined;
}

/** Lengths in millimetres, rounded to the tenth shown. */
export function axisLengthsMm(axes: MeasurementAxes, spacing: PixelSpacingMm): AxisLengthsMm {
  const mm = (s: { start: { x: number; y: number }; end: { x: number; y: number } }) => roundToTenthMm(distanceMm(s.start, s.end, spacing));
  return { longAxisMm: mm(axes.longAxis), shortAxisMm: axes.shortAxis ? mm(axes.shortAxis) : undefined };
}

/** `label` is the lesion's ("T1"), or empty for a measurement being drawn. */
export function measurementCaption(label: string, axes: MeasurementAxes, spacing: PixelSpacingMm): string {
  const { longAxisMm, shortAxisMm } = axisLengthsMm(axes, spacing);
  const lengths = shortAxisMm === undefined ? `${longAxisMm.toFixed(1)} mm` : `${longAxisMm.toFixed(1)} × ${shortAxisMm.toFixed(1)} mm`;
  return label ? `${label} ${lengths}` : lengths;
}
