// One line of the measurement CSV checked on its own, and the file-level limits around it.
import { describe, expect, it } from 'vitest';
import { type MeasurementColumnIndex, type RowProblem, readMeasurementRow } from '../../src/export/measurementRow';
import { readMeasurementCsv, readMeasurementRows } from '../../src/export/readMeasurementCsv';

const HEADER = 'patient_id,timepoint,scan_date,lesion_id,category,organ,nodal,long_axis_mm,short_axis_mm,state';
const COLUMNS: MeasurementColumnIndex = {
  patient_id: 0, timepoint: 1, scan_date: 2, lesion_id: 3, category: 4, organ: 5, nodal: 6, long_axis_mm: 7, short_axis_mm: 8, state: 9, source: 10,
};

function read(fields: string[]): { row: unknown; problems: RowProblem[] } {
  const problems: RowProblem[] = [{ line: 1, message: 'already there' }];
  const row = readMeasurementRow(7, fields, COLUMNS, problems);
  return { row, problems: problems.slice(1) };
}

describe('readMeasurementRow', () => {
  it('returns the row, with source last, and adds no problem for a good line', () => {
    const { row, problems } = read(['P1', 'baseline', '2024-01-01', 'T1', 'Target', 'liver', 'no', '30.5', ' 12 ', '', 'Image']);
    expect(problems).toEqual([]);
    expect(row).toStrictEqual({
      line: 7, patientId: 'P1', timepoint: 'baseline', scanDate: '2024-01-01', lesionId: 'T1', organ: 'liver', nodal: false,
      longAxis: 30_500, shortAxis: 12_000, category: 'target', state: 'measured', source: 'image',
    });
    expect(Object.keys(row as object).at(-1)).toBe('source');
  });

  it('appends every problem of the line to the list it is given, in column order, with the line; no row', () => {
    const { row, problems } = read(['', 'fu1', '2023-02-30', 'T1', 'target', 'liver', 'maybe', '-3', '1.23456', '', 'scanner']);
    expect(row).toBeUndefined();
    expect(problems).toEqual([
      { line: 7, message: 'source "scanner" is not image or report (or leave it blank)' },
      { line: 7, message: 'patient_id is empty' },
      { line: 7, message: 'scan_date "2023-02-30" is not a date; write it as YYYY-MM-DD' },
      { line: 7, message: 'nodal "maybe" is not yes or no' },
      { line: 7, message: 'long_axis_mm "-3" is negative' },
      { line: 7, message: 'short_axis_mm "1.23456" has more than 3 decimals' },
    ]);
  });

  it('a state that names a built-in property of objects (constructor, __proto__) is refused like any other word', () => {
    for (const state of ['constructor', '__proto__', 'toString']) {
      const { row, problems } = read(['P1', 'baseline', '2024-01-01', 'T1', 'target', 'liver', 'no', '30.5', '', state, '']);
      expect(row).toBeUndefined();
      expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(new RegExp(`^state "${state}" is not a target state`))]);
    }
  });
});

describe('file limits', () => {
  const badLines = (n: number) => Array.from({ length: n }, (_, i) => `P${i},b,2024-01-01,T1,target,liver,no,abc,,`);

  it('lists the first 50 problems, in line order', () => {
    const read = readMeasurementRows(`${HEADER}\n${badLines(80).join('\n')}\n`);
    const problems = read.ok ? [] : read.problems;
    expect(problems).toHaveLength(50);
    expect(problems.map((p) => p.line)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
  });

  it('a quoting error anywhere refuses the file with that error alone, however many problems come before it', () => {
    const read = readMeasurementRows(`${HEADER}\n${badLines(80).join('\n')}\n"open,\n`);
    expect(read).toEqual({ ok: false, problems: [{ line: 82, message: 'a quoted field is never closed (CSV quoting, RFC 4180)' }] });
  });

  it('many rows inconsistent across the file are refused with the first 50, not a crash', () => {
    const followUps = Array.from({ length: 150_000 }, (_, i) => `P1,f,2024-02-01,X${i},non-target,liver,no,,,present`);
    const read = readMeasurementCsv(`${HEADER}\nP1,b,2024-01-01,T1,target,liver,no,10,,\n${followUps.join('\n')}\n`);
    const problems = read.ok ? [] : read.problems;
    expect(problems).toHaveLength(50);
    expect(problems[0]).toEqual({
      line: 3,
      message: 'lesion_id "X0": non-target lesion X0 of P1 is not in the baseline (2024-01-01); a lesion first seen at follow-up is category new',
    });
  }, 60_000);
});
