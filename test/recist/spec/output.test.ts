// Output formats of `recist assess`: JSON objects with exactly the documented keys, and CSV with the same columns
// in the same order (blanks for null, warnings joined with ';').
import { describe, expect, it } from 'vitest';
import { patient } from './builders';
import { assess, csvObjects, parseCsv, PATIENT_KEYS, patients, TIMEPOINT_KEYS, timepoints } from './harness';

const csv = patient('P1')
  .days([0, 56, 112])
  .targets({
    T1: { organ: 'liver', sizes: [30, 20, 40] },
    T2: { organ: 'liver', sizes: [25, 15, 30] },
    T3: { organ: 'liver', sizes: [20, 10, 20] },
  })
  .nonTargets({ NT1: { organ: 'bone', states: ['present', 'present', 'present'] } })
  .csv();
// Sums 75 -> 45 (PR) -> 90 (PD). Three liver targets: TOO_MANY_TARGETS_PER_ORGAN.

describe('JSON output', () => {
  it('per time point: one object per scan with exactly the documented keys', () => {
    const rows = timepoints(csv);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual([...TIMEPOINT_KEYS].sort());
    expect(rows.map((r) => [r.timepoint, r.overall_response])).toEqual([
      ['BL', null],
      ['FU1', 'PR'],
      ['FU2', 'PD'],
    ]);
  });

  it('per time point: warnings is an array and explanation a non-empty string', () => {
    for (const row of timepoints(csv)) {
      expect(Array.isArray(row.warnings)).toBe(true);
      expect(typeof row.explanation).toBe('string');
    }
    expect(timepoints(csv)[2]!.explanation.length).toBeGreaterThan(0);
  });

  it('--per-patient: one object per patient with exactly the documented keys', () => {
    const rows = patients(csv);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual([...PATIENT_KEYS].sort());
    expect(rows[0]).toMatchObject({
      patient_id: 'P1',
      baseline_date: '2022-01-03',
      last_scan_date: '2022-04-25',
      best_overall_response: 'PR',
      best_response_date: '2022-02-28',
      progression_date: '2022-04-25',
    });
  });
});

describe('CSV output (the default format)', () => {
  it('per time point: the header lists the columns in the documented order', () => {
    const out = assess(csv);
    expect(out.exitCode).toBe(0);
    expect(parseCsv(out.stdout)[0]).toEqual([...TIMEPOINT_KEYS]);
  });

  it('--format csv is the same as the default', () => {
    expect(assess(csv, '--format', 'csv').stdout).toBe(assess(csv).stdout);
  });

  it('per time point: rows parse; null is blank; numbers and responses as in JSON; warnings joined with ";"', () => {
    const rows = csvObjects(assess(csv, '--format', 'csv').stdout);
    expect(rows).toHaveLength(3);
    const [bl, fu1, fu2] = rows;
    expect(bl).toMatchObject({ patient_id: 'P1', timepoint: 'BL', nadir_sum_mm: '', overall_response: '' });
    expect(String(bl!.warnings).split(';')).toContain('TOO_MANY_TARGETS_PER_ORGAN');
    expect(fu1).toMatchObject({
      scan_date: '2022-02-28',
      target_response: 'PR',
      nontarget_response: 'NON-CR/NON-PD',
      new_lesions: 'no',
      overall_response: 'PR',
    });
    // Numbers are compared as numbers (the CSV may write 45 or 45.0).
    const num = (row: Record<string, string> | undefined, key: string) => Number(row![key]);
    expect([num(bl, 'days_from_baseline'), num(fu1, 'days_from_baseline'), num(fu2, 'days_from_baseline')]).toEqual([0, 56, 112]);
    expect(num(fu1, 'target_sum_mm')).toBe(45);
    expect(num(fu1, 'change_from_baseline_pct')).toBe(-40);
    expect(num(fu2, 'target_sum_mm')).toBe(90);
    expect(num(fu2, 'nadir_sum_mm')).toBe(45);
    expect(num(fu2, 'change_from_nadir_pct')).toBe(100);
    expect(fu2!.overall_response).toBe('PD');
  });

  it('several warnings are joined with ";" in one field', () => {
    const six = patient('P1')
      .targets({
        T1: { organ: 'liver', sizes: [30, 30] },
        T2: { organ: 'liver', sizes: [30, 30] },
        T3: { organ: 'liver', sizes: [30, 30] },
        T4: { organ: 'spleen', sizes: [30, 30] },
        T5: { organ: 'pancreas', sizes: [30, 30] },
        T6: { organ: 'stomach', sizes: [30, 30] },
      })
      .csv();
    const [bl] = csvObjects(assess(six).stdout);
    expect(String(bl!.warnings).split(';')).toEqual(expect.arrayContaining(['TOO_MANY_TARGETS', 'TOO_MANY_TARGETS_PER_ORGAN']));
  });

  it('--per-patient: header in the documented order and a row that parses', () => {
    const out = assess(csv, '--per-patient', '--format', 'csv');
    expect(out.exitCode).toBe(0);
    expect(parseCsv(out.stdout)[0]).toEqual([...PATIENT_KEYS]);
    const [row] = csvObjects(out.stdout);
    expect(row).toMatchObject({
      patient_id: 'P1',
      best_overall_response: 'PR',
      best_response_date: '2022-02-28',
      progression_date: '2022-04-25',
    });
    expect(String(row!.warnings).split(';')).toContain('TOO_MANY_TARGETS_PER_ORGAN');
  });

  it('--per-patient: a null date is a blank field', () => {
    const stable = patient('P1').targets({ T1: { organ: 'liver', sizes: [30, 28] } }).csv();
    const [row] = csvObjects(assess(stable, '--per-patient').stdout);
    expect(row!.progression_date).toBe('');
    expect(row!.best_overall_response).toBe('SD');
  });
});

describe('command line', () => {
  it('an unknown --format is refused with nothing on stdout', () => {
    const out = assess(csv, '--format', 'xml');
    expect(out.exitCode).not.toBe(0);
    expect(out.stdout).toBe('');
  });

  it('an unknown --pr-policy is refused with nothing on stdout', () => {
    const out = assess(csv, '--pr-policy', 'sometimes', '--format', 'json');
    expect(out.exitCode).not.toBe(0);
    expect(out.stdout).toBe('');
  });
});
