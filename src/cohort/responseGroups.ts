// RECIST responses -> analysis groups. The rules, for both the landmark response and the best overall response:
//  - 'cr-pr/sd/pd': CR and PR together ("CR/PR"), SD with NON-CR/NON-PD (neither response nor progression, the
//    non-target-only counterpart of SD) as "SD", and PD. NE says nothing about the tumour: those patients are left
//    out and counted.
//  - 'responders': CR/PR against everybody else, NE included: RECIST 1.1 counts a patient who was not evaluable
//    as a non-responder (every patient stays in the response-rate denominator, Eisenhauer et al. 2009, 4.4).
//  - No response at all (empty cell): left out and counted.
import { assertNever } from '../shared/assertNever';
import type { ResponseSplit } from './cohortChoice';
import type { Response } from './patientCsv';

export const RESPONSE_LEVELS: Record<ResponseSplit, readonly string[]> = {
  'cr-pr/sd/pd': ['CR/PR', 'SD', 'PD'],
  responders: ['Responders (CR/PR)', 'Non-responders'],
};

/** The group of a response, or why the patient is left out. */
export type ResponseGroup = { readonly group: string } | { readonly excluded: 'NO_RESPONSE' | 'NOT_EVALUABLE' };

export function responseGroup(response: Response | null, split: ResponseSplit): ResponseGroup {
  if (response === null) return { excluded: 'NO_RESPONSE' };
  switch (split) {
    case 'cr-pr/sd/pd':
      switch (response) {
        case 'CR':
        case 'PR':
          return { group: 'CR/PR' };
        case 'SD':
        case 'NON-CR/NON-PD':
          return { group: 'SD' };
        case 'PD':
          return { group: 'PD' };
        case 'NE':
          return { excluded: 'NOT_EVALUABLE' };
        default:
          return assertNever(response, 'response');
      }
    case 'responders':
      return { group: response === 'CR' || response === 'PR' ? 'Responders (CR/PR)' : 'Non-responders' };
    default:
      return assertNever(split, 'response split');
  }
}
