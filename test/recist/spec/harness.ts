// Runs the `recist assess` command as a black box (through runRecistCli only) and reads its output.
import { runRecistCli } from '../../../src/cli/run';

export type Response = 'CR' | 'PR' | 'SD' | 'PD' | 'NE' | 'NON-CR/NON-PD' | 'NA';

export interface TimepointResult {
  patient_id: string;
  timepoint: string;
  scan_date: string;
  days_from_baseline: number;
  target_sum_mm: number | null;
  baseline_sum_mm: number | null;
  nadir_sum_mm: number | null;
  change_from_baseline_pct: number | null;
  change_from_nadir_pct: number | null;
  change_from_nadir_mm: number | null;
  target_response: Response | null;
  nontarget_response: Response | null;
  new_lesions: 'no' | 'yes' | 'equivocal';
  overall_response: Response | null;
  warnings: string[];
  explanation: string;
}

export interface PatientResult {
  patient_id: string;
  baseline_date: string;
  last_scan_date: string;
  best_overall_response: Response;
  best_response_date: string | null;
  progression_date: string | null;
  warnings: string[];
}

export const TIMEPOINT_KEYS = [
  'patient_id',
  'timepoint',
  'scan_date',
  'days_from_baseline',
  'target_sum_mm',
  'baseline_sum_mm',
  'nadir_sum_mm',
  'change_from_baseline_pct',
  'change_from_nadir_pct',
  'change_from_nadir_mm',
  'target_response',
  'nontarget_response',
  'new_lesions',
  'overall_response',
  'response_source',
  'measurement_source',
  'borderline',
  'warnings',
  'explanation',
] as const;

export const PATIENT_KEYS = [
  'patient_id',
  'baseline_date',
  'last_scan_date',
  'best_overall_response',
  'best_response_date',
  'progression_date',
  'response_source',
  'measurement_source',
  'warnings',
] as const;

export interface CliRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** `recist assess in.csv <flags>` with `csv` as the content of in.csv. */
export function assess(csv: string, ...flags: string[]): CliRun {
  return runRecistCli(['assess', 'in.csv', ...flags], {
    readFile: (path) => {
      if (path !== 'in.csv') throw new Error(`ENOENT: no such file ${path}`);
      return csv;
    },
    readBytes: () => {
      throw new Error('assess reads text only');
    },
  });
}

function parseOk<T>(run: CliRun): T {
  if (run.exitCode !== 0) {
    throw new Error(`assess exited ${run.exitCode}; stderr:\n${run.stderr}`);
  }
  return JSON.parse(run.stdout) as T;
}

/** Per-time-point JSON output (baseline rows included). */
export function timepoints(csv: string, ...flags: string[]): TimepointResult[] {
  return parseOk<TimepointResult[]>(assess(csv, ...flags, '--format', 'json'));
}

/** Follow-up rows (baseline excluded) of one patient, in scan-date order as output. */
export function followUps(csv: string, ...flags: string[]): TimepointResult[] {
  return byPatient(timepoints(csv, ...flags), 'P1').slice(1);
}

export function byPatient<T extends { patient_id: string }>(rows: T[], patientId: string): T[] {
  return rows.filter((r) => r.patient_id === patientId);
}

/** Per-patient JSON output. */
export function patients(csv: string, ...flags: string[]): PatientResult[] {
  return parseOk<PatientResult[]>(assess(csv, ...flags, '--per-patient', '--format', 'json'));
}

export function onePatient(csv: string, ...flags: string[]): PatientResult {
  const all = patients(csv, ...flags);
  if (all.length !== 1) throw new Error(`expected one patient, got ${all.length}`);
  return all[0]!;
}

export function pick<T, K extends keyof T>(rows: T[], key: K): T[K][] {
  return rows.map((r) => r[key]);
}

/** Minimal RFC 4180 reader for the CSV output (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** CSV output as objects keyed by its header. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsv(text);
  if (!header) return [];
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}
