// The clinical-data CSV: what each cell means, and every problem with its line and column.
import { describe, expect, it } from 'vitest';
import { readClinicalCsv } from '../../src/export/clinicalCsv';
import type { ClinicalProblem } from '../../src/store/clinicalRules';
import { describeClinicalProblem } from '../../src/ui/messages';

const problems = (text: string): ClinicalProblem[] => {
  const read = readClinicalCsv(text);
  if (read.ok) throw new Error('expected problems');
  return read.error;
};

describe('readClinicalCsv', () => {
  it('reads every column; blank removes a value; other columns are covariates (numbers when they read as one)', () => {
    const read = readClinicalCsv('patient_id,treatment_start,cycles,death_date,last_alive_date,ECOG,arm,site_code\nP1,2024-01-08,6,,2024-09-01,1,B,007\n');
    expect(read).toEqual({
      ok: true,
      value: [{
        line: 2,
        patientId: 'P1',
        changes: {
          treatmentDate: '2024-01-08', treatmentCycles: 6, deathDate: null, lastKnownAliveDate: '2024-09-01',
          covariates: { ECOG: 1, arm: 'B', site_code: '007' },
        },
      }],
    });
  });

  it('leaves fields whose column is missing as they are (undefined), in any column order and case', () => {
    const read = readClinicalCsv('Death_Date,PATIENT_ID\r\n2024-05-01,P1\r\n');
    expect(read.ok && read.value[0]?.changes).toEqual({ treatmentDate: undefined, treatmentCycles: undefined, deathDate: '2024-05-01', lastKnownAliveDate: undefined });
  });

  it('reports every bad cell with its line and column', () => {
    const found = problems('patient_id,treatment_start,cycles,death_date\nP1,2024-02-30,6,\nP2,2024-01-01,two,01/05/2024\n');
    expect(found).toEqual([
      { code: 'NOT_A_DATE', line: 2, column: 'treatment_start', value: '2024-02-30' },
      { code: 'NOT_A_COUNT', line: 3, column: 'cycles', value: 'two' },
      { code: 'NOT_A_DATE', line: 3, column: 'death_date', value: '01/05/2024' },
    ]);
    expect(found.map(describeClinicalProblem)).toEqual([
      'line 2, treatment_start: "2024-02-30" is not a date; write it as YYYY-MM-DD',
      'line 3, cycles: "two" is not a whole number of cycles (0 or more)',
      'line 3, death_date: "01/05/2024" is not a date; write it as YYYY-MM-DD',
    ]);
  });

  it.each([
    ['no patient_id column', 'treatment_start\n2024-01-01\n', [{ code: 'NO_PATIENT_COLUMN', line: 1, column: 'patient_id' }]],
    ['a column twice', 'patient_id,cycles,cycles\nP1,1,1\n', [{ code: 'DUPLICATE_COLUMN', line: 1, column: 'cycles' }]],
    ['a covariate name R would rewrite', 'patient_id,ECOG PS\nP1,1\n', [{ code: 'BAD_COVARIATE_NAME', line: 1, column: 'ECOG PS', value: 'ECOG PS' }]],
    ['a covariate named like an export column', 'patient_id,pfs_days\nP1,1\n', [{ code: 'RESERVED_COVARIATE_NAME', line: 1, column: 'pfs_days', value: 'pfs_days' }]],
    ['a short line', 'patient_id,cycles\nP1\n', [{ code: 'FIELD_COUNT', line: 2, value: '1', limit: '2' }]],
    ['an empty patient id', 'patient_id,cycles\n,1\n', [{ code: 'EMPTY_PATIENT_ID', line: 2, column: 'patient_id' }]],
    ['a patient twice', 'patient_id,cycles\nP1,1\nP1,2\n', [{ code: 'DUPLICATE_PATIENT', line: 3, column: 'patient_id', value: 'P1', limit: '2' }]],
    ['broken quoting', 'patient_id,cycles\n"P1,1\n', [{ code: 'CSV_SYNTAX', line: 2, value: 'a quoted field is never closed (CSV quoting, RFC 4180)' }]],
    ['Latin-1 text read as UTF-8', 'patient_id,cycles\nP1,1\nP\uFFFD,2\n', [expect.objectContaining({ code: 'CSV_SYNTAX', line: 3, value: expect.stringMatching(/not UTF-8/) })]],
    ['an empty file', '', [{ code: 'EMPTY_FILE', line: 1 }]],
  ])('refuses %s', (_what, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});
