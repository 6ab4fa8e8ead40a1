// The 8x8 inverse DCT of ITU-T T.81 A.3.3, in double precision, separable (rows, then columns):
//   s(y,x) = 1/4 sum_u sum_v C(u) C(v) S(v,u) cos((2x+1)u pi/16) cos((2y+1)v pi/16),  C(0) = 1/sqrt(2), else 1.
// Exact arithmetic keeps it within rounding of libjpeg's integer IDCT (which meets IEEE 1180) for 12-bit data.

/** COS[x * 8 + u] = C(u)/2 * cos((2x+1) u pi / 16): the factor 1/4 split over the two passes. */
const COS = new Float64Array(64);
for (let x = 0; x < 8; x++) {
  for (let u = 0; u < 8; u++) {
    COS[x * 8 + u] = ((u === 0 ? Math.SQRT1_2 : 1) / 2) * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
  }
}

/**
 * Dequantised coefficients (natural order, row-major: index v * 8 + u) to level-shifted, clamped samples of
 * `precision` bits, written into `out` at `offset` with row stride `stride`, cropped to `width` x `height`.
 */
export function inverseDct(
  coefficients: Float64Array,
  scratch: Float64Array,
  precision: number,
  out: Uint16Array,
  offset: number,
  stride: number,
  width: number,
  height: number,
): void {
  const levelShift = 1 << (precision - 1);
  const max = (1 << precision) - 1;
  // Flat blocks (air, water, fat) are common in CT and carry only a DC term: every sample is DC / 8.
  if (acIsZero(coefficients)) {
    const sample = clampRound((coefficients[0] as number) / 8, levelShift, max);
    for (let y = 0; y < height; y++) out.fill(sample, offset + y * stride, offset + y * stride + width);
    return;
  }
  for (let v = 0; v < 8; v++) {
    const row = v * 8;
    if (rowIsZero(coefficients, row)) {
      scratch.fill(0, row, row + 8);
      continue;
    }
    for (let x = 0; x < 8; x++) {
      let sum = 0;
      for (let u = 0; u < 8; u++) sum += (COS[x * 8 + u] as number) * (coefficients[row + u] as number);
      scratch[row + x] = sum;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let v = 0; v < 8; v++) sum += (COS[y * 8 + v] as number) * (scratch[v * 8 + x] as number);
      out[offset + y * stride + x] = clampRound(sum, levelShift, max);
    }
  }
}

const clampRound = (value: number, levelShift: number, max: number): number => {
  const sample = Math.round(value) + levelShift;
  return sample < 0 ? 0 : sample > max ? max : sample;
};

function acIsZero(c: Float64Array): boolean {
  for (let i = 1; i < 64; i++) if (c[i] !== 0) return false;
  return true;
}

function rowIsZero(c: Float64Array, row: number): boolean {
  for (let i = row; i < row + 8; i++) if (c[i] !== 0) return false;
  return true;
}
