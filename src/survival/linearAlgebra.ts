// Symmetric positive (semi-)definite matrices as R's survival package handles them (cholesky2.c, chsolve2.c,
// chinv2.c): an L D L' factorisation whose pivots below toler * (largest diagonal element) mark the matrix as
// singular, as coxph's toler.chol does. The matrices here are small (one row per covariate).

export type Matrix = readonly (readonly number[])[];

/** R's coxph.control()$toler.chol: .Machine$double.eps^0.75. */
export const CHOLESKY_TOLERANCE = 2 ** (-52 * 0.75);

export interface LdlFactor {
  readonly ok: true;
  /** Unit lower triangle L (the diagonal is implied 1). */
  readonly lower: readonly (readonly number[])[];
  readonly diagonal: readonly number[];
}

export type LdlResult = LdlFactor | { readonly ok: false; readonly singular: readonly number[] };

/** A = L D L' (Golub & Van Loan, Matrix Computations, 4th ed., algorithm 4.1.2). */
export function ldlDecompose(a: Matrix, tolerance = CHOLESKY_TOLERANCE): LdlResult {
  const n = a.length;
  const m = a.map((row) => [...row]);
  const largest = Math.max(0, ...a.map((row, i) => row[i] as number));
  const eps = largest === 0 ? tolerance : largest * tolerance;
  const singular: number[] = [];
  for (let i = 0; i < n; i++) {
    const mi = m[i] as number[];
    const pivot = mi[i] as number;
    if (!Number.isFinite(pivot) || pivot < eps) {
      singular.push(i);
      mi[i] = 0;
      continue;
    }
    for (let j = i + 1; j < n; j++) {
      const mj = m[j] as number[];
      const t = (mj[i] as number) / pivot;
      mj[i] = t;
      mj[j] = (mj[j] as number) - t * t * pivot;
      for (let k = j + 1; k < n; k++) {
        const mk = m[k] as number[];
        mk[j] = (mk[j] as number) - t * (mk[i] as number);
      }
    }
  }
  if (singular.length > 0) return { ok: false, singular };
  return {
    ok: true,
    lower: m.map((row, i) => row.map((v, j) => (j < i ? v : j === i ? 1 : 0))),
    diagonal: m.map((row, i) => row[i] as number),
  };
}

/** x with A x = b, from A's factor. */
export function ldlSolve(factor: LdlFactor, b: readonly number[]): number[] {
  const { lower, diagonal } = factor;
  const n = diagonal.length;
  const x = [...b];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) x[i] = (x[i] as number) - ((lower[i] as number[])[j] as number) * (x[j] as number);
  }
  for (let i = 0; i < n; i++) x[i] = (x[i] as number) / (diagonal[i] as number);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) x[i] = (x[i] as number) - ((lower[j] as number[])[i] as number) * (x[j] as number);
  }
  return x;
}

/** A^-1, column by column. */
export function ldlInverse(factor: LdlFactor): number[][] {
  const n = factor.diagonal.length;
  const columns = Array.from({ length: n }, (_, j) => ldlSolve(factor, Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))));
  // Symmetrise: the two triangles differ only by rounding.
  return columns.map((_, i) => columns.map((__, j) => ((columns[j] as number[])[i] as number + ((columns[i] as number[])[j] as number)) / 2));
}

/** x' A x. */
export function quadraticForm(a: Matrix, x: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < x.length; j++) sum += (x[i] as number) * ((a[i] as number[])[j] as number) * (x[j] as number);
  }
  return sum;
}
