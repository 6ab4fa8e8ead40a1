// Target-lesion response at one follow-up (RECIST-RULES.md, "Target response"; E09 4.3.1 and FAQ).
import { mm, signedMm, signedPercent } from './explain';
import { targetValue } from './targetValue';
import { isNormalNode, meetsPartialResponse, meetsProgression } from './thresholds';
import type { IsoDate, LesionIdentity, PrPolicy, TargetObservation, TimepointResponse } from './types';
import { type Micrometres, ZERO_MM, addMicrometres } from './units';

export interface TargetHistory {
  readonly baselineSum: Micrometres;
  readonly nadir: { readonly sum: Micrometres; readonly date: IsoDate };
  /** Overall response of the previous follow-up (null after baseline). */
  readonly previousOverall: TimepointResponse | null;
  /** Lesions whose last evaluated record was "disappeared" (0 mm). */
  readonly disappeared: ReadonlySet<string>;
  /** A PR (or CR) reached earlier, and confirmed where confirmation is required: PR continues until PD. */
  readonly prReached: boolean;
  readonly prPolicy: PrPolicy;
}

export interface TargetAssessment {
  readonly response: 'CR' | 'PR' | 'SD' | 'PD' | 'NE';
  /** Null when a lesion was not assessed. */
  readonly sum: Micrometres | null;
  /** The reason in words; built only when someone reads it (a cohort of 10,000 patients rarely does). */
  readonly explain: () => string;
  readonly notAssessed: readonly string[];
  /** The lesions now recorded as disappeared (0 mm), for the next time point's history. */
  readonly disappeared: ReadonlySet<string>;
}

const overNadir = (sum: Micrometres, nadir: TargetHistory['nadir']): string =>
  `${signedPercent(sum, nadir.sum)} (${signedMm(sum - nadir.sum)}) over the nadir ${mm(nadir.sum)} of ${nadir.date}`;

const fromNadir = (sum: Micrometres, nadir: TargetHistory['nadir']): string =>
  `${signedPercent(sum, nadir.sum)} (${signedMm(sum - nadir.sum)}) from the nadir ${mm(nadir.sum)} of ${nadir.date}`;

const fromBaseline = (sum: Micrometres, baseline: Micrometres): string =>
  `${signedPercent(sum, baseline)} from the baseline ${mm(baseline)}`;

const NOTHING: ReadonlySet<string> = new Set();
const NONE: readonly string[] = [];

export function assessTargets(
  baselineTargets: readonly LesionIdentity[],
  observations: readonly TargetObservation[],
  history: TargetHistory,
): TargetAssessment {
  let knownSum = ZERO_MM;
  // Made only when something is there to hold: most follow-ups have no missing, gone or reappeared lesion.
  let notAssessed: string[] | undefined;
  let disappeared: Set<string> | undefined;
  let reappeared: string[] | undefined;
  let allNonNodalGone = true;
  let allNodesNormal = true;
  for (const lesion of baselineTargets) {
    // At most a handful of targets: a linear find allocates nothing, unlike a Map per time point.
    const v = targetValue(observations.find((o) => o.lesionId === lesion.lesionId));
    if (!v.known) {
      if (history.disappeared.has(lesion.lesionId)) (disappeared ??= new Set()).add(lesion.lesionId);
      (notAssessed ??= []).push(v.why === 'not_assessed' ? `${lesion.lesionId} not assessed` : `${lesion.lesionId} not evaluable`);
      continue;
    }
    knownSum = addMicrometres(knownSum, v.value);
    if (v.disappeared) (disappeared ??= new Set()).add(lesion.lesionId);
    else if (history.disappeared.has(lesion.lesionId) && (!lesion.nodal || !isNormalNode(v.value))) {
      (reappeared ??= []).push(lesion.lesionId);
    }
    if (lesion.nodal ? !isNormalNode(v.value) : v.value > 0) {
      if (lesion.nodal) allNodesNormal = false;
      else allNonNodalGone = false;
    }
  }

  const { nadir, baselineSum } = history;
  const gone = disappeared ?? NOTHING;
  if (notAssessed !== undefined) {
    const missingIds = notAssessed;
    const missing = () => missingIds.join(', ');
    if (meetsProgression(knownSum, nadir.sum)) {
      return {
        response: 'PD',
        sum: null,
        explain: () => `PD: the assessed targets alone sum ${mm(knownSum)}, ${overNadir(knownSum, nadir)}, whatever the others measure (${missing()})`,
        notAssessed,
        disappeared: gone,
      };
    }
    return {
      response: 'NE',
      sum: null,
      explain: () => `NE: ${missing()}; the assessed targets (${mm(knownSum)}) do not prove PD`,
      notAssessed,
      disappeared: gone,
    };
  }

  const sum = knownSum;
  const result = (response: TargetAssessment['response'], explain: () => string): TargetAssessment => ({
    response,
    sum,
    explain,
    notAssessed: NONE,
    disappeared: gone,
  });
  const back = () => (reappeared !== undefined ? ` (${reappeared.join(', ')} reappeared and is back in the sum)` : '');
  if (history.previousOverall === 'CR' && reappeared !== undefined) {
    const ids = reappeared;
    return result('PD', () => `PD: ${ids.join(', ')} reappeared after a complete response (sum ${mm(sum)})`);
  }
  if (meetsProgression(sum, nadir.sum)) {
    return result('PD', () => `PD: sum ${mm(sum)} is ${overNadir(sum, nadir)}${back()}`);
  }
  if (allNonNodalGone && allNodesNormal) {
    const nodes = baselineTargets.some((t) => t.nodal) ? ', every target node < 10 mm short axis' : '';
    return result('CR', () => `CR: every non-nodal target has disappeared${nodes} (sum ${mm(sum)})`);
  }
  if (meetsPartialResponse(sum, baselineSum)) {
    return result('PR', () => `PR: sum ${mm(sum)} is ${fromBaseline(sum, baselineSum)} (PR at -30 % or more)${back()}`);
  }
  if (history.prReached && history.prPolicy === 'continuing') {
    return result(
      'PR',
      () => `PR (continuing): sum ${mm(sum)} is ${fromBaseline(sum, baselineSum)}, above -30 %, but PR was reached earlier and PD criteria are not met (${fromNadir(sum, nadir)})${back()}`,
    );
  }
  return result(
    'SD',
    () => `SD: sum ${mm(sum)} is ${fromBaseline(sum, baselineSum)} and ${fromNadir(sum, nadir)}; neither PR nor PD${back()}`,
  );
}
