// Best overall response (RECIST 1.1 section 4.4; Table 3 of Eisenhauer 2009 for confirmation) and the dates survival
// analysis needs (RECIST-RULES.md "Best overall response", "Dates that survival analysis needs").
import { describe, expect, it } from 'vitest';
import { addDays, patient, type TargetSize } from './builders';
import { followUps, onePatient, pick, type Response } from './harness';

type Overall = 'CR' | 'PR' | 'SD' | 'PD' | 'NE';
/** A follow-up scan: days after baseline and the overall response its fixture produces. */
type Step = [days: number, overall: Overall];

const BASELINE = '2022-01-03';
const day = (d: number): string => addDays(BASELINE, d);

/**
 * A course of overall responses from one liver target of 30 mm and no non-targets:
 * CR = absent, PR = 21 mm (exactly -30 %), SD = 24 mm (-20 %, and only +3 mm over a 21 mm nadir),
 * NE = not evaluable, PD = an unequivocal new lesion (the target stays as before).
 */
function course(steps: Step[]) {
  const sizes: TargetSize[] = [30];
  const newLesion: ('unequivocal' | null)[] = [null];
  for (const [, overall] of steps) {
    const previous = sizes[sizes.length - 1] ?? 30;
    const size: TargetSize =
      overall === 'CR' ? 'absent' : overall === 'PR' ? 21 : overall === 'SD' ? 24 : overall === 'NE' ? 'not_evaluable' : previous;
    sizes.push(size);
    newLesion.push(overall === 'PD' ? 'unequivocal' : null);
  }
  return patient('P1')
    .days([0, ...steps.map(([d]) => d)])
    .targets({ T1: { organ: 'liver', sizes } })
    .newLesions({ N1: { organ: 'lung', mm: 12, states: newLesion } })
    .csv();
}

interface BorCase {
  rule: string;
  steps: Step[];
  flags?: string[];
  best: Response;
  /** Days after baseline of best_response_date (null: none); omitted when the rule does not fix it. */
  bestDay?: number | null;
}

function check(c: BorCase): void {
  const csv = course(c.steps);
  const flags = c.flags ?? [];
  // The fixture gives the intended time-point responses up to the first PD (guards the cases themselves).
  const firstPd = c.steps.findIndex(([, r]) => r === 'PD');
  const upTo = firstPd === -1 ? c.steps.length : firstPd + 1;
  const overall = pick(followUps(csv, ...flags), 'overall_response');
  expect(overall.slice(0, upTo)).toEqual(c.steps.slice(0, upTo).map(([, r]) => r));
  const result = onePatient(csv, ...flags);
  expect(result.best_overall_response).toBe(c.best);
  if (c.bestDay !== undefined) expect(result.best_response_date).toBe(c.bestDay === null ? null : day(c.bestDay));
}

const withoutConfirmation: BorCase[] = [
  {
    rule: 'BOR is the best time-point response: SD then PR -> PR, dated at the PR',
    steps: [[56, 'SD'], [112, 'PR']],
    best: 'PR',
    bestDay: 112,
  },
  {
    rule: 'CR beats PR; the date is the first time point with CR',
    steps: [[56, 'PR'], [112, 'CR'], [168, 'CR']],
    best: 'CR',
    bestDay: 112,
  },
  {
    rule: 'responses after the first PD do not count (SD, PD, PR -> SD)',
    steps: [[56, 'SD'], [112, 'PD'], [168, 'PR']],
    best: 'SD',
    bestDay: 56,
  },
  {
    rule: 'SD beats PD when the SD minimum is met (SD at day 56 then PD -> SD)',
    steps: [[56, 'SD'], [112, 'PD']],
    best: 'SD',
    bestDay: 56,
  },
  {
    rule: 'SD before the SD minimum then PD -> PD',
    steps: [[28, 'SD'], [56, 'PD']],
    best: 'PD',
    bestDay: 56,
  },
  {
    rule: 'SD before the SD minimum and nothing else -> NE, with no response date',
    steps: [[28, 'SD']],
    best: 'NE',
    bestDay: null,
  },
  {
    rule: 'SD at exactly the SD minimum (42 days) counts',
    steps: [[42, 'SD']],
    best: 'SD',
    bestDay: 42,
  },
  {
    rule: 'SD at 41 days does not meet the 42-day minimum -> NE',
    steps: [[41, 'SD']],
    best: 'NE',
  },
  {
    rule: 'early SD followed by SD after the minimum -> SD',
    steps: [[28, 'SD'], [70, 'SD']],
    best: 'SD',
  },
  {
    rule: '--sd-min-days 56: SD at day 49 does not count -> NE',
    steps: [[49, 'SD']],
    flags: ['--sd-min-days', '56'],
    best: 'NE',
  },
  {
    rule: 'default SD minimum of 42 days: SD at day 49 counts',
    steps: [[49, 'SD']],
    best: 'SD',
  },
  {
    rule: 'PR needs no minimum time: PR at day 28 -> PR',
    steps: [[28, 'PR']],
    best: 'PR',
    bestDay: 28,
  },
  {
    rule: 'PD at the first follow-up -> PD, dated at that scan',
    steps: [[56, 'PD']],
    best: 'PD',
    bestDay: 56,
  },
  {
    rule: 'PD beats NE (NE then PD -> PD)',
    steps: [[56, 'NE'], [112, 'PD']],
    best: 'PD',
    bestDay: 112,
  },
  {
    rule: 'only NE -> NE, with no response date',
    steps: [[56, 'NE'], [112, 'NE']],
    best: 'NE',
    bestDay: null,
  },
];

describe('best overall response without confirmation', () => {
  it.each(withoutConfirmation)('$rule', check);

  it('NON-CR/NON-PD (non-target disease only) counts once the SD minimum is met', () => {
    const csv = (fuDay: number) =>
      patient('P1')
        .days([0, fuDay])
        .nonTargets({ NT1: { organ: 'peritoneum', states: ['present', 'present'] } })
        .csv();
    expect(onePatient(csv(56)).best_overall_response).toBe('NON-CR/NON-PD');
    expect(onePatient(csv(28)).best_overall_response).toBe('NE');
  });
});

const table3: BorCase[] = [
  { rule: 'CR then CR -> CR', steps: [[56, 'CR'], [112, 'CR']], best: 'CR', bestDay: 56 },
  { rule: 'CR then PD, SD minimum met -> SD', steps: [[56, 'CR'], [112, 'PD']], best: 'SD' },
  { rule: 'CR then PD, SD minimum not met -> PD', steps: [[28, 'CR'], [56, 'PD']], best: 'PD' },
  { rule: 'CR then NE, SD minimum met -> SD', steps: [[56, 'CR'], [112, 'NE']], best: 'SD' },
  { rule: 'CR then NE, SD minimum not met -> NE', steps: [[28, 'CR'], [56, 'NE']], best: 'NE' },
  { rule: 'PR then CR -> PR', steps: [[56, 'PR'], [112, 'CR']], best: 'PR', bestDay: 56 },
  { rule: 'PR then PR -> PR', steps: [[56, 'PR'], [112, 'PR']], best: 'PR', bestDay: 56 },
  {
    rule: 'PR then SD -> SD (per-time-point PR policy, so the second scan is SD)',
    steps: [[56, 'PR'], [112, 'SD']],
    flags: ['--pr-policy', 'per-timepoint'],
    best: 'SD',
  },
  { rule: 'PR then PD, SD minimum met -> SD', steps: [[56, 'PR'], [112, 'PD']], best: 'SD' },
  { rule: 'PR then PD, SD minimum not met -> PD', steps: [[28, 'PR'], [56, 'PD']], best: 'PD' },
  { rule: 'PR then NE, SD minimum met -> SD', steps: [[56, 'PR'], [112, 'NE']], best: 'SD' },
  { rule: 'PR then NE, SD minimum not met -> NE', steps: [[28, 'PR'], [56, 'NE']], best: 'NE' },
  { rule: 'NE then NE -> NE', steps: [[56, 'NE'], [112, 'NE']], best: 'NE', bestDay: null },
];

const confirmationInterval: BorCase[] = [
  {
    rule: 'a confirming scan exactly 28 days later confirms PR',
    steps: [[56, 'PR'], [84, 'PR']],
    best: 'PR',
    bestDay: 56,
  },
  {
    rule: 'a second PR only 14 days later does not confirm it -> SD (SD minimum met)',
    steps: [[56, 'PR'], [70, 'PR']],
    best: 'SD',
  },
  {
    rule: '--confirm-days 14: a second PR 14 days later confirms it',
    steps: [[56, 'PR'], [70, 'PR']],
    flags: ['--confirm-days', '14'],
    best: 'PR',
    bestDay: 56,
  },
  {
    rule: 'confirmation may come at a later scan than the next one (CR at 56, 70 and 112 days -> CR)',
    steps: [[56, 'CR'], [70, 'CR'], [112, 'CR']],
    best: 'CR',
    bestDay: 56,
  },
  {
    rule: 'a single PR never confirmed -> SD (SD minimum met)',
    steps: [[56, 'PR']],
    best: 'SD',
  },
];

describe('best overall response with confirmation (--confirm): Table 3', () => {
  it.each(table3)('$rule', (c) => check({ ...c, flags: ['--confirm', ...(c.flags ?? [])] }));
});

describe('best overall response with confirmation: the confirmation interval', () => {
  it.each(confirmationInterval)('$rule', (c) => check({ ...c, flags: ['--confirm', ...(c.flags ?? [])] }));

  it('without --confirm a single PR is the best response', () => {
    expect(onePatient(course([[56, 'PR']])).best_overall_response).toBe('PR');
  });
});

describe('dates for survival analysis', () => {
  it('progression_date is the first time point with overall PD', () => {
    const csv = course([[56, 'SD'], [112, 'PD'], [168, 'PD']]);
    expect(onePatient(csv).progression_date).toBe(day(112));
  });

  it('progression_date is null when the patient never progressed', () => {
    expect(onePatient(course([[56, 'SD'], [112, 'PR']])).progression_date).toBeNull();
  });

  it('baseline_date is the first scan and last_scan_date the last one', () => {
    const result = onePatient(course([[56, 'SD'], [112, 'PR'], [170, 'PR']]));
    expect(result.baseline_date).toBe(BASELINE);
    expect(result.last_scan_date).toBe(day(170));
  });
});
