// Test fixture: a slice of one background tissue with soft-edged shapes painted on it, in HU, optional CT noise.
import { HuCanvas } from '../../src/phantom/huCanvas';
import { addCorrelatedNoise } from '../../src/phantom/noise';
import type { Shape } from '../../src/phantom/shapes';
import type { SliceHu } from '../../src/segment/types';

export interface Painted {
  readonly shape: Shape;
  readonly hu: number;
}

/** A square-pixel slice; column i, row j has its centre at (i * spacing, j * spacing) mm. */
export function syntheticSlice(size: number, spacingMm: number, backgroundHu: number, painted: readonly Painted[], noiseSdHu = 0, seed = 1): SliceHu {
  const canvas = new HuCanvas({ columns: size, rows: size, pixelSpacingMm: spacingMm, x0Mm: 0, y0Mm: 0 }, backgroundHu);
  for (const p of painted) canvas.paint(p.shape, p.hu);
  if (noiseSdHu > 0) addCorrelatedNoise(canvas.hu, size, size, noiseSdHu, seed);
  return { values: canvas.hu, rows: size, cols: size, rowSpacingMm: spacingMm, colSpacingMm: spacingMm };
}
