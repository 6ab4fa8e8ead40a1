// Where a time point's response sits within reader noise of a RECIST threshold (two careful readers differ by
// about +-22-25 % per lesion, Yoon 2016): the label is reported with how near it is, never changed.
// - PR: the change from baseline within `percentPoints` of -30 %;
// - PD: the change from the nadir within `percentPoints` of +20 % (while the 5 mm rule is met or near too), or the
//   growth within `millimetres` of the 5 mm absolute rule (while +20 % is met or near too): only the rule that
//   could flip PD is named;
// - a target node within `millimetres` of 10 mm short axis, where it alone decides a target CR.
import { isGoneValue } from './targetResponse';
import { targetValue } from './targetValue';
import { type BorderlineFlag, type BorderlineMargins, DEFAULT_BORDERLINE_MARGINS, type LesionIdentity, type TargetObservation } from './types';
import type { Micrometres } from './units';

export interface BorderlineInput {
  readonly baselineTargets: readonly LesionIdentity[];
  readonly observations: readonly TargetObservation[];
  readonly sum: Micrometres;
  readonly baselineSum: Micrometres;
  readonly nadirSum: Micrometres;
}

const NONE: readonly BorderlineFlag[] = [];
const round1 = (x: number): number => Math.round(x * 10) / 10;

export function borderlineFlags(input: BorderlineInput, margins: BorderlineMargins = DEFAULT_BORDERLINE_MARGINS): readonly BorderlineFlag[] {
  const { sum, baselineSum, nadirSum } = input;
  let flags: BorderlineFlag[] | undefined;
  const add = (flag: BorderlineFlag) => (flags ??= []).push(flag);
  if (baselineSum > 0) {
    const fromBaseline = ((sum - baselineSum) / baselineSum) * 100;
    const distance = Math.abs(fromBaseline + 30);
    if (distance <= margins.percentPoints) add({ rule: 'PR_MINUS_30_PERCENT', distance: round1(distance) });
  }
  const growthMm = (sum - nadirSum) / 1000;
  const toFiveMm = Math.abs(growthMm - 5);
  const fiveMmMetOrNear = growthMm >= 5 || toFiveMm <= margins.millimetres;
  if (nadirSum > 0) {
    const fromNadir = ((sum - nadirSum) / nadirSum) * 100;
    const toTwenty = Math.abs(fromNadir - 20);
    const twentyMetOrNear = fromNadir >= 20 || toTwenty <= margins.percentPoints;
    if (toTwenty <= margins.percentPoints && fiveMmMetOrNear) add({ rule: 'PD_PLUS_20_PERCENT', distance: round1(toTwenty) });
    if (toFiveMm <= margins.millimetres && twentyMetOrNear) add({ rule: 'PD_PLUS_5_MM', distance: round1(toFiveMm) });
  } else if (toFiveMm <= margins.millimetres) {
    // From a nadir of 0 every growth is over +20 %: only the 5 mm rule decides.
    add({ rule: 'PD_PLUS_5_MM', distance: round1(toFiveMm) });
  }
  const values = input.baselineTargets.map((lesion) => ({ lesion, v: targetValue(input.observations.find((o) => o.lesionId === lesion.lesionId)) }));
  for (const { lesion, v } of values) {
    if (!lesion.nodal || !v.known) continue;
    const fromTen = Math.abs(v.value / 1000 - 10);
    if (fromTen > margins.millimetres) continue;
    // This node decides a target CR only when every other target has gone.
    const othersGone = values.every((o) => o.lesion === lesion || (o.v.known && isGoneValue(o.v.value, o.lesion.nodal)));
    if (othersGone) add({ rule: 'NODE_10_MM', distance: round1(fromTen), lesionId: lesion.lesionId });
  }
  return flags ?? NONE;
}

/** One flag in words, for the explanation, the screen and the `borderline` column. */
export function describeBorderline(flag: BorderlineFlag): string {
  switch (flag.rule) {
    case 'PR_MINUS_30_PERCENT':
      return `PR -30 % by ${flag.distance.toFixed(1)} pt`;
    case 'PD_PLUS_20_PERCENT':
      return `PD +20 % by ${flag.distance.toFixed(1)} pt`;
    case 'PD_PLUS_5_MM':
      return `PD +5 mm by ${flag.distance.toFixed(1)} mm`;
    case 'NODE_10_MM':
      return `${flag.lesionId ?? 'node'} 10 mm by ${flag.distance.toFixed(1)} mm`;
  }
}
