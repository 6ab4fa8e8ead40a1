// One slice of a study, from anatomy to stored pixel values. Stored values are HU + 1024 (RescaleIntercept
// -1024, RescaleSlope 1), so air at -1000 HU is stored as 24, as on most scanners.
import { paintAnatomy } from './anatomy/paintAnatomy';
import { HU } from './anatomy/tissue';
import { HuCanvas, type PixelGrid } from './huCanvas';
import { addCorrelatedNoise } from './noise';
import { paintLesions } from './paintLesions';
import type { StudyDefinition } from './studies';

export const RESCALE_INTERCEPT = -1024;
/** Image noise of a routine abdominal CT, standard deviation in HU. */
export const NOISE_SD_HU = 12;
const MIN_HU = -1024;
const MAX_HU = 3071;

/** The noiseless image in HU, before noise and quantisation. */
export function renderSliceHu(grid: PixelGrid, z: number, study: StudyDefinition): Float32Array {
  const canvas = new HuCanvas(grid, HU.air);
  paintAnatomy(canvas, z, study.variant);
  paintLesions(canvas, z, study.key);
  return canvas.hu;
}

/** The stored pixel values of one slice, with noise from `noiseSeed`. */
export function renderSlice(grid: PixelGrid, z: number, study: StudyDefinition, noiseSeed: number): Int16Array {
  const hu = renderSliceHu(grid, z, study);
  addCorrelatedNoise(hu, grid.columns, grid.rows, NOISE_SD_HU, noiseSeed);
  const stored = new Int16Array(hu.length);
  for (let i = 0; i < hu.length; i++) {
    const value = Math.round(hu[i] as number);
    stored[i] = (value < MIN_HU ? MIN_HU : value > MAX_HU ? MAX_HU : value) - RESCALE_INTERCEPT;
  }
  return stored;
}
