// The pure rules the repositories apply: labels, which states a category has, and how findings follow events.
import { describe, expect, it } from 'vitest';
import type { LesionCategory } from '../../src/recist/types';
import { firstFindingState, stateAfterMeasurement, translatedState } from '../../src/store/findingRules';
import { belongsToCategory, statesOf } from '../../src/store/findingStates';
import { nextFreeLabel } from '../../src/store/lesionLabels';
import type { FindingState } from '../../src/tracking/types';

describe('nextFreeLabel', () => {
  it.each<[LesionCategory, string[], string]>([
    ['target', [], 'T1'],
    ['target', ['T1', 'T2'], 'T3'],
    ['target', ['T1', 'T3'], 'T2'],
    ['target', ['NT1', 'N1'], 'T1'],
    ['non-target', ['T1', 'NT1'], 'NT2'],
    ['new', ['NT1', 'NT2'], 'N1'],
    ['new', ['N1', 'N2', 'N4'], 'N3'],
  ])('%s with %j taken -> %s', (category, taken, expected) => {
    expect(nextFreeLabel(category, taken)).toBe(expected);
  });
});

describe('finding states by category', () => {
  it('no state is shared between target and new lesions; absent and not_evaluable are shared by targets and non-targets', () => {
    expect(statesOf('target').filter((s) => statesOf('new').includes(s))).toEqual([]);
    expect(statesOf('target').filter((s) => statesOf('non-target').includes(s))).toEqual(['absent', 'not_evaluable']);
    expect(belongsToCategory('merged', 'non-target')).toBe(false);
  });

  it('first findings: a target has none until measured', () => {
    expect([firstFindingState('target'), firstFindingState('non-target'), firstFindingState('new')]).toEqual([undefined, 'present', 'unequivocal']);
  });

  it('after a measurement a target is measured whatever it was, others keep what the reader said', () => {
    expect(stateAfterMeasurement('target', 'absent')).toBe('measured');
    expect(stateAfterMeasurement('non-target', 'progression')).toBe('progression');
    expect(stateAfterMeasurement('new', undefined)).toBe('unequivocal');
  });
});

describe('translatedState: findings on a category change', () => {
  const ALL: (FindingState | undefined)[] = ['measured', 'too_small', 'absent', 'not_evaluable', 'merged', 'present', 'progression', 'unequivocal', 'equivocal', undefined];

  it.each<LesionCategory>(['target', 'non-target', 'new'])('always gives a state of the new category (%s) or none', (to) => {
    for (const state of ALL) {
      for (const measured of [true, false]) {
        const result = translatedState(state, to, measured);
        if (result !== undefined) expect(belongsToCategory(result, to)).toBe(true);
      }
    }
  });

  it('a measured time point of a new target is measured, and only then', () => {
    for (const state of ALL) {
      expect(translatedState(state, 'target', true)).toBe('measured');
      expect(translatedState(state, 'target', false)).not.toBe('measured');
    }
  });

  it.each<[FindingState | undefined, LesionCategory, boolean, FindingState | undefined]>([
    ['measured', 'non-target', true, 'present'],
    ['absent', 'non-target', false, 'absent'],
    ['present', 'target', false, undefined],
    ['absent', 'target', false, 'absent'],
    ['progression', 'new', false, 'unequivocal'],
    ['absent', 'new', false, undefined],
    ['equivocal', 'non-target', false, undefined],
  ])('%s becomes, as %s (measured %s), %s', (state, to, measured, expected) => {
    expect(translatedState(state, to, measured)).toBe(expected);
  });
});
