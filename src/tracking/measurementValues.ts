// A measurement's axes in millimetres, rounded to the tenth the reader sees: what is shown is what the engine sums.
import { distanceMm, roundToTenthMm } from '../dicom/imageLength';
import type { LesionRow, MeasurementRow } from './types';

export interface AxesMm {
  readonly longAxisMm: number;
  /** Bidirectional measurements only. */
  readonly shortAxisMm: number | undefined;
}

export function axesMm(measurement: Pick<MeasurementRow, 'longAxis' | 'shortAxis' | 'pixelSpacingMm'>): AxesMm {
  const { longAxis, shortAxis, pixelSpacingMm } = measurement;
  return {
    longAxisMm: roundToTenthMm(distanceMm(longAxis.start, longAxis.end, pixelSpacingMm)),
    shortAxisMm: shortAxis ? roundToTenthMm(distanceMm(shortAxis.start, shortAxis.end, pixelSpacingMm)) : undefined,
  };
}

/**
 * The RECIST diameter of one measurement: the short axis of a lymph node, the long axis of anything else
 * (RECIST 1.1, 3.1.3). Undefined for a node measured without a short axis: it cannot be counted.
 */
export function recistDiameterMm(lesion: Pick<LesionRow, 'nodal'>, axes: AxesMm): number | undefined {
  return lesion.nodal ? axes.shortAxisMm : axes.longAxisMm;
}
