// Non-target response at one follow-up (RECIST-RULES.md, "Non-target response"; E09 4.3.2).
import { isNormalNode } from './thresholds';
import type { LesionIdentity, NonTargetObservation, TimepointResponse } from './types';

export interface NonTargetAssessment {
  readonly response: 'CR' | 'NON-CR/NON-PD' | 'PD' | 'NE';
  /** The reason in words, built on first read. */
  readonly explain: () => string;
  /** True when a baseline non-target was not assessed (or not evaluable) here. */
  readonly incomplete: boolean;
  /** Non-targets now gone (absent, or a node back below 10 mm), for the next time point. */
  readonly gone: ReadonlySet<string>;
}

type Finding = 'not assessed' | 'not evaluable' | 'progressed' | 'gone' | 'persisting' | 'reappeared';

const NOTHING_GONE: ReadonlySet<string> = new Set();

const isGone = (o: NonTargetObservation): boolean =>
  o.state === 'absent' || (o.state === 'present' && o.nodal && o.shortAxis !== undefined && isNormalNode(o.shortAxis));

export function assessNonTargets(
  baselineNonTargets: readonly LesionIdentity[],
  observations: readonly NonTargetObservation[],
  previousOverall: TimepointResponse | null,
  previouslyGone: ReadonlySet<string>,
): NonTargetAssessment {
  const findingOf = (lesion: LesionIdentity): Finding => {
    const o = observations.find((x) => x.lesionId === lesion.lesionId);
    if (o === undefined) return 'not assessed';
    if (o.state === 'not_evaluable') return 'not evaluable';
    if (o.state === 'progression') return 'progressed';
    if (isGone(o)) return 'gone';
    return previousOverall === 'CR' && previouslyGone.has(lesion.lesionId) ? 'reappeared' : 'persisting';
  };
  // Counted here, named only when the explanation is read: a cohort assessment allocates almost nothing per lesion.
  let progressed = 0;
  let reappeared = 0;
  let notAssessed = 0;
  let persisting = 0;
  let gone: Set<string> | undefined;
  for (const lesion of baselineNonTargets) {
    const finding = findingOf(lesion);
    if (finding === 'not assessed' || finding === 'not evaluable') {
      notAssessed++;
      if (previouslyGone.has(lesion.lesionId)) (gone ??= new Set()).add(lesion.lesionId);
    } else if (finding === 'progressed') progressed++;
    else if (finding === 'gone') (gone ??= new Set()).add(lesion.lesionId);
    else {
      persisting++;
      if (finding === 'reappeared') reappeared++;
    }
  }
  const named = (...findings: Finding[]) =>
    baselineNonTargets
      .filter((l) => findings.includes(findingOf(l)))
      .map((l) => (findings.length > 1 ? `${l.lesionId} ${findingOf(l)}` : l.lesionId))
      .join(', ');
  const result = (response: NonTargetAssessment['response'], explain: () => string): NonTargetAssessment => ({
    response,
    explain,
    incomplete: notAssessed > 0,
    gone: gone ?? NOTHING_GONE,
  });
  if (progressed > 0) return result('PD', () => `non-target PD: unequivocal progression of ${named('progressed')}`);
  if (reappeared > 0) return result('PD', () => `non-target PD: ${named('reappeared')} reappeared after a complete response`);
  if (notAssessed > 0) return result('NE', () => `non-target NE: ${named('not assessed', 'not evaluable')}`);
  if (persisting === 0) {
    return result('CR', () => 'non-target CR: every non-target lesion has disappeared (nodes < 10 mm short axis)');
  }
  return result('NON-CR/NON-PD', () => `non-target Non-CR/Non-PD: ${named('persisting')} persisting`);
}
