// The states a reader can record for a lesion at a time point, in the words of a report, per category.
import type { LesionCategory } from '../../recist/types';
import type { FindingState } from '../../tracking/types';

export interface FindingChoice {
  readonly state: FindingState;
  readonly label: string;
}

const TARGET: readonly FindingChoice[] = [
  { state: 'measured', label: 'Measured' },
  { state: 'too_small', label: 'Too small to measure (5 mm)' },
  { state: 'absent', label: 'Disappeared (0 mm)' },
  { state: 'not_evaluable', label: 'Not evaluable' },
  { state: 'merged', label: 'Merged into…' },
];
const NON_TARGET: readonly FindingChoice[] = [
  { state: 'present', label: 'Present' },
  { state: 'absent', label: 'Absent' },
  { state: 'progression', label: 'Unequivocal progression' },
  { state: 'not_evaluable', label: 'Not evaluable' },
];
const NEW: readonly FindingChoice[] = [
  { state: 'unequivocal', label: 'Unequivocal' },
  { state: 'equivocal', label: 'Equivocal' },
];

export function findingChoices(category: LesionCategory): readonly FindingChoice[] {
  switch (category) {
    case 'target': return TARGET;
    case 'non-target': return NON_TARGET;
    case 'new': return NEW;
  }
}

export const CATEGORY_WORDS: Record<LesionCategory, string> = { target: 'Target', 'non-target': 'Non-target', new: 'New lesion' };
