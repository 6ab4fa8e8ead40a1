// The patient table for survival on a workstation with several readers (issue 20): each row's endpoints from the
// read endpointRead chose, the read named in read_used / read_basis / adjudicated_by, and a patient with no usable
// read kept with its endpoints blank.
import { describe, expect, it } from 'vitest';
import { adjudicatedSurvivalFile } from '../../src/export/adjudicatedSurvival';
import { DEFAULT_CSV_FORMAT } from '../../src/export/csvFormat';
import { parseCsv } from '../../src/shared/csv';
import { reading } from './fixtures';

function table(text: string): Record<string, string>[] {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error('not CSV');
  const [header, ...rows] = parsed.records.filter((r) => r.fields.some((f) => f !== ''));
  return rows.map((r) => Object.fromEntries((header?.fields ?? []).map((h, i) => [h, r.fields[i] ?? ''])));
}

describe('adjudicatedSurvivalFile', () => {
  const dates = ['2024-01-10', '2024-04-10', '2024-07-10'];
  const pd = reading({ id: 'P1', dates, targets: { T1: { sizes: [30, 28, 40] } } });
  const pr = reading({ id: 'P2', dates, targets: { T1: { sizes: [30, 18, 17] } } });

  it('gives each patient the endpoints of the read used, and says which and why', () => {
    const file = adjudicatedSurvivalFile([
      { patientId: 'P1', endpoint: { reader: 'Dr B', basis: 'double read, adjudicated', adjudicator: 'Dr C' }, tracked: pd },
      { patientId: 'P2', endpoint: { reader: 'Dr A', basis: 'single read', adjudicator: undefined }, tracked: pr },
      { patientId: 'P3', endpoint: { reader: undefined, basis: 'double read, awaiting adjudication', adjudicator: undefined }, tracked: undefined },
    ], DEFAULT_CSV_FORMAT);
    const rows = table(file.text);
    expect(file.rows).toBe(3);
    expect(rows.map((r) => [r.patient_id, r.best_overall_response, r.progression_date, r.read_used, r.read_basis, r.adjudicated_by])).toEqual([
      ['P1', 'SD', '2024-07-10', 'Dr B', 'double read, adjudicated', 'Dr C'],
      ['P2', 'PR', '', 'Dr A', 'single read', ''],
      ['P3', '', '', '', 'double read, awaiting adjudication', ''],
    ]);
    expect(file.text.split('\n')[0]?.endsWith(',read_used,read_basis,adjudicated_by')).toBe(true);
  });
});
