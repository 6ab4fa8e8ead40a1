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
  /**
   * Lesions gone in the RECIST sense at their last evaluated record: a non-nodal target at 0 mm (disappeared,
   * merged into another, or measured 0), a nodal target below 10 mm short axis.
   */
  readonly gone: ReadonlySet<string>;
  /**
   * A PR (or CR) reached since the last target PD, and confirmed where confirmation is required: PR continues
   * until PD.
   */
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
  /** The lesions now gone in the RECIST sense (see TargetHistory.gone), for the next time point's history. */
  readonly gone: ReadonlySet<string>;
  /** True when the response is PR only because an earlier PR continues (the sum itself is above -30 %). */
  readonly continuingPr: boolean;
}

const overNadir = (sum: Micrometres, nadir: TargetHistory['nadir']): string =>
  `${signedPercent(sum, nadir.sum)} (${signedMm(sum - nadir.sum)}) over the nadir ${mm(nadir.sum)} of ${nadir.date}`;

const fromNadir = (sum: Micrometres, nadir: TargetHistory['nadir']): string =>
  `${signedPercent(sum, nadir.sum)} (${signedMm(sum - nadir.sum)}) from the nadir ${mm(nadir.sum)} of ${nadir.date}`;

const fromBaseline = (sum: Micrometres, baseline: Micrometres): string =>
  `${signedPercent(sum, baseline)} from the baseline ${mm(baseline)}`;

const NOTHING: ReadonlySet<string> = new Set();
const NONE: readonly string[] = [];

/**
 * Gone in the RECIST sense, decided from the value and not from how it was recorded: a non-nodal target at 0 mm
 * (disappeared, merged into another lesion, or measured 0), a node below 10 mm short axis (E09 4.3.1; FAQ
 * "Abnormal lymph node"). A lesion that was gone and is not any more has reappeared.
 */
export const isGoneValue = (value: Micrometres, nodal: boolean): boolean => (nodal ? isNormalNode(value) : value === 0);

export function assessTargets(
  baselineTargets: readonly LesionIdentity[],
  observations: readonly TargetObservation[],
  history: TargetHistory,
): TargetAssessment {
  let knownSum = ZERO_MM;
  // Made only when something is there to hold: most follow-ups have no missing, gone or reappeared lesion.
  let notAssessed: string[] | undefined;
  let gone: Set<string> | undefined;
  let reappeared: string[] | undefined;
  let allGone = true;
  for (const lesion of baselineTargets) {
    // At most a handful of targets: a linear find allocates nothing, unlike a Map per time point.
    const v = targetValue(observations.find((o) => o.lesionId === lesion.lesionId));
    if (!v.known) {
      // Not seen here: it stays as it was last seen, for the next time point.
      if (history.gone.has(lesion.lesionId)) (gone ??= new Set()).add(lesion.lesionId);
      (notAssessed ??= []).push(v.why === 'not_assessed' ? `${lesion.lesionId} not assessed` : `${lesion.lesionId} not evaluable`);
      continue;
    }
    knownSum = addMicrometres(knownSum, v.value);
    if (isGoneValue(v.value, lesion.nodal)) (gone ??= new Set()).add(lesion.lesionId);
    else {
      allGone = false;
      if (history.gone.has(lesion.lesionId)) (reappeared ??= []).push(`${lesion.lesionId} (${mm(v.value)})`);
    }
  }

  const { nadir, baselineSum } = history;
  const goneNow = gone ?? NOTHING;
  // After an overall CR any reappearance is PD (FAQ), whatever the sum and whatever the lesions not assessed here.
  const afterCr = history.previousOverall === 'CR' && reappeared !== undefined;
  const reappearedAfterCr = () =>
    `PD: ${(reappeared ?? []).join(', ')} reappeared after a complete response (gone means a non-nodal target at 0 mm, a node below 10 mm short axis; any reappearance after CR is PD)`;
  if (notAssessed !== undefined) {
    const missingIds = notAssessed;
    const missing = () => missingIds.join(', ');
    const unknown = (response: 'PD' | 'NE', explain: () => string): TargetAssessment => ({
      response,
      sum: null,
      explain,
      notAssessed: missingIds,
      gone: goneNow,
      continuingPr: false,
    });
    if (afterCr) return unknown('PD', () => `${reappearedAfterCr()}, whatever the others measure (${missing()})`);
    if (meetsProgression(knownSum, nadir.sum)) {
      return unknown('PD', () => `PD: the assessed targets alone sum ${mm(knownSum)}, ${overNadir(knownSum, nadir)}, whatever the others measure (${missing()})`);
    }
    return unknown('NE', () => `NE: ${missing()}; the assessed targets (${mm(knownSum)}) do not prove PD`);
  }

  const sum = knownSum;
  const result = (response: TargetAssessment['response'], explain: () => string, continuingPr = false): TargetAssessment => ({
    response,
    sum,
    explain,
    notAssessed: NONE,
    gone: goneNow,
    continuingPr,
  });
  const back = () => (reappeared !== undefined ? ` (${reappeared.join(', ')} reappeared and is back in the sum)` : '');
  if (afterCr) return result('PD', () => `${reappearedAfterCr()} (sum ${mm(sum)})`);
  if (meetsProgression(sum, nadir.sum)) {
    return result('PD', () => `PD: sum ${mm(sum)} is ${overNadir(sum, nadir)}${back()}`);
  }
  if (allGone) {
    const nodes = baselineTargets.some((t) => t.nodal) ? ', every target node < 10 mm short axis' : '';
    return result('CR', () => `CR: every non-nodal target has disappeared (0 mm)${nodes} (sum ${mm(sum)})`);
  }
  if (meetsPartialResponse(sum, baselineSum)) {
    return result('PR', () => `PR: sum ${mm(sum)} is ${fromBaseline(sum, baselineSum)} (PR at -30 % or more)${back()}`);
  }
  if (history.prReached && history.prPolicy === 'continuing') {
    return result(
      'PR',
      () => `PR (continuing): sum ${mm(sum)} is ${fromBaseline(sum, baselineSum)}, above -30 %, but PR was reached earlier and PD criteria have not been met since (${fromNadir(sum, nadir)})${back()}`,
      true,
    );
  }
  return result(
    'SD',
    () => `SD: sum ${mm(sum)} is ${fromBaseline(sum, baselineSum)} and ${fromNadir(sum, nadir)}; neither PR nor PD${back()}`,
  );
}
