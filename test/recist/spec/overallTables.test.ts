// Overall response per time point: every row of Table 1 (target lesions at baseline) and Table 2 (non-target
// disease only) of Eisenhauer 2009 / RECIST-RULES.md.
import { describe, expect, it } from 'vitest';
import { patient, type NewLesionSpec, type NonTargetSpec, type TargetSpec } from './builders';
import { followUps, type Response } from './harness';

type TargetFixture = 'CR' | 'PR' | 'SD' | 'PD' | 'NE' | 'none';
type NonTargetFixture = 'CR' | 'NON-CR/NON-PD' | 'NE' | 'PD' | 'none';
type NewFixture = 'no' | 'yes' | 'equivocal';

// One follow-up, 56 days after baseline. Each fixture yields the named response on its own.
const targetFixtures: Record<TargetFixture, Record<string, TargetSpec>> = {
  CR: { T1: { organ: 'liver', sizes: [30, 'absent'] } },
  PR: { T1: { organ: 'liver', sizes: [30, 15] } },
  SD: { T1: { organ: 'liver', sizes: [30, 28] } },
  PD: { T1: { organ: 'liver', sizes: [30, 40] } },
  NE: { T1: { organ: 'liver', sizes: [30, 'not_evaluable'] } },
  none: {},
};

const nonTargetFixtures: Record<NonTargetFixture, Record<string, NonTargetSpec>> = {
  CR: { NT1: { organ: 'peritoneum', states: ['present', 'absent'] } },
  'NON-CR/NON-PD': { NT1: { organ: 'peritoneum', states: ['present', 'present'] } },
  NE: { NT1: { organ: 'peritoneum', states: ['present', 'not_evaluable'] } },
  PD: { NT1: { organ: 'peritoneum', states: ['present', 'progression'] } },
  none: {},
};

const newFixtures: Record<NewFixture, Record<string, NewLesionSpec>> = {
  no: {},
  yes: { N1: { organ: 'lung', mm: 12, states: [null, 'unequivocal'] } },
  equivocal: { N1: { organ: 'lung', mm: 6, states: [null, 'equivocal'] } },
};

interface TableRow {
  target: TargetFixture;
  nonTarget: NonTargetFixture;
  newLesion: NewFixture;
  overall: Response;
}

function followUp(row: TableRow) {
  const builder = patient('P1')
    .days([0, 56])
    .targets(targetFixtures[row.target])
    .nonTargets(nonTargetFixtures[row.nonTarget])
    .newLesions(newFixtures[row.newLesion]);
  const rows = followUps(builder.csv());
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

const table1: TableRow[] = [
  { target: 'CR', nonTarget: 'CR', newLesion: 'no', overall: 'CR' },
  { target: 'CR', nonTarget: 'none', newLesion: 'no', overall: 'CR' },
  { target: 'CR', nonTarget: 'NON-CR/NON-PD', newLesion: 'no', overall: 'PR' },
  { target: 'CR', nonTarget: 'NE', newLesion: 'no', overall: 'PR' },
  { target: 'PR', nonTarget: 'NON-CR/NON-PD', newLesion: 'no', overall: 'PR' },
  { target: 'PR', nonTarget: 'CR', newLesion: 'no', overall: 'PR' },
  { target: 'PR', nonTarget: 'NE', newLesion: 'no', overall: 'PR' },
  { target: 'PR', nonTarget: 'none', newLesion: 'no', overall: 'PR' },
  { target: 'SD', nonTarget: 'NON-CR/NON-PD', newLesion: 'no', overall: 'SD' },
  { target: 'SD', nonTarget: 'CR', newLesion: 'no', overall: 'SD' },
  { target: 'SD', nonTarget: 'NE', newLesion: 'no', overall: 'SD' },
  { target: 'NE', nonTarget: 'NON-CR/NON-PD', newLesion: 'no', overall: 'NE' },
  { target: 'NE', nonTarget: 'CR', newLesion: 'no', overall: 'NE' },
  { target: 'NE', nonTarget: 'none', newLesion: 'no', overall: 'NE' },
  { target: 'PD', nonTarget: 'CR', newLesion: 'no', overall: 'PD' },
  { target: 'PD', nonTarget: 'NE', newLesion: 'no', overall: 'PD' },
  { target: 'PD', nonTarget: 'NON-CR/NON-PD', newLesion: 'yes', overall: 'PD' },
  { target: 'CR', nonTarget: 'PD', newLesion: 'no', overall: 'PD' },
  { target: 'PR', nonTarget: 'PD', newLesion: 'no', overall: 'PD' },
  { target: 'NE', nonTarget: 'PD', newLesion: 'no', overall: 'PD' },
  { target: 'CR', nonTarget: 'CR', newLesion: 'yes', overall: 'PD' },
  { target: 'PR', nonTarget: 'NE', newLesion: 'yes', overall: 'PD' },
  { target: 'NE', nonTarget: 'NE', newLesion: 'yes', overall: 'PD' },
  { target: 'CR', nonTarget: 'CR', newLesion: 'equivocal', overall: 'CR' },
  { target: 'PR', nonTarget: 'NON-CR/NON-PD', newLesion: 'equivocal', overall: 'PR' },
];

const table2: TableRow[] = [
  { target: 'none', nonTarget: 'CR', newLesion: 'no', overall: 'CR' },
  { target: 'none', nonTarget: 'NON-CR/NON-PD', newLesion: 'no', overall: 'NON-CR/NON-PD' },
  { target: 'none', nonTarget: 'NE', newLesion: 'no', overall: 'NE' },
  { target: 'none', nonTarget: 'PD', newLesion: 'no', overall: 'PD' },
  { target: 'none', nonTarget: 'CR', newLesion: 'yes', overall: 'PD' },
  { target: 'none', nonTarget: 'NON-CR/NON-PD', newLesion: 'yes', overall: 'PD' },
  { target: 'none', nonTarget: 'NON-CR/NON-PD', newLesion: 'equivocal', overall: 'NON-CR/NON-PD' },
];

const expectedTarget = (t: TargetFixture): Response => (t === 'none' ? 'NA' : t);
const expectedNonTarget = (n: NonTargetFixture): Response => (n === 'none' ? 'NA' : n);

describe('Table 1: overall response with target lesions at baseline', () => {
  it.each(table1)('target $target + non-target $nonTarget + new lesion $newLesion -> $overall', (row) => {
    const fu = followUp(row);
    expect(fu.target_response).toBe(expectedTarget(row.target));
    expect(fu.nontarget_response).toBe(expectedNonTarget(row.nonTarget));
    expect(fu.overall_response).toBe(row.overall);
  });
});

describe('Table 2: overall response with non-target disease only', () => {
  it.each(table2)('non-target $nonTarget + new lesion $newLesion -> $overall', (row) => {
    const fu = followUp(row);
    expect(fu.target_response).toBe('NA');
    expect(fu.nontarget_response).toBe(expectedNonTarget(row.nonTarget));
    expect(fu.overall_response).toBe(row.overall);
  });
});
