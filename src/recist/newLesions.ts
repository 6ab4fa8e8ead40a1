// New lesions at one follow-up (RECIST-RULES.md, "New lesions"; E09 4.3.2 and FAQ).
import { mm } from './explain';
import { isNormalNode } from './thresholds';
import type { NewLesionFinding, NewLesionObservation, WarningCode } from './types';

export interface NewLesionAssessment {
  readonly finding: NewLesionFinding;
  /** Lesion ids of the unequivocal new lesions that count: each is PD. */
  readonly unequivocal: readonly string[];
  readonly equivocal: readonly string[];
  /** The finding in words ('' when there is no new lesion), built on first read. */
  readonly explain: () => string;
  readonly warnings: readonly WarningCode[];
}

/** Most follow-ups have no new lesion: one shared answer for all of them. */
const NO_NEW_LESION: NewLesionAssessment = { finding: 'no', unequivocal: [], equivocal: [], explain: () => '', warnings: [] };

export function assessNewLesions(observations: readonly NewLesionObservation[]): NewLesionAssessment {
  if (observations.length === 0) return NO_NEW_LESION;
  const unequivocal: string[] = [];
  const equivocal: string[] = [];
  const normalNodes: string[] = [];
  for (const o of observations) {
    // A new node counts only when its short axis is >= 10 mm (FAQ); one below is a normal node.
    if (o.nodal && o.shortAxis !== undefined && isNormalNode(o.shortAxis)) {
      normalNodes.push(`${o.lesionId} (${mm(o.shortAxis)})`);
      continue;
    }
    (o.state === 'unequivocal' ? unequivocal : equivocal).push(o.lesionId);
  }
  const explain = () => {
    const organOf = new Map(observations.map((o) => [o.lesionId, o.organ]));
    const describe = (ids: string[]) => ids.map((id) => (organOf.get(id) ? `${id} (${organOf.get(id)})` : id)).join(', ');
    const parts: string[] = [];
    if (unequivocal.length > 0) parts.push(`unequivocal new lesion ${describe(unequivocal)}`);
    if (equivocal.length > 0) parts.push(`equivocal new lesion ${describe(equivocal)} (not PD unless confirmed later)`);
    if (normalNodes.length > 0) parts.push(`new node ${normalNodes.join(', ')} below 10 mm short axis does not count`);
    return parts.join('; ');
  };
  return {
    finding: unequivocal.length > 0 ? 'yes' : equivocal.length > 0 ? 'equivocal' : 'no',
    unequivocal,
    equivocal,
    explain,
    warnings: normalNodes.length > 0 ? ['NEW_NODE_BELOW_10MM'] : [],
  };
}
