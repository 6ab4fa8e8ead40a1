// Two readers' assessments of one patient, side by side: where they differ (overall response per time point,
// best overall response, progression date), and the first time point where they part. A patient is discordant
// when any of these differ; an adjudicator then chooses one read (issue 20).
import type { IsoDate, PatientAssessment, TimepointResponse } from '../recist/types';
import { daysBetween } from '../shared/isoDate';

export interface DiscordanceOptions {
  /** Progression dates more than this many days apart disagree (0: they must be the same scan). */
  readonly progressionDays: number;
}

export const DEFAULT_DISCORDANCE_OPTIONS: DiscordanceOptions = { progressionDays: 0 };

export interface TimepointPair {
  readonly scanDate: IsoDate;
  readonly label: string;
  /** Null when that reader did not assess this scan. */
  readonly first: TimepointResponse | null;
  readonly second: TimepointResponse | null;
  readonly agree: boolean;
}

export interface ReadComparison {
  readonly patientId: string;
  readonly readers: readonly [string, string];
  /** Every follow-up scan either reader assessed, in date order. */
  readonly timepoints: readonly TimepointPair[];
  readonly bestResponse: { readonly first: TimepointResponse; readonly second: TimepointResponse; readonly agree: boolean };
  readonly progression: { readonly first: IsoDate | null; readonly second: IsoDate | null; readonly agree: boolean };
  readonly discordant: boolean;
  /** The first follow-up whose overall responses differ; null when every time point agrees. */
  readonly firstDiscordant: TimepointPair | null;
}

export function compareReads(first: PatientAssessment, second: PatientAssessment, options: DiscordanceOptions = DEFAULT_DISCORDANCE_OPTIONS): ReadComparison {
  const followUps = (a: PatientAssessment) => new Map(a.timepoints.filter((t) => !t.isBaseline).map((t) => [t.scanDate, t]));
  const a = followUps(first);
  const b = followUps(second);
  const dates = [...new Set([...a.keys(), ...b.keys()])].sort();
  const timepoints = dates.map((scanDate): TimepointPair => {
    const x = a.get(scanDate);
    const y = b.get(scanDate);
    const one = x?.overallResponse ?? null;
    const two = y?.overallResponse ?? null;
    return { scanDate, label: x?.label ?? y?.label ?? scanDate, first: one, second: two, agree: one === two };
  });
  const p1 = first.progressionDate;
  const p2 = second.progressionDate;
  const progressionAgree = p1 === null || p2 === null ? p1 === p2 : Math.abs(daysBetween(p1, p2)) <= options.progressionDays;
  const bestAgree = first.bestOverallResponse === second.bestOverallResponse;
  const firstDiscordant = timepoints.find((t) => !t.agree) ?? null;
  return {
    patientId: first.patientId,
    readers: [first.reader ?? '', second.reader ?? ''],
    timepoints,
    bestResponse: { first: first.bestOverallResponse, second: second.bestOverallResponse, agree: bestAgree },
    progression: { first: p1, second: p2, agree: progressionAgree },
    discordant: firstDiscordant !== null || !bestAgree || !progressionAgree,
    firstDiscordant,
  };
}
