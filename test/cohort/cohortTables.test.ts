// The downloads' CSV tables: one tidy table per file, full precision, readable back with the project's reader.
import { describe, expect, it } from 'vitest';
import { analyseCohort } from '../../src/cohort/analyseCohort';
import { DEFAULT_CHOICE } from '../../src/cohort/cohortChoice';
import { atRiskCsv, coxCsv, groupsCsv, patientsCsv } from '../../src/cohort/cohortTables';
import { kaplanMeierPlot } from '../../src/cohort/plotModel';
import { selectPatients } from '../../src/cohort/selectPatients';
import { parseCsv } from '../../src/shared/csv';
import { os, table } from './fixtures';

const t = table([
  { ...os(400, true), landmark_response: 'PR' },
  { ...os(300, false), landmark_response: 'PR' },
  { ...os(160, true), landmark_response: 'PR' },
  { ...os(200, true), landmark_response: 'SD' },
  { ...os(250, true), landmark_response: 'SD' },
  { ...os(420, false), landmark_response: 'SD' },
  { ...os(150, true), landmark_response: 'PD' },
  { ...os(180, false), landmark_response: 'PD' },
  { ...os(350, true), landmark_response: 'PD' },
]);
const selection = selectPatients(t, DEFAULT_CHOICE);
if (!selection.ok) throw new Error(selection.error.code);
const analysis = analyseCohort(selection.value);

const rowsOf = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.error.code);
  return parsed.records.map((r) => r.fields);
};

describe('cohort CSV tables', () => {
  it('groups: n, events, median with CI, log-rank O/E and the test on every row', () => {
    const [header, ...rows] = rowsOf(groupsCsv(analysis));
    expect(header).toEqual(['group', 'n', 'events', 'median_days', 'median_lower_95', 'median_upper_95', 'observed', 'expected', 'logrank_chisq', 'logrank_df', 'logrank_p']);
    // From the landmark: CR/PR 69 (event), 209 (censored), 309 (event, the last at risk): S = 2/3, then 0 at 309.
    expect(rows.map((r) => r.slice(0, 4))).toEqual([['CR/PR', '3', '2', '309'], ['SD', '3', '2', '159'], ['PD', '3', '2', '259']]);
    expect(new Set(rows.map((r) => r[10])).size).toBe(1);
    expect(Number(rows[0]?.[10])).toBeGreaterThan(0);
  });

  it('Cox: one row per term with its comparison, in full precision', () => {
    const [header, ...rows] = rowsOf(coxCsv(analysis));
    expect(header?.slice(0, 4)).toEqual(['term', 'comparison', 'coef', 'hazard_ratio']);
    expect(rows.map((r) => r[1])).toEqual(['SD vs CR/PR', 'PD vs CR/PR']);
    expect(Number(rows[0]?.[3])).toBeCloseTo(Math.exp(Number(rows[0]?.[2])), 12);
  });

  it('numbers at risk at the plot\'s ticks, and the analysed patients', () => {
    if (!analysis.curves.ok) throw new Error('curves');
    const plot = kaplanMeierPlot({ curves: analysis.curves.value, unit: 'days', title: '', subtitle: '', yLabel: '', timeFrom: '' });
    const [header, first] = rowsOf(atRiskCsv(plot));
    expect([header, first]).toEqual([['group', 'time_days', 'time_months', 'at_risk'], ['CR/PR', '0', '0', '3']]);
    const [patientHeader, ...patients] = rowsOf(patientsCsv(analysis));
    expect(patientHeader).toEqual(['patient_id', 'group', 'time_days', 'event']);
    expect(patients[0]).toEqual(['P1', 'CR/PR', '309', '1']);
    expect(patients).toHaveLength(9);
  });
});
