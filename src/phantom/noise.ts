// CT noise: Gaussian, but not white. Real reconstruction kernels correlate neighbouring pixels, which gives
// CT its fine grain; a [1 2 1] / 4 blur in each direction of white noise imitates that.
import { mulberry32, normalApprox } from './prng';

/** A separable [1 2 1] / 4 blur multiplies the standard deviation of white noise by (6 / 16). */
const BLUR_SD_FACTOR = 6 / 16;

/** Adds noise of standard deviation `sdHu` (after the blur) to the image, from a seeded generator. */
export function addCorrelatedNoise(hu: Float32Array, columns: number, rows: number, sdHu: number, seed: number): void {
  const uniform = mulberry32(seed);
  const white = new Float32Array(columns * rows);
  const scale = sdHu / BLUR_SD_FACTOR;
  for (let i = 0; i < white.length; i++) white[i] = normalApprox(uniform) * scale;
  const across = new Float32Array(white.length);
  for (let j = 0; j < rows; j++) {
    const row = j * columns;
    for (let i = 0; i < columns; i++) {
      const left = white[row + Math.max(0, i - 1)] as number;
      const right = white[row + Math.min(columns - 1, i + 1)] as number;
      across[row + i] = (left + 2 * (white[row + i] as number) + right) / 4;
    }
  }
  for (let j = 0; j < rows; j++) {
    const above = Math.max(0, j - 1) * columns;
    const below = Math.min(rows - 1, j + 1) * columns;
    const row = j * columns;
    for (let i = 0; i < columns; i++) {
      const up = across[above + i] as number;
      const down = across[below + i] as number;
      hu[row + i] = (hu[row + i] as number) + (up + 2 * (across[row + i] as number) + down) / 4;
    }
  }
}
