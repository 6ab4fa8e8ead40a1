// The files of the Export menu: the time-point table is `recist assess`'s, CSV options, formula neutralising, the
// patient table's extra columns, and de-identification.
import { describe, expect, it } from 'vitest';
import { runRecistCli } from '../../src/cli/run';
import { DEFAULT_CSV_FORMAT, type CsvFormat } from '../../src/export/csvFormat';
import { keyMap, type Deidentification, type StudyKey } from '../../src/export/deidentify';
import { buildExport, studyKeyFile, type ExportKind, type ExportOptions } from '../../src/export/exportFiles';
import { SURVIVAL_COLUMNS } from '../../src/export/survivalColumns';
import { parseCsv } from '../../src/shared/csv';
import { daysBetween } from '../../src/shared/isoDate';
import { RESERVED_NAMES } from '../../src/store/clinicalRules';
import type { TrackedPatient } from '../../src/tracking/toPatientRecord';
import { reading, SAMPLE_LIKE } from './fixtures';

const OPTIONS: ExportOptions = { format: DEFAULT_CSV_FORMAT, landmarkDays: 91, deidentify: undefined };

function text(kind: ExportKind, patients: TrackedPatient[], options: Partial<ExportOptions> = {}): string {
  const file = buildExport(kind, patients, { ...OPTIONS, ...options });
  if (!file.ok) throw new Error(JSON.stringify(file.error));
  return file.value.text;
}

function table(csv: string): Record<string, string>[] {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error('not CSV');
  const [header, ...rows] = parsed.records;
  return rows.map((r) => Object.fromEntries((header?.fields ?? []).map((name, i) => [name, r.fields[i] ?? ''])));
}

const P1 = reading({ ...SAMPLE_LIKE, id: 'P1', patient: { ...SAMPLE_LIKE.patient, deathDate: '2023-12-01', covariates: { ecog: 1, arm: 'A' } } });
const P2 = reading({ ...SAMPLE_LIKE, id: 'P2', patient: { treatmentDate: '2023-01-16', lastKnownAliveDate: '2024-01-05', treatmentCycles: 6, covariates: { ecog: 0 } } });

describe('time-point responses', () => {
  it('are the rows `recist assess` writes for the exported measurements, column for column', () => {
    const measurements = text('measurements', [P1, P2]);
    const assess = runRecistCli(['assess', 'm.csv'], { readFile: () => measurements, readBytes: () => new Uint8Array() });
    expect(assess.exitCode).toBe(0);
    expect(text('timepoints', [P1, P2])).toBe(assess.stdout);
  });
});

describe('CSV options', () => {
  const crlf: CsvFormat = { lineEnding: 'crlf', bom: true };

  it.each(['measurements', 'timepoints', 'patients'] as const)('%s: CRLF and a UTF-8 BOM when asked, LF and none by default', (kind) => {
    const plain = text(kind, [P1]);
    expect(plain.startsWith('\uFEFF')).toBe(false);
    expect(plain).not.toContain('\r');
    const windows = text(kind, [P1], { format: crlf });
    expect(windows.startsWith('\uFEFF')).toBe(true);
    expect(windows.slice(1).split('\r\n').join('')).not.toContain('\n');
    expect(table(windows)).toEqual(table(plain));
  });

  it.each(['measurements', 'timepoints', 'patients'] as const)('%s: a formula-like patient id is written as text (leading apostrophe) and reads back as it was', (kind) => {
    const evil = reading({ ...SAMPLE_LIKE, id: '=HYPERLINK("http://x","y")' });
    const written = text(kind, [evil]);
    expect(written).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    const rows = table(written);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.patient_id).toBe(`=HYPERLINK("http://x","y")`);
  });

  it('neutralises a formula-like covariate value too, but leaves negative numbers alone', () => {
    const patient = reading({ ...SAMPLE_LIKE, patient: { covariates: { note: '@SUM(A1)', delta: -2.5 } } });
    const written = text('patients', [patient]);
    expect(written).toContain(",'@SUM(A1)");
    const [row] = table(written);
    expect([row?.note, row?.delta]).toEqual(['@SUM(A1)', '-2.5']);
  });
});

describe('patient table', () => {
  it('has the survival columns, then cycles, response_source and measurement_source, then every covariate (blank where a patient has none)', () => {
    const csv = text('patients', [P1, P2]);
    expect(csv.split('\n')[0]).toBe([...SURVIVAL_COLUMNS, 'cycles', 'response_source', 'measurement_source', 'arm', 'ecog'].join(','));
    const rows = table(csv);
    expect(rows.map((r) => [r.patient_id, r.cycles, r.response_source, r.measurement_source, r.arm, r.ecog, r.os_event, r.pfs_event_type])).toEqual([
      ['P1', '', 'computed', 'image', 'A', '1', '1', 'progression'],
      ['P2', '6', 'computed', 'image', '', '0', '0', 'progression'],
    ]);
  });

  it('no covariate can take the name of a column of the exports', () => {
    for (const column of [...SURVIVAL_COLUMNS, 'cycles', 'response_source', 'measurement_source']) expect(RESERVED_NAMES.has(column)).toBe(true);
  });
});

describe('de-identified exports', () => {
  const keys: StudyKey[] = [
    { patientId: 'P1', code: 'S-AAAAAA', dateOffsetDays: -40 },
    { patientId: 'P2', code: 'S-BBBBBB', dateOffsetDays: 200 },
  ];
  const deid = (shiftDates: boolean): Deidentification => ({ keys: keyMap(keys), shiftDates });

  it.each(['measurements', 'timepoints', 'patients'] as const)('%s: study codes replace patient ids, no name is written', (kind) => {
    const csv = text(kind, [P2, P1], { deidentify: deid(false) });
    expect(csv).not.toMatch(/P1|P2|DOE|JANE/);
    expect([...new Set(table(csv).map((r) => r.patient_id))]).toEqual(['S-AAAAAA', 'S-BBBBBB']);
  });

  it('shifts every date of a patient by its own offset and keeps every interval', () => {
    const plain = table(text('patients', [P1, P2]));
    const shifted = table(text('patients', [P1, P2], { deidentify: deid(true) }));
    expect(shifted[0]?.origin_date).toBe('2022-12-07'); // 2023-01-16 - 40 days
    expect(shifted[1]?.origin_date).toBe('2023-08-04'); // 2023-01-16 + 200 days
    for (const [i, offset] of [[0, -40], [1, 200]] as const) {
      for (const column of ['origin_date', 'baseline_date', 'progression_date', 'last_assessment_date'] as const) {
        expect(daysBetween(plain[i]?.[column] ?? '', shifted[i]?.[column] ?? '')).toBe(offset);
      }
      for (const column of ['pfs_days', 'os_days', 'landmark_os_days', 'best_overall_response', 'landmark_response'] as const) {
        expect(shifted[i]?.[column]).toBe(plain[i]?.[column]);
      }
    }
  });

  it('shifts scan dates, and the dates inside explanations, in the time-point table', () => {
    const shifted = table(text('timepoints', [P1], { deidentify: deid(true) }));
    const csv = text('timepoints', [P1], { deidentify: deid(true) });
    expect(shifted.map((r) => r.scan_date)).toEqual(['2022-11-30', '2023-03-08', '2023-06-07']);
    for (const real of ['2023-01-09', '2023-04-17', '2023-07-17']) expect(csv).not.toContain(real);
    expect(shifted.map((r) => r.days_from_baseline)).toEqual(['0', '98', '189']);
  });

  it('keeps real dates when only ids are replaced', () => {
    expect(table(text('measurements', [P1], { deidentify: deid(false) }))[0]?.scan_date).toBe('2023-01-09');
  });

  it('is refused, with the patients named, when a patient has no study code', () => {
    const result = buildExport('patients', [P1, reading({ ...SAMPLE_LIKE, id: 'P3' })], { ...OPTIONS, deidentify: deid(false) });
    expect(result).toEqual({ ok: false, error: { code: 'MISSING_STUDY_KEYS', patientIds: ['P3'] } });
  });

  it('the key itself is a file of its own: patient id, study code, offset', () => {
    expect(studyKeyFile(keys, DEFAULT_CSV_FORMAT).text).toBe('patient_id,study_code,date_offset_days\nP1,S-AAAAAA,-40\nP2,S-BBBBBB,200\n');
  });
});
