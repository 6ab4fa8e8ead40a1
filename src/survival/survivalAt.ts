// A Kaplan-Meier curve read at chosen times ("survival at 6 and 12 months"), as R's summary(survfit, times = ).
import type { KaplanMeierCurve, KaplanMeierStep } from './kaplanMeier';

/**
 * The curve read at one requested time, in a step's terms; `events` and `censored` count those since the previous
 * requested time (or since 0 for the first), and `atRisk` is everybody still followed at `time`.
 */
export type SurvivalAtTime = KaplanMeierStep;

/**
 * The curve at each time in `times`, sorted ascending. As R (extend = FALSE), times after the last follow-up are
 * left out: the curve is not known there. Before the first step S = 1 (R's survfit0 row at time 0).
 */
export function survivalAt(curve: KaplanMeierCurve, times: readonly number[]): SurvivalAtTime[] {
  const steps = curve.steps;
  const last = steps[steps.length - 1];
  if (last === undefined) return [];
  const wanted = times.filter((t) => Number.isFinite(t) && t <= last.time).sort((a, b) => a - b);
  const out: SurvivalAtTime[] = [];
  let j = 0; // steps[0 .. j-1] are at or before the current time
  let eventsSoFar = 0;
  let censoredSoFar = 0;
  let eventsReported = 0;
  let censoredReported = 0;
  for (const time of wanted) {
    for (; j < steps.length && (steps[j] as KaplanMeierStep).time <= time; j++) {
      eventsSoFar += (steps[j] as KaplanMeierStep).events;
      censoredSoFar += (steps[j] as KaplanMeierStep).censored;
    }
    const at = j > 0 ? (steps[j - 1] as KaplanMeierStep) : undefined;
    // At risk at `time`: the first step at or after it (R's findInterval(left.open = TRUE)); before any step, all.
    const next = steps.find((s) => s.time >= time);
    const atRisk = time <= (steps[0] as KaplanMeierStep).time ? curve.n : (next?.atRisk ?? 0);
    out.push({
      time,
      atRisk,
      events: eventsSoFar - eventsReported,
      censored: censoredSoFar - censoredReported,
      survival: at?.survival ?? 1,
      stdErr: at ? at.stdErr : 0,
      lower: at ? at.lower : 1,
      upper: at ? at.upper : 1,
    });
    eventsReported = eventsSoFar;
    censoredReported = censoredSoFar;
  }
  return out;
}
