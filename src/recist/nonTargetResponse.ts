// Non-target response at one follow-up (RECIST-RULES.md, "Non-target response"; E09 4.3.2).
import { isNormalNode } from './thresholds';
import type { LesionIdentity, NonTargetObservation, TimepointResponse } from './types';

export interface NonTargetAssessment {
  readonly response: 'CR' | 'NON-CR/NON-PD' | 'PD' | 'NE';
  /** The reason in words, built on first read. */
  readonly explain: () => string;
  readonly notAssessed: readonly string[];
  /** Non-targets now gone (absent, or a node back below 10 mm), for the next time point. */
  readonly gone: ReadonlySet<string>;
}

const isGone = (o: NonTargetObservation): boolean =>
  o.state === 'absent' || (o.state === 'present' && o.nodal && o.shortAxis !== undefined && isNormalNode(o.shortAxis));

export function assessNonTargets(
  baselineNonTargets: readonly LesionIdentity[],
  observations: readonly NonTargetObservation[],
  previousOverall: TimepointResponse | null,
  previouslyGone: ReadonlySet<string>,
): NonTargetAssessment {
  const progressed: string[] = [];
  const reappeared: string[] = [];
  const notAssessed: string[] = [];
  const persisting: string[] = [];
  const gone = new Set<string>();
  for (const lesion of baselineNonTargets) {
    const o = observations.find((x) => x.lesionId === lesion.lesionId);
    if (o === undefined || o.state === 'not_evaluable') {
      notAssessed.push(`${lesion.lesionId} ${o === undefined ? 'not assessed' : 'not evaluable'}`);
      if (previouslyGone.has(lesion.lesionId)) gone.add(lesion.lesionId);
    } else if (o.state === 'progression') {
      progressed.push(lesion.lesionId);
    } else if (isGone(o)) {
      gone.add(lesion.lesionId);
    } else {
      persisting.push(lesion.lesionId);
      if (previousOverall === 'CR' && previouslyGone.has(lesion.lesionId)) reappeared.push(lesion.lesionId);
    }
  }
  const result = (response: NonTargetAssessment['response'], explain: () => string): NonTargetAssessment => ({
    response,
    explain,
    notAssessed,
    gone,
  });
  if (progressed.length > 0) {
    return result('PD', () => `non-target PD: unequivocal progression of ${progressed.join(', ')}`);
  }
  if (reappeared.length > 0) {
    return result('PD', () => `non-target PD: ${reappeared.join(', ')} reappeared after a complete response`);
  }
  if (notAssessed.length > 0) return result('NE', () => `non-target NE: ${notAssessed.join(', ')}`);
  if (persisting.length === 0) {
    return result('CR', () => 'non-target CR: every non-target lesion has disappeared (nodes < 10 mm short axis)');
  }
  return result('NON-CR/NON-PD', () => `non-target Non-CR/Non-PD: ${persisting.join(', ')} persisting`);
}
