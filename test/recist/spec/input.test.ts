// Input CSV: bad input is refused as a whole (exit 2, nothing on stdout, stderr names line and column); good
// RFC 4180 input with quotes and CRLF is read; rows may come in any order; patients are independent.
import { describe, expect, it } from 'vitest';
import { COLUMNS, csvOf, patient, toCsv, type Row } from './builders';
import { assess, byPatient, patients, pick, timepoints } from './harness';

// Lines of the fixture below (header = line 1):
//   2 BL  T1 liver target      3 BL  T2 nodal target     4 BL  NT1 non-target
//   5 FU1 T1                   6 FU1 T2                  7 FU1 NT1              8 FU1 N1 new (equivocal)
const fixture = () =>
  patient('P1')
    .targets({
      T1: { organ: 'liver', sizes: [30, 20] },
      T2: { organ: 'lymph node', nodal: true, sizes: [20, 12] },
    })
    .nonTargets({ NT1: { organ: 'peritoneum', states: ['present', 'present'] } })
    .newLesions({ N1: { organ: 'lung', mm: 6, states: [null, 'equivocal'] } })
    .rows();

function edited(edit: (rows: Row[]) => void): string {
  const rows = fixture();
  edit(rows);
  return toCsv(rows);
}

const set =
  (index: number, patch: Partial<Row>) =>
  (rows: Row[]): void => {
    rows[index] = { ...rows[index]!, ...patch };
  };

function expectRefused(csv: string, line: number, column?: string): void {
  const out = assess(csv, '--format', 'json');
  expect(out.exitCode).toBe(2);
  expect(out.stdout).toBe('');
  expect(out.stderr).toMatch(new RegExp(`line ${line}(?!\\d)`));
  if (column) expect(out.stderr).toContain(column);
}

interface BadInputCase {
  rule: string;
  edit: (rows: Row[]) => void;
  line: number;
  column?: string;
}

const badInput: BadInputCase[] = [
  { rule: 'a non-numeric long axis ("1O") is refused', edit: set(3, { long_axis_mm: '1O' }), line: 5, column: 'long_axis_mm' },
  { rule: 'a non-numeric short axis is refused', edit: set(4, { short_axis_mm: 'abc' }), line: 6, column: 'short_axis_mm' },
  { rule: 'a negative diameter is refused', edit: set(3, { long_axis_mm: '-3' }), line: 5, column: 'long_axis_mm' },
  { rule: 'an unknown category is refused', edit: set(2, { category: 'targte' }), line: 4, column: 'category' },
  { rule: 'a nodal flag other than yes/no is refused', edit: set(0, { nodal: 'maybe' }), line: 2, column: 'nodal' },
  { rule: 'an impossible month is refused', edit: set(5, { scan_date: '2022-13-01' }), line: 7, column: 'scan_date' },
  { rule: 'an impossible day (30 February) is refused', edit: set(5, { scan_date: '2022-02-30' }), line: 7, column: 'scan_date' },
  { rule: 'a date not in ISO YYYY-MM-DD form is refused', edit: set(6, { scan_date: '28/02/2022' }), line: 8, column: 'scan_date' },
  { rule: 'an unknown target state is refused', edit: set(3, { state: 'vanished' }), line: 5, column: 'state' },
  { rule: 'an unknown non-target state is refused', edit: set(5, { state: 'gone' }), line: 7, column: 'state' },
  { rule: 'an unknown new-lesion state is refused', edit: set(6, { state: 'likely' }), line: 8, column: 'state' },
  { rule: 'a blank patient id is refused', edit: set(1, { patient_id: '' }), line: 3, column: 'patient_id' },
  {
    rule: 'a measured nodal target without a short axis is refused',
    edit: set(4, { short_axis_mm: '' }),
    line: 6,
    column: 'short_axis_mm',
  },
  {
    rule: 'a measured non-nodal target without a long axis is refused',
    edit: set(3, { long_axis_mm: '' }),
    line: 5,
    column: 'long_axis_mm',
  },
  {
    rule: 'a target at a follow-up that was not a baseline target is refused',
    edit: (rows) =>
      rows.push({ ...rows[3]!, lesion_id: 'T3', organ: 'spleen', long_axis_mm: '15' }),
    line: 9,
    column: 'lesion_id',
  },
];

describe('bad input is refused as a whole, naming line and column', () => {
  it.each(badInput)('$rule', ({ edit, line, column }) => {
    expectRefused(edited(edit), line, column);
  });

  it('a missing column is refused, naming the column', () => {
    const without = COLUMNS.filter((c) => c !== 'nodal');
    const lines = [without.join(','), ...fixture().map((r) => without.map((c) => r[c]).join(','))];
    const out = assess(lines.join('\n') + '\n', '--format', 'json');
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('nodal');
    expect(out.stderr).toMatch(/line 1(?!\d)/);
  });

  it('a row with too many fields is refused, naming its line', () => {
    const csv = toCsv(fixture()).replace(/\n$/, ',extra\n');
    expectRefused(csv, 8);
  });

  it('one bad row refuses the whole file: nothing is output for the good patients either', () => {
    const good = patient('P2').targets({ T1: { organ: 'liver', sizes: [30, 20] } }).rows();
    const bad = fixture();
    bad[3] = { ...bad[3]!, long_axis_mm: 'twenty' };
    const out = assess(toCsv([...good, ...bad]), '--format', 'json');
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(new RegExp(`line ${good.length + 5}(?!\\d)`));
  });
});

describe('good input', () => {
  it('RFC 4180 quoted fields (comma, doubled quotes, quoted number) and CRLF line endings are read', () => {
    const rows = fixture().map((r) =>
      r.lesion_id === 'T1' ? { ...r, organ: 'liver, segment "VII"' } : r,
    );
    // toCsv quotes the organ field; additionally quote the diameters of T1 at the follow-up.
    const csv = toCsv(rows, '\r\n').replace(',no,20,,\r\n', ',no,"20","",\r\n');
    expect(csv).toContain('"liver, segment ""VII"""');
    expect(csv).toContain('"20"');
    const out = timepoints(csv);
    expect(pick(out, 'target_sum_mm')).toEqual([50, 32]);
    expect(pick(out, 'target_response')).toEqual([null, 'PR']);
  });

  it('a file without a final newline is read', () => {
    const csv = toCsv(fixture()).replace(/\n$/, '');
    expect(pick(timepoints(csv), 'target_sum_mm')).toEqual([50, 32]);
  });

  it('rows in any order give the same result', () => {
    const rows = fixture();
    expect(assess(toCsv([...rows].reverse()), '--format', 'json').stdout).toBe(
      assess(toCsv(rows), '--format', 'json').stdout,
    );
  });

  it('time points are ordered by scan date, not by label or row order; the earliest is the baseline', () => {
    const rows = patient('P1')
      .labels(['screening', 'cycle2', 'cycle10'])
      .dates(['2022-01-10', '2022-03-07', '2022-05-02'])
      .targets({ T1: { organ: 'liver', sizes: [40, 30, 20] } })
      .rows();
    const out = timepoints(toCsv([...rows].reverse()));
    expect(pick(out, 'timepoint')).toEqual(['screening', 'cycle2', 'cycle10']);
    expect(pick(out, 'target_sum_mm')).toEqual([40, 30, 20]);
    expect(pick(out, 'target_response')).toEqual([null, 'SD', 'PR']);
    expect(out[0]!.baseline_sum_mm).toBe(40);
  });

  it('several patients in one file are assessed independently, each from its own baseline', () => {
    const p1 = patient('P1')
      .dates(['2022-01-03', '2022-02-28'])
      .targets({ T1: { organ: 'liver', sizes: [30, 40] } });
    const p2 = patient('P2')
      .dates(['2022-02-07', '2022-04-04'])
      .targets({ T1: { organ: 'liver', sizes: [40, 20] } });
    // Interleave the patients' rows by date.
    const rows = [...p1.rows(), ...p2.rows()].sort((a, b) => a.scan_date.localeCompare(b.scan_date));
    const csv = toCsv(rows);

    const tp = timepoints(csv);
    expect(pick(byPatient(tp, 'P1'), 'overall_response')).toEqual([null, 'PD']);
    expect(pick(byPatient(tp, 'P2'), 'overall_response')).toEqual([null, 'PR']);
    expect(pick(byPatient(tp, 'P2'), 'days_from_baseline')).toEqual([0, 56]);
    expect(byPatient(tp, 'P2')[1]!.baseline_sum_mm).toBe(40);

    const pp = patients(csv);
    expect(pp.find((p) => p.patient_id === 'P1')?.progression_date).toBe('2022-02-28');
    expect(pp.find((p) => p.patient_id === 'P2')?.progression_date).toBeNull();
    expect(pp.find((p) => p.patient_id === 'P2')?.best_overall_response).toBe('PR');
  });

  it('csvOf combines patients; each patient id appears once in the per-patient output', () => {
    const csv = csvOf(
      patient('A').targets({ T1: { sizes: [30, 30] } }),
      patient('B').targets({ T1: { sizes: [30, 30] } }),
    );
    expect(pick(patients(csv), 'patient_id').sort()).toEqual(['A', 'B']);
  });
});
