// Best overall response (RECIST-RULES.md, "Best overall response"; E09 4.4 and Table 3).
import type { AssessOptions, IsoDate, TimepointResponse } from './types';

export interface FollowUpResponse {
  readonly scanDate: IsoDate;
  readonly daysFromBaseline: number;
  readonly response: TimepointResponse;
}

export interface BestResponse {
  readonly response: TimepointResponse;
  readonly date: IsoDate | null;
  readonly explanation: string;
}

const RANK: Record<TimepointResponse, number> = { CR: 5, PR: 4, SD: 3, 'NON-CR/NON-PD': 2, PD: 1, NE: 0 };

/**
 * `followUps` are in date order. Only assessments before the progression date count (a back-dated progression
 * cuts earlier than the first overall PD). `stable` is what an unconfirmed or early response falls back to:
 * SD with target disease, NON-CR/NON-PD with non-target disease only.
 */
export function bestOverallResponse(
  followUps: readonly FollowUpResponse[],
  progressionDate: IsoDate | null,
  options: AssessOptions,
  stable: 'SD' | 'NON-CR/NON-PD',
): BestResponse {
  const beforePd = followUps.filter((f) => progressionDate === null || f.scanDate < progressionDate);
  const sdMinMet = (f: FollowUpResponse) => f.daysFromBaseline >= options.sdMinDays;
  const fallback = (): BestResponse => {
    const early = beforePd.find((f) => (f.response === 'SD' || f.response === 'NON-CR/NON-PD' || f.response === 'CR' || f.response === 'PR') && !sdMinMet(f));
    const why = early
      ? ` (${early.response} on ${early.scanDate}, day ${early.daysFromBaseline}, is before the ${options.sdMinDays}-day minimum for SD)`
      : '';
    if (progressionDate !== null) return { response: 'PD', date: progressionDate, explanation: `BOR PD: progression on ${progressionDate}${why}` };
    return { response: 'NE', date: null, explanation: `BOR NE: no evaluable response${why}` };
  };

  if (!options.confirm) {
    let best: FollowUpResponse | null = null;
    for (const f of beforePd) {
      const counts = f.response === 'CR' || f.response === 'PR' || ((f.response === 'SD' || f.response === 'NON-CR/NON-PD') && sdMinMet(f));
      if (counts && (best === null || RANK[f.response] > RANK[best.response])) best = f;
    }
    if (best === null) return fallback();
    return { response: best.response, date: best.scanDate, explanation: `BOR ${best.response}: first seen on ${best.scanDate} (day ${best.daysFromBaseline})` };
  }

  const confirmedBy = (i: number, confirming: readonly TimepointResponse[], between: readonly TimepointResponse[]): FollowUpResponse | null => {
    const first = beforePd[i];
    if (first === undefined) return null;
    for (let k = i + 1; k < beforePd.length; k++) {
      const next = beforePd[k] as FollowUpResponse;
      if (next.daysFromBaseline - first.daysFromBaseline >= options.confirmDays && confirming.includes(next.response)) return next;
      if (!between.includes(next.response)) return null;
    }
    return null;
  };
  for (const [target, confirming, between] of [
    ['CR', ['CR'], ['CR', 'NE']],
    ['PR', ['CR', 'PR'], ['CR', 'PR', 'NE']],
  ] as const) {
    for (let i = 0; i < beforePd.length; i++) {
      const f = beforePd[i] as FollowUpResponse;
      if (!(f.response === target || (target === 'PR' && f.response === 'CR'))) continue;
      const by = confirmedBy(i, confirming, between);
      if (by !== null) {
        return {
          response: target,
          date: f.scanDate,
          explanation: `BOR ${target}: ${f.response} on ${f.scanDate} confirmed by ${by.response} on ${by.scanDate} (${by.daysFromBaseline - f.daysFromBaseline} days later, ${options.confirmDays} needed)`,
        };
      }
    }
  }
  const stableAt = beforePd.find((f) => f.response !== 'NE' && f.response !== 'PD' && sdMinMet(f));
  if (stableAt !== undefined) {
    const unconfirmed = stableAt.response === 'CR' || stableAt.response === 'PR' ? ` (${stableAt.response} not confirmed)` : '';
    return {
      response: stable,
      date: stableAt.scanDate,
      explanation: `BOR ${stable}: on ${stableAt.scanDate}, day ${stableAt.daysFromBaseline} >= ${options.sdMinDays}${unconfirmed}`,
    };
  }
  return fallback();
}
