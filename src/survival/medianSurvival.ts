// Median survival and its confidence interval, exactly as print(survfit) shows them (survival:::survmean): the
// median is the first time the curve is at or below 0.5, and the interval's ends are the first times the lower
// and upper confidence curves are (Brookmeyer & Crowley 1982, Biometrics 38:29-41).

export interface MedianSurvival {
  /** null: the curve never falls to 0.5 ("not reached", NA in R). */
  readonly median: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** R's tolerance for "exactly 0.5": sqrt(.Machine$double.eps). */
const TOLERANCE = Math.sqrt(2 ** -52);

/**
 * The first time where `curve` (null = undefined there) is below 0.5 + tolerance. When the curve sits at exactly
 * 0.5 on a flat segment, the median is the midpoint between the segment's start and the time the curve next
 * drops (the "midpoint rule" of survmean's minmin); if it never drops, the segment's start.
 */
export function firstTimeAtOrBelowHalf(times: readonly number[], curve: readonly (number | null)[]): number | null {
  let first = -1;
  for (let i = 0; i < times.length; i++) {
    const y = curve[i];
    if (y === null || y === undefined || !(y < 0.5 + TOLERANCE)) continue;
    if (first < 0) {
      first = i;
      if (Math.abs(y - 0.5) >= TOLERANCE) return times[i] as number;
    } else if (y < (curve[first] as number)) {
      return ((times[first] as number) + (times[i] as number)) / 2;
    }
  }
  return first < 0 ? null : (times[first] as number);
}

export interface CurvePoints {
  readonly time: number;
  readonly survival: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** The median from the survival curve; its lower limit from the lower confidence curve, upper from the upper. */
export function medianSurvival(steps: readonly CurvePoints[]): MedianSurvival {
  const times = steps.map((s) => s.time);
  return {
    median: firstTimeAtOrBelowHalf(times, steps.map((s) => s.survival)),
    lower: firstTimeAtOrBelowHalf(times, steps.map((s) => s.lower)),
    upper: firstTimeAtOrBelowHalf(times, steps.map((s) => s.upper)),
  };
}
