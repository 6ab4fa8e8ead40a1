// The time-point CSV of reader-assigned responses: one row per follow-up whose overall response a reader assigned
// from a report (patient_id, timepoint, scan_date, overall_response, source, reason). The app writes it; `recist
// assess --assigned FILE` and the app's batch import read it, every problem named by line and column.
import type { AssignedOverallResponse, AssignedResponse, PatientRecord } from '../recist/types';
import { describeCsvParseError, parseCsv } from '../shared/csv';
import { isIsoDate } from '../shared/isoDate';
import type { AssessedPatient } from './assessTracked';
import type { Pseudonym } from './deidentify';

export const ASSIGNED_COLUMNS = ['patient_id', 'timepoint', 'scan_date', 'overall_response', 'source', 'reason'] as const;
type AssignedColumn = (typeof ASSIGNED_COLUMNS)[number];

const RESPONSES: readonly AssignedOverallResponse[] = ['CR', 'PR', 'SD', 'PD', 'NE'];

export interface AssignedLine {
  readonly line: number;
  readonly patientId: string;
  readonly timepoint: string;
  readonly scanDate: string;
  readonly assigned: AssignedResponse;
}

export interface CsvProblem {
  readonly line: number;
  /** The column the problem is in; undefined for a problem of the whole line or file. */
  readonly column: AssignedColumn | undefined;
  readonly message: string;
}

/** The patient's assigned follow-ups, in engine order, as rows of ASSIGNED_COLUMNS. */
export function assignedRows(patient: AssessedPatient, who: Pseudonym): string[][] {
  return patient.engine.record.timepoints.flatMap((t) => t.assigned === undefined
    ? []
    : [[who.id, t.label, who.date(t.scanDate), t.assigned.response, 'assigned', who.text(t.assigned.reason)]]);
}

export const describeCsvProblem = (p: CsvProblem): string => `line ${p.line}${p.column === undefined ? '' : `, column ${p.column}`}: ${p.message}`;

/** All or nothing: the lines, or every problem (at most 50). */
export function readAssignedCsv(text: string): { ok: true; lines: AssignedLine[] } | { ok: false; problems: CsvProblem[] } {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, problems: [{ line: parsed.error.line, column: undefined, message: describeCsvParseError(parsed.error) }] };
  const [header, ...records] = parsed.records;
  if (header === undefined) return { ok: false, problems: [{ line: 1, column: undefined, message: `the file is empty; the header must name ${ASSIGNED_COLUMNS.join(', ')}` }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const required = ASSIGNED_COLUMNS.filter((c) => c !== 'source' && c !== 'timepoint');
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length > 0) return { ok: false, problems: [{ line: header.line, column: undefined, message: `missing column ${missing.join(', ')}; the header must name ${ASSIGNED_COLUMNS.join(', ')}` }] };
  const problems: CsvProblem[] = [];
  const lines: AssignedLine[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    if (record.fields.length !== names.length) {
      problems.push({ line: record.line, column: undefined, message: `${record.fields.length} fields, but the header has ${names.length}` });
      continue;
    }
    const get = (c: AssignedColumn) => (names.includes(c) ? (record.fields[names.indexOf(c)] ?? '').trim() : '');
    const problem = (column: AssignedColumn, message: string) => problems.push({ line: record.line, column, message });
    const patientId = get('patient_id');
    const scanDate = get('scan_date');
    const response = get('overall_response').toUpperCase();
    const source = get('source').toLowerCase();
    const reason = get('reason');
    const before = problems.length;
    if (patientId === '') problem('patient_id', 'patient_id is empty');
    if (!isIsoDate(scanDate)) problem('scan_date', `"${scanDate}" is not a date; write it as YYYY-MM-DD`);
    const known = RESPONSES.find((r) => r === response);
    if (known === undefined) problem('overall_response', `"${get('overall_response')}" is not one of ${RESPONSES.join(', ')}`);
    if (source !== '' && source !== 'assigned') problem('source', `"${get('source')}" is not assigned (leave it blank or write assigned)`);
    if (reason === '') problem('reason', 'reason is empty: quote the sentence of the report the response is taken from');
    const key = `${patientId}|${scanDate}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) problem('scan_date', `${patientId} on ${scanDate} is also on line ${earlier}; give each follow-up one line`);
    else seen.set(key, record.line);
    if (problems.length === before && known !== undefined) {
      lines.push({ line: record.line, patientId, timepoint: get('timepoint'), scanDate, assigned: { response: known, reason } });
    }
  }
  if (problems.length === 0 && lines.length === 0) problems.push({ line: header.line, column: undefined, message: 'the file has a header but no rows' });
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, 50) } : { ok: true, lines };
}

/**
 * The measurement CSV's records with the assigned responses added: to the time point of that scan date, or as a
 * follow-up of its own (no lesion rows) when the measurement file has none. A patient not in the measurement file,
 * or a response on its baseline date, is a problem of that line.
 */
export function withAssigned(patients: readonly PatientRecord[], lines: readonly AssignedLine[]): { ok: true; patients: PatientRecord[] } | { ok: false; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const byId = new Map(patients.map((p) => [p.patientId, p]));
  const result = new Map(patients.map((p) => [p.patientId, [...p.timepoints]]));
  for (const l of lines) {
    const patient = byId.get(l.patientId);
    const timepoints = result.get(l.patientId);
    if (patient === undefined || timepoints === undefined) {
      problems.push({ line: l.line, column: 'patient_id', message: `patient ${l.patientId} is not in the measurement file; its baseline is needed` });
      continue;
    }
    const baselineDate = timepoints.map((t) => t.scanDate).reduce((a, b) => (b < a ? b : a));
    if (l.scanDate <= baselineDate) {
      problems.push({ line: l.line, column: 'scan_date', message: `${l.scanDate} is not after the baseline (${baselineDate}) of ${l.patientId}; responses are assigned to follow-ups` });
      continue;
    }
    const i = timepoints.findIndex((t) => t.scanDate === l.scanDate);
    if (i >= 0) timepoints[i] = { ...(timepoints[i] as PatientRecord['timepoints'][number]), assigned: l.assigned };
    else timepoints.push({ label: l.timepoint || l.scanDate, scanDate: l.scanDate, targets: [], nonTargets: [], newLesions: [], assigned: l.assigned });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, patients: patients.map((p) => ({ ...p, timepoints: [...(result.get(p.patientId) ?? [])].sort((a, b) => (a.scanDate < b.scanDate ? -1 : a.scanDate > b.scanDate ? 1 : 0)) })) };
}
