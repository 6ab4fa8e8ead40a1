// The measurement CSV the app writes is the one `recist assess` reads: exported, read back and assessed, it gives
// the engine exactly the app's input, so the same responses.
import { describe, expect, it } from 'vitest';
import { runRecistCli } from '../../src/cli/run';
import { assessTracked } from '../../src/export/assessTracked';
import { DEFAULT_CSV_FORMAT } from '../../src/export/csvFormat';
import { buildExport } from '../../src/export/exportFiles';
import { MEASUREMENT_COLUMNS } from '../../src/export/measurementCsvColumns';
import { readMeasurementCsv } from '../../src/export/readMeasurementCsv';
import { assessPatients } from '../../src/recist/assess';
import { parseCsv } from '../../src/shared/csv';
import type { TrackedPatient } from '../../src/tracking/toPatientRecord';
import { reading, SAMPLE_LIKE } from './fixtures';

const OPTIONS = { format: DEFAULT_CSV_FORMAT, landmarkDays: 91, deidentify: undefined };

function exported(patients: TrackedPatient[]): string {
  const file = buildExport('measurements', patients, OPTIONS);
  if (!file.ok) throw new Error(JSON.stringify(file.error));
  return file.value.text;
}

const READINGS: [string, TrackedPatient][] = [
  ['the sample-like reading (PR, then PD by a new lesion)', reading(SAMPLE_LIKE)],
  ['a split target and a target too small to measure', reading({ dates: ['2024-01-01', '2024-03-01', '2024-05-01'], targets: { T1: { sizes: [30, [12.3, 7.7], 'too_small'] }, T2: { organ: 'lung', sizes: [20, 'absent', 'absent'] } } })],
  ['a target not assessed at a follow-up, and one not evaluable', reading({ dates: ['2024-01-01', '2024-03-01'], targets: { T1: { sizes: [30, null] }, T2: { organ: 'lung', sizes: [15, 'not_evaluable'] } } })],
  ['a nodal non-target that became normal, an equivocal new node', reading({
    dates: ['2024-01-01', '2024-03-01', '2024-05-01'],
    targets: { T1: { sizes: [40, 25, 24] } },
    nonTargets: { NT1: { organ: 'lymph node', states: ['present', 'present', 'present'], shortAxisMm: 12 } },
    newLesions: { N1: { organ: 'lymph node', states: [null, 'equivocal', 'unequivocal'], mm: 11 } },
  })],
  ['non-target disease only', reading({ dates: ['2024-01-01', '2024-03-01'], nonTargets: { NT1: { states: ['present', 'absent'] } } })],
  ['an excluded study between two time points', reading({ dates: ['2024-01-01', '2024-05-01'], excludedDates: ['2024-03-01'], targets: { T1: { sizes: [30, 10] } } })],
];

describe('measurement CSV: export -> readMeasurementCsv -> assess', () => {
  it.each(READINGS)('%s: the file reads back as the app\'s engine input', (_what, tracked) => {
    const read = readMeasurementCsv(exported([tracked]));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.patients).toEqual([assessTracked(tracked).engine.record]);
  });

  it.each(READINGS)('%s: assess gives the responses the app shows', (_what, tracked) => {
    const read = readMeasurementCsv(exported([tracked]));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const [fromFile] = assessPatients(read.patients);
    const inApp = assessTracked(tracked).assessment;
    expect(fromFile?.timepoints.map((t) => [t.label, t.targetSum, t.overallResponse, t.explanation]))
      .toEqual(inApp?.timepoints.map((t) => [t.label, t.targetSum, t.overallResponse, t.explanation]));
    expect([fromFile?.bestOverallResponse, fromFile?.progressionDate]).toEqual([inApp?.bestOverallResponse, inApp?.progressionDate]);
  });

  it('has exactly the columns recist assess reads, and `recist assess` accepts the file', () => {
    const text = exported([reading(SAMPLE_LIKE), reading({ ...SAMPLE_LIKE, id: 'P2' })]);
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error('not CSV');
    expect(parsed.records[0]?.fields).toEqual([...MEASUREMENT_COLUMNS, 'source', 'location', 'signed_off_by', 'signed_off_at']);
    const out = runRecistCli(['assess', 'm.csv', '--per-patient'], { readFile: () => text, readBytes: () => new Uint8Array() });
    expect(out.stderr).toBe('');
    expect(out.stdout.split('\n').slice(1, 3).map((l) => l.split(',').slice(0, 6))).toEqual([
      ['P1', '2023-01-09', '2023-07-17', 'PR', '2023-04-17', '2023-07-17'],
      ['P2', '2023-01-09', '2023-07-17', 'PR', '2023-04-17', '2023-07-17'],
    ]);
  });

  it('writes a node by its short axis with its long axis beside it, and a liver lesion by its long axis', () => {
    const lines = exported([reading(SAMPLE_LIKE)]).split('\n');
    expect(lines).toContain('P1,Baseline,2023-01-09,T4,target,lymph node,yes,19.0,14.0,measured,image,,,');
    expect(lines).toContain('P1,Baseline,2023-01-09,T1,target,liver,no,32.0,,measured,image,,,');
    expect(lines).toContain('P1,Follow-up 2,2023-07-17,N1,new,liver,no,15.0,,unequivocal,image,,,');
    expect(lines).toContain('P1,Baseline,2023-01-09,NT1,non-target,peritoneum,no,,,present,image,,,');
  });

  it('writes nothing for a follow-up where nothing was recorded yet (the reading has not started)', () => {
    const tracked = reading({ dates: ['2024-01-01', '2024-03-01'], targets: { T1: { sizes: [30, null] } } });
    expect(exported([tracked]).split('\n').filter((l) => l.includes('Follow-up'))).toEqual([]);
  });
});
