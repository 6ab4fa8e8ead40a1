// Which finding states each lesion category can have (RECIST 1.1: targets are measured, non-targets are judged,
// new lesions are unequivocal or equivocal). Written out per category so a state added to the engine's unions
// must be placed here before this compiles.
import type { LesionCategory, NewLesionState, NonTargetState, TargetState } from '../recist/types';
import { assertNever } from '../shared/assertNever';
import type { FindingState } from '../tracking/types';

export const TARGET_STATES: readonly TargetState[] = ['measured', 'too_small', 'absent', 'not_evaluable', 'merged'];
export const NON_TARGET_STATES: readonly NonTargetState[] = ['present', 'absent', 'progression', 'not_evaluable'];
export const NEW_LESION_STATES: readonly NewLesionState[] = ['unequivocal', 'equivocal'];
export const LESION_CATEGORIES: readonly LesionCategory[] = ['target', 'non-target', 'new'];

export function statesOf(category: LesionCategory): readonly FindingState[] {
  switch (category) {
    case 'target': return TARGET_STATES;
    case 'non-target': return NON_TARGET_STATES;
    case 'new': return NEW_LESION_STATES;
    default: return assertNever(category, 'lesion category');
  }
}

export const belongsToCategory = (state: FindingState, category: LesionCategory): boolean =>
  statesOf(category).includes(state);

/** Every finding state of any category, for checking rows read back from the database. */
export const ALL_FINDING_STATES: readonly FindingState[] = [
  ...new Set<FindingState>([...TARGET_STATES, ...NON_TARGET_STATES, ...NEW_LESION_STATES]),
];
