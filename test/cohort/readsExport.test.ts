// One screen for the demo and the app's own export: the patient CSV that the Export menu writes (src/export), in
// either flavour (LF, or CRLF with a byte-order mark), reads and analyses as the demo does.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICE } from '../../src/cohort/cohortChoice';
import { readCohortCsv } from '../../src/cohort/patientCsv';
import { selectPatients } from '../../src/cohort/selectPatients';
import type { CsvFormat } from '../../src/export/csvFormat';
import { buildExport } from '../../src/export/exportFiles';
import { reading, type ReadingSpec } from '../export/fixtures';

const DATES = ['2024-01-01', '2024-03-04', '2024-05-06', '2024-07-08'];
const spec = (id: string, sizes: (number | null)[], patient: ReadingSpec['patient']): ReadingSpec =>
  ({ id, patient: { treatmentDate: '2024-01-08', ...patient }, dates: DATES.slice(0, sizes.length), targets: { T1: { sizes } } });
// The cohort of test/export/survivalR.test.ts: PR for P01, P02, P07 at the landmark, SD for P03, P05, P08, PD for
// P04; P06 dies on day 33, before the landmark.
const COHORT = [
  spec('P01', [50, 30, 28, 27], { lastKnownAliveDate: '2024-12-01', covariates: { ecog: 0 } }),
  spec('P02', [50, 30, 40, 45], { deathDate: '2024-10-01', covariates: { ecog: 1 } }),
  spec('P03', [50, 48, 49], { lastKnownAliveDate: '2024-11-01', covariates: { ecog: 0 } }),
  spec('P04', [50, 65], { deathDate: '2024-05-01', covariates: { ecog: 2 } }),
  spec('P05', [50, 47, 70], { deathDate: '2024-08-15', covariates: { ecog: 1 } }),
  spec('P06', [50], { deathDate: '2024-02-10', covariates: { ecog: 2 } }),
  spec('P07', [40, 20, 10, 0], { lastKnownAliveDate: '2025-01-10', covariates: { ecog: 0 } }),
  spec('P08', [40, 38, 60], { lastKnownAliveDate: '2024-09-01', covariates: { ecog: 1 } }),
].map(reading);

describe.each<[string, CsvFormat]>([
  ['LF', { lineEnding: 'lf', bom: false }],
  ['CRLF with a byte-order mark', { lineEnding: 'crlf', bom: true }],
])('the exported patient CSV (%s)', (_, format) => {
  const file = buildExport('patients', COHORT, { format, landmarkDays: 91, deidentify: undefined });
  if (!file.ok) throw new Error(file.error.code);
  const read = readCohortCsv(file.value.text);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  const t = read.value;

  it('reads every patient, the landmark, and the clinical covariates', () => {
    expect(t.rows.map((r) => r.patientId)).toEqual(['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08']);
    expect(t.landmarkDays).toBe(91);
    expect(t.covariates.map((c) => [c.name, c.kind])).toEqual([['ecog', 'numeric']]);
  });

  it('groups the landmark analysis as the demo: 7 at risk, CR/PR vs SD vs PD, the one who died before left out', () => {
    const s = selectPatients(t, DEFAULT_CHOICE);
    if (!s.ok) throw new Error(s.error.code);
    const members = (g: string) => s.value.patients.filter((p) => p.record.group === g).map((p) => p.patientId);
    expect([members('CR/PR'), members('SD'), members('PD')]).toEqual([['P01', 'P02', 'P07'], ['P03', 'P05', 'P08'], ['P04']]);
    expect(s.value.excluded).toEqual([{ reason: 'NOT_AT_RISK_AT_LANDMARK', count: 1 }]);
  });
});
