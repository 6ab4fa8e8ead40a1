// How a lesion's findings follow from what the reader does, in one place:
//  - a target is 'measured' exactly when it has a measurement at that time point;
//  - a non-target is recorded as 'present' and a new lesion as 'unequivocal' when first seen or first measured.
import type { LesionCategory } from '../recist/types';
import { assertNever } from '../shared/assertNever';
import type { FindingState } from '../tracking/types';

/** The finding a lesion gets where it is first recorded: a target has none until it is measured. */
export function firstFindingState(category: LesionCategory): FindingState | undefined {
  switch (category) {
    case 'target': return undefined;
    case 'non-target': return 'present';
    case 'new': return 'unequivocal';
    default: return assertNever(category, 'lesion category');
  }
}

/**
 * The finding after a measurement is drawn: a target becomes 'measured' (whatever it was); a non-target or new
 * lesion keeps what the reader said, or gets its first-seen state when nothing was said.
 */
export function stateAfterMeasurement(category: LesionCategory, current: FindingState | undefined): FindingState {
  switch (category) {
    case 'target': return 'measured';
    case 'non-target': return current ?? 'present';
    case 'new': return current ?? 'unequivocal';
    default: return assertNever(category, 'lesion category');
  }
}

/**
 * A finding's state when its lesion changes category (a reader's correction, usually at baseline). States with an
 * equivalent carry over; where there is none (a non-target's 'progression' as a target) the result is undefined
 * and the finding is removed, so the time point shows the lesion as not assessed instead of a guess.
 */
export function translatedState(state: FindingState | undefined, to: LesionCategory, measured: boolean): FindingState | undefined {
  switch (to) {
    case 'target':
      if (measured) return 'measured';
      return state === 'absent' || state === 'not_evaluable' || state === 'too_small' ? state : undefined;
    case 'non-target':
      switch (state) {
        case 'measured': case 'too_small': case 'merged': case 'unequivocal': case 'present': return 'present';
        case 'absent': case 'not_evaluable': case 'progression': return state;
        case 'equivocal': case undefined: return measured ? 'present' : undefined;
        default: return assertNever(state, 'finding state');
      }
    case 'new':
      switch (state) {
        case 'measured': case 'too_small': case 'merged': case 'present': case 'progression': case 'unequivocal': return 'unequivocal';
        case 'equivocal': return state;
        case 'absent': case 'not_evaluable': case undefined: return measured ? 'unequivocal' : undefined;
        default: return assertNever(state, 'finding state');
      }
    default: return assertNever(to, 'lesion category');
  }
}
