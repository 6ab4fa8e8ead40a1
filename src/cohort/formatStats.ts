// Numbers as the cohort screen prints them. The tables show rounded values; the CSV exports carry full precision.
import { DAYS_PER_MONTH } from './cohortChoice';

/** Days: whole days as they are, a midpoint median (R's rule for a flat 0.5) with one decimal; null = not reached. */
export const formatDays = (days: number | null): string =>
  days === null ? 'NR' : Number.isInteger(days) ? String(days) : days.toFixed(1);

export const formatMonths = (days: number | null): string => (days === null ? 'NR' : (days / DAYS_PER_MONTH).toFixed(1));

/** At most `digits` significant digits, without trailing zeros: 3.396, 0.601, 182. */
export function formatSignificant(x: number, digits = 4): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e6) return String(Number(x.toPrecision(digits)));
  return x.toExponential(digits - 1).replace(/\.?0+e/, 'e');
}

/**
 * A p-value with 3 significant digits (R's format.pval): 0.0653, 0.000412, 1.14e-11; below machine precision it is
 * "< 2.2e-16", as R prints it.
 */
export function formatP(p: number): string {
  if (p < 2.220446e-16) return '< 2.2e-16';
  return p < 1e-4 ? p.toExponential(2).replace(/\.?0+e/, 'e') : String(Number(p.toPrecision(3)));
}

/** Hazard ratios and their limits: 3 significant digits. */
export const formatRatio = (x: number): string => formatSignificant(x, 3);
