// Measurement CSV -> the engine's patient records. Bad input is refused as a whole: every problem is listed
// with its line, and nothing is assessed from a file that is partly wrong.
import type {
  NewLesionObservation,
  NonTargetObservation,
  PatientRecord,
  TargetFragment,
  TargetObservation,
  TimepointRecord,
} from '../recist/types';
import { parseCsv } from '../shared/csv';
import { MEASUREMENT_COLUMNS, MEASUREMENT_SOURCES, type MeasurementColumn } from './measurementCsvColumns';
import { type MeasurementRow, type RowProblem, readMeasurementRow } from './measurementRow';

export type MeasurementCsvResult = { ok: true; patients: PatientRecord[] } | { ok: false; problems: RowProblem[] };
export type MeasurementRowsResult = { ok: true; rows: MeasurementRow[] } | { ok: false; problems: RowProblem[] };

/** Stop listing after this many problems: a wholly wrong file should not print thousands of lines. */
const MAX_PROBLEMS = 50;

export function readMeasurementCsv(text: string): MeasurementCsvResult {
  const read = readMeasurementRows(text);
  return read.ok ? { ok: true, patients: groupPatients(read.rows) } : read;
}

/** The checked lines with their line numbers (the merge import reports conflicts by line); same checks, same refusal. */
export function readMeasurementRows(text: string): MeasurementRowsResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    const what = parsed.error.code === 'UNTERMINATED_QUOTE' ? 'a quoted field is never closed' : 'text follows a closing quote';
    return { ok: false, problems: [{ line: parsed.error.line, message: `${what} (CSV quoting, RFC 4180)` }] };
  }
  const [header, ...records] = parsed.records;
  if (header === undefined) return { ok: false, problems: [{ line: 1, message: `the file is empty; the header must name ${MEASUREMENT_COLUMNS.join(', ')}` }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = MEASUREMENT_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [{ line: header.line, message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the header must name ${MEASUREMENT_COLUMNS.join(', ')}` }],
    };
  }
  const index = Object.fromEntries(MEASUREMENT_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<MeasurementColumn, number>;
  if (records.length === 0) return { ok: false, problems: [{ line: header.line, message: 'the file has a header but no measurement rows' }] };

  const problems: RowProblem[] = [];
  const rows: MeasurementRow[] = [];
  const sourceIndex = names.indexOf('source');
  for (const record of records) {
    if (record.fields.length !== names.length) {
      problems.push({ line: record.line, message: `${record.fields.length} fields, but the header has ${names.length}` });
      continue;
    }
    const result = readMeasurementRow(record.line, (c) => (record.fields[index[c]] ?? '').trim());
    // The optional `source` column: checked when present, and carried for the reader; the engine does not use it.
    const sourceText = sourceIndex < 0 ? '' : (record.fields[sourceIndex] ?? '').trim().toLowerCase();
    const source = MEASUREMENT_SOURCES.find((s) => s === sourceText);
    if (sourceText !== '' && source === undefined) {
      problems.push({ line: record.line, message: `source "${record.fields[sourceIndex] ?? ''}" is not image or report (or leave it blank)` });
    }
    if (result.ok) rows.push(source === undefined ? result.row : { ...result.row, source });
    else problems.push(...result.problems);
  }
  if (problems.length === 0) problems.push(...checkConsistency(rows));
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, rows };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Rules across rows: one date per time point, one kind per lesion, what may stand at baseline. */
function checkConsistency(rows: readonly MeasurementRow[]): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const [patientId, patientRows] of groupBy(rows, (r) => r.patientId)) {
    const dateOf = new Map<string, MeasurementRow>();
    const labelOn = new Map<string, MeasurementRow>();
    for (const r of patientRows) {
      const first = dateOf.get(r.timepoint);
      if (first && first.scanDate !== r.scanDate) {
        problems.push({ line: r.line, message: `scan_date ${r.scanDate} differs from ${first.scanDate} given for time point "${r.timepoint}" of ${patientId} on line ${first.line}` });
      } else if (!first) dateOf.set(r.timepoint, r);
      const sameDay = labelOn.get(r.scanDate);
      if (sameDay && sameDay.timepoint !== r.timepoint) {
        problems.push({ line: r.line, message: `scan_date ${r.scanDate}: time points "${sameDay.timepoint}" and "${r.timepoint}" of ${patientId} share the scan_date ${r.scanDate}; give each time point its own date` });
      } else if (!sameDay) labelOn.set(r.scanDate, r);
    }
    const baselineDate = patientRows.map((r) => r.scanDate).reduce((a, b) => (b < a ? b : a));
    const atBaseline = new Set(patientRows.filter((r) => r.scanDate === baselineDate).map((r) => r.lesionId));
    const kindOf = new Map<string, MeasurementRow>();
    const seen = new Map<string, MeasurementRow>();
    for (const r of patientRows) {
      const firstOfLesion = kindOf.get(r.lesionId);
      if (firstOfLesion && (firstOfLesion.category !== r.category || firstOfLesion.nodal !== r.nodal)) {
        problems.push({ line: r.line, message: `lesion_id "${r.lesionId}": lesion ${r.lesionId} of ${patientId} is ${describe(r)} here but ${describe(firstOfLesion)} on line ${firstOfLesion.line}` });
        continue;
      }
      if (!firstOfLesion) kindOf.set(r.lesionId, r);
      const isBaseline = r.scanDate === baselineDate;
      if (r.category === 'new' && isBaseline) {
        problems.push({ line: r.line, message: `category new: lesion ${r.lesionId} is on the baseline scan (${baselineDate}, the first of ${patientId}); record it as target or non-target` });
      }
      if (r.category === 'target' && isBaseline && (r.state === 'not_evaluable' || r.state === 'merged')) {
        problems.push({ line: r.line, message: `state ${r.state} is not possible for baseline target ${r.lesionId}: measure it or record it as non-target` });
      }
      if (r.category !== 'new' && !isBaseline && !atBaseline.has(r.lesionId)) {
        problems.push({ line: r.line, message: `lesion_id "${r.lesionId}": ${r.category} lesion ${r.lesionId} of ${patientId} is not in the baseline (${baselineDate}); a lesion first seen at follow-up is category new` });
      }
      if (r.category !== 'target') {
        const key = `${r.scanDate}|${r.lesionId}`;
        const dup = seen.get(key);
        if (dup) problems.push({ line: r.line, message: `lesion_id "${r.lesionId}": ${r.category} lesion ${r.lesionId} is recorded twice at time point "${r.timepoint}" (also on line ${dup.line})` });
        else seen.set(key, r);
      }
    }
  }
  return problems;
}

const describe = (r: MeasurementRow): string => `${r.category}${r.nodal ? ' (nodal)' : ''}`;

function groupPatients(rows: readonly MeasurementRow[]): PatientRecord[] {
  return [...groupBy(rows, (r) => r.patientId)].map(([patientId, patientRows]) => ({
    patientId,
    timepoints: [...groupBy(patientRows, (r) => r.scanDate).values()].map(toTimepoint),
  }));
}

function toTimepoint(rows: MeasurementRow[]): TimepointRecord {
  const first = rows[0] as MeasurementRow;
  const targets = new Map<string, { row: MeasurementRow; fragments: TargetFragment[] }>();
  const nonTargets: NonTargetObservation[] = [];
  const newLesions: NewLesionObservation[] = [];
  for (const r of rows) {
    const identity = { lesionId: r.lesionId, organ: r.organ, nodal: r.nodal };
    switch (r.category) {
      case 'target': {
        const diameter = r.nodal ? r.shortAxis : r.longAxis;
        const fragment: TargetFragment = r.state === 'measured' ? { state: r.state, diameter } : { state: r.state };
        const entry = targets.get(r.lesionId);
        if (entry) entry.fragments.push(fragment);
        else targets.set(r.lesionId, { row: r, fragments: [fragment] });
        break;
      }
      case 'non-target':
        nonTargets.push({ ...identity, state: r.state, shortAxis: r.shortAxis });
        break;
      case 'new':
        newLesions.push({ ...identity, state: r.state, shortAxis: r.shortAxis });
        break;
    }
  }
  const targetObservations: TargetObservation[] = [...targets.values()].map(({ row, fragments }) => ({
    lesionId: row.lesionId,
    organ: row.organ,
    nodal: row.nodal,
    fragments,
  }));
  return { label: first.timepoint, scanDate: first.scanDate, targets: targetObservations, nonTargets, newLesions };
}
