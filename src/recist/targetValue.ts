// The value a target lesion adds to the sum at one time point (RECIST-RULES.md, "Sum of diameters").
import type { TargetFragment, TargetObservation } from './types';
import { type Micrometres, TOO_SMALL_VALUE, ZERO_MM, addMicrometres } from './units';

export type TargetValue =
  | { readonly known: true; readonly value: Micrometres }
  | { readonly known: false; readonly why: 'not_evaluable' | 'not_assessed' };

function fragmentValue(fragment: TargetFragment): Micrometres {
  switch (fragment.state) {
    case 'measured':
      if (fragment.diameter === undefined) throw new Error('a measured fragment needs its diameter');
      return fragment.diameter;
    case 'too_small':
      return TOO_SMALL_VALUE;
    case 'absent':
    case 'merged':
      return ZERO_MM;
    case 'not_evaluable':
      throw new Error('not evaluable fragments have no value');
  }
}

/** Fragments of a split lesion add up; one not-evaluable fragment makes the lesion unknown. */
export function targetValue(observation: TargetObservation | undefined): TargetValue {
  if (observation === undefined || observation.fragments.length === 0) return { known: false, why: 'not_assessed' };
  let value = ZERO_MM;
  for (const fragment of observation.fragments) {
    if (fragment.state === 'not_evaluable') return { known: false, why: 'not_evaluable' };
    value = addMicrometres(value, fragmentValue(fragment));
  }
  return { known: true, value };
}
