// Sources in the exports and the CSV readers: the measurement CSV's optional `source`, `response_source` in the
// time-point and patient tables, the assigned-responses CSV (written, read, used by `recist assess --assigned`).
import { describe, expect, it } from 'vitest';
import { runRecistCli } from '../../src/cli/run';
import { ASSIGNED_COLUMNS, describeCsvProblem, readAssignedCsv } from '../../src/export/assignedResponses';
import { DEFAULT_CSV_FORMAT } from '../../src/export/csvFormat';
import { buildExport, type ExportKind } from '../../src/export/exportFiles';
import { readMeasurementCsv } from '../../src/export/readMeasurementCsv';
import { checkTypedAxes, typedMeasurement } from '../../src/tracking/typedMeasurement';
import type { TrackedPatient } from '../../src/tracking/toPatientRecord';
import { reading } from './fixtures';

const OPTIONS = { format: DEFAULT_CSV_FORMAT, landmarkDays: 91, deidentify: undefined };
const text = (kind: ExportKind, patients: TrackedPatient[]): string => {
  const file = buildExport(kind, patients, OPTIONS);
  if (!file.ok) throw new Error(JSON.stringify(file.error));
  return file.value.text;
};

/** P1 read from reports: baseline 30 mm, follow-up typed 20 mm (computed PR). */
function fromReports(): TrackedPatient {
  const base = reading({ id: 'P1', dates: ['2024-01-10', '2024-04-10'], targets: { T1: { sizes: [30, 20] } } });
  const lesion = base.lesions[0];
  if (lesion === undefined) throw new Error('no lesion');
  return {
    ...base,
    timepoints: base.timepoints.map((t) => ({ ...t, report: { reportDate: t.studyDate, accessionNumber: 'A1', quote: 'T1 measures …' } })),
    measurements: base.timepoints.map((t, i) => typedMeasurement(lesion, t.studyInstanceUid, { longAxisMm: [30, 20][i], shortAxisMm: undefined }, `m${i}`, `2024-05-01T00:00:0${i}.000Z`)),
  };
}

/** P2: a baseline on images and a follow-up whose SD was assigned from the report. */
function assignedSd(): TrackedPatient {
  const base = reading({ id: 'P2', dates: ['2024-01-10', '2024-04-10'], targets: { T1: { sizes: [30, null] } } });
  return { ...base, timepoints: base.timepoints.map((t, i) => (i === 1 ? { ...t, assigned: { response: 'SD' as const, reason: 'No significant change, "stable".' } } : t)) };
}

describe('typed measurements', () => {
  it.each([
    ['12,5', '', false, { longAxisMm: 12.5, shortAxisMm: undefined }],
    ['30', '12', true, { longAxisMm: 30, shortAxisMm: 12 }],
  ])('read "%s" / "%s" (nodal %s) as millimetres', (long, short, nodal, expected) => {
    expect(checkTypedAxes({ nodal, category: 'target' }, long, short)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['abc', '', false, 'NOT_A_NUMBER'],
    ['501', '', false, 'OUT_OF_RANGE'],
    ['-3', '', false, 'NOT_A_NUMBER'],
    ['10', '12', false, 'SHORT_LONGER_THAN_LONG'],
    ['25', '', true, 'NODE_NEEDS_SHORT_AXIS'],
    ['', '', false, 'LONG_AXIS_NEEDED'],
  ])('refuse "%s" / "%s" (nodal %s): %s', (long, short, nodal, code) => {
    const checked = checkTypedAxes({ nodal, category: 'target' }, long, short);
    expect(checked.ok ? undefined : checked.error.code).toBe(code);
  });
});

describe('exports say where values come from', () => {
  it('the measurement CSV writes source report for typed values and image for drawn ones, and reads back', () => {
    const csv = text('measurements', [fromReports(), assignedSd()]);
    const lines = csv.trim().split('\n');
    expect(lines[0]?.endsWith(',state,source,location,signed_off_by,signed_off_at')).toBe(true);
    expect(lines).toContain('P1,Follow-up 1,2024-04-10,T1,target,liver,no,20.0,,measured,report,,,');
    expect(lines).toContain('P2,Baseline,2024-01-10,T1,target,liver,no,30.0,,measured,image,,,');
    const read = readMeasurementCsv(csv);
    expect(read.ok).toBe(true);
  });

  it('a file without source reads as before; a wrong source is refused with its line', () => {
    const header = 'patient_id,timepoint,scan_date,lesion_id,category,organ,nodal,long_axis_mm,short_axis_mm,state';
    expect(readMeasurementCsv(`${header}\nP1,B,2024-01-01,T1,target,liver,no,30,,\n`).ok).toBe(true);
    const bad = readMeasurementCsv(`${header},source\nP1,B,2024-01-01,T1,target,liver,no,30,,,scanner\n`);
    expect(bad.ok ? [] : bad.problems).toEqual([{ line: 2, message: 'source "scanner" is not image or report (or leave it blank)' }]);
  });

  it('the time-point and patient tables have response_source: computed PR for P1, assigned SD for P2', () => {
    const rows = text('timepoints', [fromReports(), assignedSd()]).trim().split('\n');
    const header = rows[0]?.split(',') ?? [];
    const col = (name: string) => header.indexOf(name);
    const cells = rows.slice(1).map((r) => r.split(','));
    expect(cells.map((c) => [c[0], c[col('overall_response')], c[col('response_source')]])).toEqual([
      ['P1', '', ''], ['P1', 'PR', 'computed'], ['P2', '', ''], ['P2', 'SD', 'assigned'],
    ]);
    const patients = text('patients', [fromReports(), assignedSd()]).trim().split('\n').map((r) => r.split(','));
    const at = (patients[0] ?? []).indexOf('response_source');
    expect(patients.slice(1).map((p) => [p[0], p[at]])).toEqual([['P1', 'computed'], ['P2', 'assigned']]);
  });

  it('the assigned-responses CSV lists P2\'s SD with its reason, and recist assess --assigned gives it back', () => {
    const assigned = text('assigned', [fromReports(), assignedSd()]);
    expect(assigned).toBe(`${ASSIGNED_COLUMNS.join(',')}\nP2,Follow-up 1,2024-04-10,SD,assigned,"No significant change, ""stable""."\n`);
    const measurements = text('measurements', [fromReports(), assignedSd()]);
    const files: Record<string, string> = { 'm.csv': measurements, 'a.csv': assigned };
    const out = runRecistCli(['assess', 'm.csv', '--assigned', 'a.csv', '--format', 'json'], { readFile: (f) => files[f] ?? '', readBytes: () => new Uint8Array() });
    expect(out.stderr).toBe('');
    const rows = JSON.parse(out.stdout) as { patient_id: string; overall_response: string | null; response_source: string | null }[];
    expect(rows.map((r) => [r.patient_id, r.overall_response, r.response_source])).toEqual([
      ['P1', null, null], ['P1', 'PR', 'computed'], ['P2', null, null], ['P2', 'SD', 'assigned'],
    ]);
  });
});

describe('readAssignedCsv', () => {
  it('names the line and column of every problem', () => {
    const csv = `${ASSIGNED_COLUMNS.join(',')}\nP1,F1,2024-13-01,SD,assigned,ok\nP1,F2,2024-04-01,MR,,ok\nP1,F3,2024-05-01,PD,computed,\n`;
    const read = readAssignedCsv(csv);
    expect(read.ok ? [] : read.problems.map(describeCsvProblem)).toEqual([
      'line 2, column scan_date: "2024-13-01" is not a date; write it as YYYY-MM-DD',
      'line 3, column overall_response: "MR" is not one of CR, PR, SD, PD, NE',
      'line 4, column source: "computed" is not assigned (leave it blank or write assigned)',
      'line 4, column reason: reason is empty: quote the sentence of the report the response is taken from',
    ]);
  });

  it('recist assess --assigned refuses a patient the measurement file does not have, by line and column', () => {
    const files: Record<string, string> = {
      'm.csv': 'patient_id,timepoint,scan_date,lesion_id,category,organ,nodal,long_axis_mm,short_axis_mm,state\nP1,B,2024-01-01,T1,target,liver,no,30,,\n',
      'a.csv': `${ASSIGNED_COLUMNS.join(',')}\nP9,F1,2024-04-01,SD,assigned,stable\n`,
    };
    const out = runRecistCli(['assess', 'm.csv', '--assigned', 'a.csv'], { readFile: (f) => files[f] ?? '', readBytes: () => new Uint8Array() });
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('line 2, column patient_id: patient P9 is not in the measurement file');
  });
});
