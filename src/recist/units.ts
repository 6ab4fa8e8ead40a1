// Diameters are integers of micrometres (0.001 mm) so that every RECIST threshold is an exact integer comparison:
// 25.5 -> 30.6 mm is exactly +20 %, 3.2 -> 8.2 mm exactly +5 mm (RECIST-RULES.md, "Target response").

declare const micrometresBrand: unique symbol;
/** A length in whole micrometres. Only `parseMillimetres` and `mmToMicrometres` make one. */
export type Micrometres = number & { readonly [micrometresBrand]: true };

export const MICROMETRES_PER_MM = 1000;

export const micrometres = (whole: number): Micrometres => {
  if (!Number.isSafeInteger(whole)) throw new Error(`micrometres must be a whole number, got ${whole}`);
  return whole as Micrometres;
};

export const ZERO_MM = micrometres(0);
/** A target "too small to measure" but present counts 5 mm (RECIST 1.1 Appendix I; FAQ). */
export const TOO_SMALL_VALUE = micrometres(5_000);
/** Lymph nodes with short axis below 10 mm are normal (RECIST 1.1, 4.3.1). */
export const NODE_NORMAL_BELOW = micrometres(10_000);

/** Whole millimetres to micrometres, for thresholds written in mm. */
export const mmToMicrometres = (mm: number): Micrometres => micrometres(Math.round(mm * MICROMETRES_PER_MM));

export const addMicrometres = (a: Micrometres, b: Micrometres): Micrometres => micrometres(a + b);

/** Parses a decimal string of millimetres ("30.6", "12", "7.25") exactly; null when it is not one. */
export function parseMillimetres(text: string): Micrometres | null {
  const m = /^(\d{1,6})(?:\.(\d{1,3}))?$/.exec(text);
  if (!m) return null;
  const whole = Number(m[1]);
  const fraction = Number((m[2] ?? '').padEnd(3, '0'));
  return micrometres(whole * MICROMETRES_PER_MM + fraction);
}

/** Millimetres as a number rounded to 0.1, for JSON output. */
export const toMmRounded = (value: Micrometres): number => Math.round(value / 100) / 10;

/** Millimetres for display, one decimal ("26.0"): the same rounding as the numbers written out. */
export const formatMm = (value: Micrometres): string => toMmRounded(value).toFixed(1);
