// Non-target response and new lesions per time point (RECIST 1.1 sections 4.3.3, 4.3.2 and 4.3.4 "new lesions";
// RECIST-RULES.md "Non-target response", "New lesions").
import { describe, expect, it } from 'vitest';
import { patient, type NewLesionSpec, type NonTargetSpec } from './builders';
import { followUps, onePatient, pick, type Response } from './harness';

const baseTarget = { T1: { organ: 'liver', sizes: [30, 28] } }; // SD at the follow-up

interface NonTargetCase {
  rule: string;
  nonTargets: Record<string, NonTargetSpec>;
  response: Response;
}

const nonTargetCases: NonTargetCase[] = [
  {
    rule: 'non-target CR when every non-target lesion is absent (nodes included)',
    nonTargets: {
      NT1: { organ: 'peritoneum', states: ['present', 'absent'] },
      NT2: { organ: 'lymph node', nodal: true, states: ['present', 'absent'] },
    },
    response: 'CR',
  },
  {
    rule: 'non-target NON-CR/NON-PD when one non-target lesion persists',
    nonTargets: {
      NT1: { organ: 'peritoneum', states: ['present', 'absent'] },
      NT2: { organ: 'bone', states: ['present', 'present'] },
    },
    response: 'NON-CR/NON-PD',
  },
  {
    rule: 'non-target PD on unequivocal progression of any non-target lesion',
    nonTargets: {
      NT1: { organ: 'peritoneum', states: ['present', 'absent'] },
      NT2: { organ: 'pleura', states: ['present', 'progression'] },
    },
    response: 'PD',
  },
  {
    rule: 'non-target NE when one non-target lesion is not evaluable and none progressed',
    nonTargets: {
      NT1: { organ: 'peritoneum', states: ['present', 'absent'] },
      NT2: { organ: 'bone', states: ['present', 'not_evaluable'] },
    },
    response: 'NE',
  },
  {
    rule: 'non-target NE when a baseline non-target lesion has no row at the follow-up (not assessed)',
    nonTargets: {
      NT1: { organ: 'peritoneum', states: ['present', 'absent'] },
      NT2: { organ: 'bone', states: ['present', null] },
    },
    response: 'NE',
  },
  {
    rule: 'non-target progression wins over a non-target not evaluable: PD',
    nonTargets: {
      NT1: { organ: 'peritoneum', states: ['present', 'progression'] },
      NT2: { organ: 'bone', states: ['present', 'not_evaluable'] },
    },
    response: 'PD',
  },
];

describe('non-target response', () => {
  it.each(nonTargetCases)('$rule', ({ nonTargets, response }) => {
    const rows = followUps(patient('P1').targets(baseTarget).nonTargets(nonTargets).csv());
    expect(rows[0]!.nontarget_response).toBe(response);
  });

  it('non-target response is NA when the patient has no non-target lesions', () => {
    const rows = followUps(patient('P1').targets(baseTarget).csv());
    expect(rows[0]!.nontarget_response).toBe('NA');
  });

  it('target response is NA when the patient has no target lesions', () => {
    const rows = followUps(
      patient('P1')
        .nonTargets({ NT1: { states: ['present', 'present'] } })
        .csv(),
    );
    expect(rows[0]!.target_response).toBe('NA');
    expect(rows[0]!.target_sum_mm).toBeNull();
  });
});

interface NewLesionCase {
  rule: string;
  newLesions: Record<string, NewLesionSpec>;
  newLesionsField: 'no' | 'yes' | 'equivocal';
  overall: Response;
}

const newLesionCases: NewLesionCase[] = [
  {
    rule: 'an unequivocal new lesion is PD whatever the targets do',
    newLesions: { N1: { organ: 'liver', mm: 12, states: [null, 'unequivocal'] } },
    newLesionsField: 'yes',
    overall: 'PD',
  },
  {
    rule: 'an unequivocal new lesion need not be measurable to be PD (4 mm) [S16]',
    newLesions: { N1: { organ: 'bone', mm: 4, states: [null, 'unequivocal'] } },
    newLesionsField: 'yes',
    overall: 'PD',
  },
  {
    rule: 'an equivocal new lesion is not PD',
    newLesions: { N1: { organ: 'liver', mm: 8, states: [null, 'equivocal'] } },
    newLesionsField: 'equivocal',
    overall: 'SD',
  },
  {
    rule: 'a new lymph node with short axis < 10 mm does not count as a new lesion',
    newLesions: { N1: { organ: 'lymph node', nodal: true, mm: 9, states: [null, 'unequivocal'] } },
    newLesionsField: 'no',
    overall: 'SD',
  },
  {
    rule: 'a new lymph node with short axis >= 10 mm is a new lesion: PD',
    newLesions: { N1: { organ: 'lymph node', nodal: true, mm: 10, states: [null, 'unequivocal'] } },
    newLesionsField: 'yes',
    overall: 'PD',
  },
  {
    rule: 'an unequivocal new lesion beside an equivocal one: new_lesions is "yes"',
    newLesions: {
      N1: { organ: 'liver', mm: 6, states: [null, 'equivocal'] },
      N2: { organ: 'lung', mm: 11, states: [null, 'unequivocal'] },
    },
    newLesionsField: 'yes',
    overall: 'PD',
  },
];

describe('new lesions at a time point', () => {
  it.each(newLesionCases)('$rule', ({ newLesions, newLesionsField, overall }) => {
    const rows = followUps(patient('P1').targets(baseTarget).newLesions(newLesions).csv());
    expect(rows[0]!.target_response).toBe('SD');
    expect(rows[0]!.new_lesions).toBe(newLesionsField);
    expect(rows[0]!.overall_response).toBe(overall);
  });

  it('new_lesions is "no" when there is no new-lesion row', () => {
    const rows = followUps(patient('P1').targets(baseTarget).csv());
    expect(rows[0]!.new_lesions).toBe('no');
  });
});

describe('equivocal new lesion later confirmed: progression back-dated to the first scan that showed it', () => {
  // FU1 (day 56): SD with an equivocal new lesion; FU2 (day 112): same lesion unequivocal.
  const csv = patient('P1')
    .days([0, 56, 112])
    .targets({ T1: { organ: 'liver', sizes: [30, 28, 28] } })
    .newLesions({ N1: { organ: 'liver', mm: 9, states: [null, 'equivocal', 'unequivocal'] } })
    .csv();

  it('the earlier scan keeps its own response and the confirming scan is PD', () => {
    const rows = followUps(csv);
    expect(pick(rows, 'new_lesions')).toEqual(['equivocal', 'yes']);
    expect(pick(rows, 'overall_response')).toEqual(['SD', 'PD']);
  });

  it('progression_date is the date of the scan that first showed the lesion', () => {
    expect(onePatient(csv).progression_date).toBe('2022-02-28'); // 2022-01-03 + 56 days
  });

  it('an equivocal new lesion never confirmed gives no progression date', () => {
    const never = patient('P1')
      .days([0, 56, 112])
      .targets({ T1: { organ: 'liver', sizes: [30, 28, 28] } })
      .newLesions({ N1: { organ: 'liver', mm: 9, states: [null, 'equivocal', 'equivocal'] } })
      .csv();
    expect(onePatient(never).progression_date).toBeNull();
    expect(pick(followUps(never), 'overall_response')).toEqual(['SD', 'SD']);
  });

  it('back-dating follows the lesion id: a different lesion confirmed later does not back-date', () => {
    const other = patient('P1')
      .days([0, 56, 112])
      .targets({ T1: { organ: 'liver', sizes: [30, 28, 28] } })
      .newLesions({
        N1: { organ: 'liver', mm: 9, states: [null, 'equivocal', null] },
        N2: { organ: 'lung', mm: 12, states: [null, null, 'unequivocal'] },
      })
      .csv();
    expect(onePatient(other).progression_date).toBe('2022-04-25'); // day 112
  });
});
