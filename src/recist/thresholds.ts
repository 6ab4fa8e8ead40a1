// RECIST 1.1 size thresholds as exact integer comparisons on micrometres (E09 4.3.1; RECIST-RULES.md).
import { type Micrometres, NODE_NORMAL_BELOW, mmToMicrometres } from './units';

const PD_ABSOLUTE_INCREASE = mmToMicrometres(5);
const MIN_NON_NODAL_TARGET = mmToMicrometres(10);
const MIN_NODAL_TARGET_SHORT_AXIS = mmToMicrometres(15);

/** PD: sum >= 120 % of the nadir AND at least 5 mm above it. */
export const meetsProgression = (sum: Micrometres, nadir: Micrometres): boolean =>
  10 * sum >= 12 * nadir && sum - nadir >= PD_ABSOLUTE_INCREASE;

/** PR: sum <= 70 % of the baseline sum (a decrease of at least 30 %). */
export const meetsPartialResponse = (sum: Micrometres, baseline: Micrometres): boolean => 10 * sum <= 7 * baseline;

export const isNormalNode = (shortAxis: Micrometres): boolean => shortAxis < NODE_NORMAL_BELOW;

/** Measurable at baseline on CT: long axis >= 10 mm; a node's short axis >= 15 mm (E09 3.1). */
export const isMeasurableTarget = (diameter: Micrometres, nodal: boolean): boolean =>
  diameter >= (nodal ? MIN_NODAL_TARGET_SHORT_AXIS : MIN_NON_NODAL_TARGET);
