// Overall response at one time point: Table 1 (targets at baseline) and Table 2 (non-target disease only) of E09.
import type { ComponentResponse, NewLesionFinding, TimepointResponse } from './types';

export interface OverallInput {
  readonly target: ComponentResponse;
  readonly nonTarget: ComponentResponse;
  readonly newLesions: NewLesionFinding;
}

export interface OverallDecision {
  readonly response: TimepointResponse;
  readonly rule: string;
}

export function overallResponse({ target, nonTarget, newLesions }: OverallInput): OverallDecision {
  if (newLesions === 'yes') return { response: 'PD', rule: 'a new lesion is PD' };
  if (target === 'PD') return { response: 'PD', rule: 'target PD' };
  if (nonTarget === 'PD') return { response: 'PD', rule: 'non-target PD' };
  if (target === 'NA') return tableTwo(nonTarget);
  switch (target) {
    case 'CR':
      if (nonTarget === 'CR' || nonTarget === 'NA') return { response: 'CR', rule: 'Table 1: target CR, non-target CR or none' };
      if (nonTarget === 'NE') return { response: 'PR', rule: 'Table 1: target CR, non-targets not all evaluated' };
      return { response: 'PR', rule: 'Table 1: target CR, non-target Non-CR/Non-PD' };
    case 'PR':
      return { response: 'PR', rule: 'Table 1: target PR, non-target non-PD or not all evaluated' };
    case 'SD':
      return { response: 'SD', rule: 'Table 1: target SD, non-target non-PD or not all evaluated' };
    case 'NE':
      return { response: 'NE', rule: 'Table 1: targets not all evaluated, non-target non-PD' };
    case 'NON-CR/NON-PD':
      throw new Error('NON-CR/NON-PD is not a target response');
  }
}

function tableTwo(nonTarget: ComponentResponse): OverallDecision {
  switch (nonTarget) {
    case 'CR':
      return { response: 'CR', rule: 'Table 2: non-target CR, no new lesion' };
    case 'NON-CR/NON-PD':
      return { response: 'NON-CR/NON-PD', rule: 'Table 2: non-target Non-CR/Non-PD, no new lesion' };
    case 'NE':
      return { response: 'NE', rule: 'Table 2: non-targets not all evaluated, no new lesion' };
    case 'NA':
      return { response: 'NE', rule: 'no target or non-target lesion at baseline to assess' };
    case 'PD':
    case 'PR':
    case 'SD':
      throw new Error(`${nonTarget} is not a non-target response`);
  }
}
