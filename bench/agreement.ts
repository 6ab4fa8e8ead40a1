// Agreement of measurements with truth, as method-comparison studies report it.

/**
 * ICC(A,1): two-way, absolute agreement, single measurement (McGraw & Wong 1996, case A; Shrout & Fleiss ICC(2,1)),
 * with the truth and the method as the two raters of each subject.
 */
export function iccAgreement(truth: readonly number[], measured: readonly number[]): number {
  const n = truth.length;
  const k = 2;
  if (n < 2 || measured.length !== n) return Number.NaN;
  const rows = truth.map((t, i) => [t, measured[i] as number] as const);
  const grand = rows.reduce((s, [a, b]) => s + a + b, 0) / (n * k);
  const colMeans = [rows.reduce((s, [a]) => s + a, 0) / n, rows.reduce((s, [, b]) => s + b, 0) / n];
  let ssr = 0;
  let sst = 0;
  for (const [a, b] of rows) {
    ssr += k * ((a + b) / 2 - grand) ** 2;
    sst += (a - grand) ** 2 + (b - grand) ** 2;
  }
  const ssc = n * colMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const sse = sst - ssr - ssc;
  const msr = ssr / (n - 1);
  const msc = ssc / (k - 1);
  const mse = sse / ((n - 1) * (k - 1));
  return (msr - mse) / (msr + (k - 1) * mse + (k * (msc - mse)) / n);
}

/** Coefficient of variation of repeated measurements of one thing (sample SD over mean). */
export function coefficientOfVariation(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance) / mean;
}

/** Root-mean-square of per-subject CVs: the pooled precision of a method (Glüer et al., Osteoporos Int 1995). */
export const rmsCv = (cvs: readonly number[]): number => Math.sqrt(cvs.reduce((s, c) => s + c * c, 0) / cvs.length);
