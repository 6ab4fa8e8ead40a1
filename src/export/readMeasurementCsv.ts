// Measurement CSV -> the engine's patient records. Bad input is refused as a whole: every problem is listed
// with its line, and nothing is assessed from a file that is partly wrong.
import {
  type NewLesionObservation,
  type NonTargetObservation,
  type PatientRecord,
  type TargetFragment,
  type TargetObservation,
  type TimepointRecord,
  combineMeasurementSources,
} from '../recist/types';
import { describeCsvParseError, forEachCsvRecord } from '../shared/csv';
import { groupBy } from '../shared/groupBy';
import { MEASUREMENT_COLUMNS } from './measurementCsvColumns';
import { extraColumnIndex, readMeasurementExtras, type ExtraColumnIndex } from './measurementExtras';
import { type MeasurementColumnIndex, type MeasurementRow, type RowProblem, readMeasurementRow, shared } from './measurementRow';

export type MeasurementCsvResult = { ok: true; patients: PatientRecord[] } | { ok: false; problems: RowProblem[] };
export type MeasurementRowsResult = { ok: true; rows: MeasurementRow[] } | { ok: false; problems: RowProblem[] };

/** Stop listing after this many problems: a wholly wrong file should not print thousands of lines. */
const MAX_PROBLEMS = 50;

export function readMeasurementCsv(text: string): MeasurementCsvResult {
  const read = readCheckedRows(text);
  return read.ok ? { ok: true, patients: toPatientRecords(read.byPatient) } : read;
}

/** The checked lines with their line numbers (the merge import reports conflicts by line); same checks, same refusal. */
export function readMeasurementRows(text: string): MeasurementRowsResult {
  const read = readCheckedRows(text);
  return read.ok ? { ok: true, rows: read.rows } : read;
}

/** The rows in file order, and grouped by patient (the consistency checks need that, and so do patient records). */
type CheckedRows =
  | { ok: true; rows: MeasurementRow[]; byPatient: ReadonlyMap<string, readonly MeasurementRow[]> }
  | { ok: false; problems: RowProblem[] };

function readCheckedRows(text: string): CheckedRows {
  // Records are checked as they are read, so that a cohort's half a million records never all live at once.
  let header: Header | undefined;
  let recordCount = 0;
  const problems: RowProblem[] = [];
  const rows: MeasurementRow[] = [];
  const texts = new Map<string, string>();
  const error = forEachCsvRecord(text, (fields, line) => {
    if (header === undefined) {
      header = readHeader(fields, line);
      return;
    }
    recordCount++;
    // Only the first MAX_PROBLEMS are listed, and problems are only ever added after them: past that, stop looking
    // (the rest is still read, as a quoting error anywhere refuses the file with that error alone).
    if (header.columns === undefined || problems.length >= MAX_PROBLEMS) return;
    if (fields.length !== header.names.length) {
      problems.push({ line, message: `${fields.length} fields, but the header has ${header.names.length}` });
      return;
    }
    const checked = readMeasurementRow(line, fields, header.columns, problems, texts);
    const before = problems.length;
    const extras = header.extras === undefined ? undefined : readMeasurementExtras(line, fields, header.extras, problems);
    if (checked === undefined || problems.length > before) return;
    const row = extras === undefined ? checked : { ...checked, ...extras };
    // A double read: each reader's rows are an assessment of their own (issue 20).
    const reader = header.reader === undefined ? '' : (fields[header.reader] ?? '').trim();
    rows.push(reader === '' ? row : { ...row, reader: shared(texts, reader) });
  });
  if (error !== undefined) {
    return { ok: false, problems: [{ line: error.line, message: describeCsvParseError(error) }] };
  }
  if (header === undefined) return { ok: false, problems: [{ line: 1, message: `the file is empty; the header must name ${MEASUREMENT_COLUMNS.join(', ')}` }] };
  if (header.duplicate !== undefined) {
    const name = header.duplicate;
    const at = header.names.flatMap((n, i) => (n === name ? [i + 1] : []));
    return { ok: false, problems: [{ line: header.line, message: `column ${name} is named twice in the header (columns ${at.join(' and ')}); keep one` }] };
  }
  if (header.columns === undefined) {
    const names = header.names;
    const missing = MEASUREMENT_COLUMNS.filter((c) => !names.includes(c));
    return {
      ok: false,
      problems: [{ line: header.line, message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the header must name ${MEASUREMENT_COLUMNS.join(', ')}` }],
    };
  }
  if (recordCount === 0) return { ok: false, problems: [{ line: header.line, message: 'the file has a header but no measurement rows' }] };
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  const byPatient = groupBy(rows, patientIdOf);
  const inconsistent = checkConsistency(byPatient);
  if (inconsistent.length > 0) return { ok: false, problems: inconsistent };
  return { ok: true, rows, byPatient };
}

/** The header's column names, and where each measurement column is; no `columns` when one is missing. */
type Header = {
  readonly line: number;
  readonly names: readonly string[];
  readonly columns?: MeasurementColumnIndex;
  /** A column named twice: which value counts would be a guess, so the file is refused. */
  readonly duplicate?: string;
  /** Where the optional `reader` column is. */
  readonly reader?: number;
  /** Where the optional location and sign-off columns are, when the file has any. */
  readonly extras?: ExtraColumnIndex;
};

function readHeader(fields: readonly string[], line: number): Header {
  const names = fields.map((f) => f.trim().toLowerCase());
  const duplicate = names.find((n, i) => n !== '' && names.indexOf(n) !== i);
  if (duplicate !== undefined) return { line, names, duplicate };
  if (!MEASUREMENT_COLUMNS.every((c) => names.includes(c))) return { line, names };
  const columns = { ...Object.fromEntries(MEASUREMENT_COLUMNS.map((c) => [c, names.indexOf(c)])), source: names.indexOf('source') } as MeasurementColumnIndex;
  const reader = names.indexOf('reader');
  const extras = extraColumnIndex(names);
  return { line, names, columns, ...(reader < 0 ? {} : { reader }), ...(extras === undefined ? {} : { extras }) };
}

/** The assessment a row belongs to: its patient, and its reader when the file is a double read. */
const patientIdOf = (r: MeasurementRow): string => (r.reader === undefined ? r.patientId : `${r.patientId}\u0000${r.reader}`);

const scanDateOf = (r: MeasurementRow): string => r.scanDate;

/** Rules across rows: one date per time point, one kind per lesion, what may stand at baseline. The first MAX_PROBLEMS. */
function checkConsistency(byPatient: ReadonlyMap<string, readonly MeasurementRow[]>): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const patientRows of byPatient.values()) {
    if (problems.length >= MAX_PROBLEMS) break;
    const head = patientRows[0] as MeasurementRow;
    const patientId = head.reader === undefined ? head.patientId : `${head.patientId} (reader ${head.reader})`;
    const dateOf = new Map<string, MeasurementRow>();
    const labelOn = new Map<string, MeasurementRow>();
    let baselineDate = (patientRows[0] as MeasurementRow).scanDate;
    for (const r of patientRows) {
      const first = dateOf.get(r.timepoint);
      if (first && first.scanDate !== r.scanDate) {
        problems.push({ line: r.line, message: `scan_date ${r.scanDate} differs from ${first.scanDate} given for time point "${r.timepoint}" of ${patientId} on line ${first.line}` });
      } else if (!first) dateOf.set(r.timepoint, r);
      const sameDay = labelOn.get(r.scanDate);
      if (sameDay && sameDay.timepoint !== r.timepoint) {
        problems.push({ line: r.line, message: `scan_date ${r.scanDate}: time points "${sameDay.timepoint}" and "${r.timepoint}" of ${patientId} share the scan_date ${r.scanDate}; give each time point its own date` });
      } else if (!sameDay) labelOn.set(r.scanDate, r);
      if (r.scanDate < baselineDate) baselineDate = r.scanDate;
    }
    const atBaseline = new Set<string>();
    for (const r of patientRows) if (r.scanDate === baselineDate) atBaseline.add(r.lesionId);
    const kindOf = new Map<string, MeasurementRow>();
    // Non-target and new lesions seen, by scan date then lesion: each may stand once per time point.
    const seen = new Map<string, Map<string, MeasurementRow>>();
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
      if (r.category === 'target' && isBaseline && (r.state === 'not_evaluable' || r.state === 'merged' || r.state === 'absent')) {
        problems.push({ line: r.line, message: `state ${r.state} is not possible for baseline target ${r.lesionId}: a baseline target must be measurable; measure it or record it as non-target` });
      } else if (r.category === 'target' && isBaseline && r.state === 'measured' && (r.nodal ? r.shortAxis : r.longAxis) === 0) {
        const axis = r.nodal ? 'short_axis_mm' : 'long_axis_mm';
        problems.push({ line: r.line, message: `${axis} 0: baseline target ${r.lesionId} measures 0 mm, and a baseline target must be measurable; measure it or record it as non-target` });
      }
      if (r.category !== 'new' && !isBaseline && !atBaseline.has(r.lesionId)) {
        problems.push({ line: r.line, message: `lesion_id "${r.lesionId}": ${r.category} lesion ${r.lesionId} of ${patientId} is not in the baseline (${baselineDate}); a lesion first seen at follow-up is category new` });
      }
      if (r.category !== 'target') {
        let onDate = seen.get(r.scanDate);
        if (onDate === undefined) seen.set(r.scanDate, (onDate = new Map()));
        const dup = onDate.get(r.lesionId);
        if (dup) problems.push({ line: r.line, message: `lesion_id "${r.lesionId}": ${r.category} lesion ${r.lesionId} is recorded twice at time point "${r.timepoint}" (also on line ${dup.line})` });
        else onDate.set(r.lesionId, r);
      }
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}

const describe = (r: MeasurementRow): string => `${r.category}${r.nodal ? ' (nodal)' : ''}`;

function toPatientRecords(byPatient: ReadonlyMap<string, readonly MeasurementRow[]>): PatientRecord[] {
  const patients: PatientRecord[] = [];
  for (const patientRows of byPatient.values()) {
    const timepoints: TimepointRecord[] = [];
    for (const timepointRows of groupBy(patientRows, scanDateOf).values()) timepoints.push(toTimepoint(timepointRows));
    const { patientId, reader } = patientRows[0] as MeasurementRow;
    patients.push(reader === undefined ? { patientId, timepoints } : { patientId, reader, timepoints });
  }
  return patients;
}

function toTimepoint(rows: readonly MeasurementRow[]): TimepointRecord {
  const first = rows[0] as MeasurementRow;
  // A target's fragments by lesion; its observation is made from its first row, in order of first appearance.
  const fragmentsOf = new Map<string, TargetFragment[]>();
  const targets: TargetObservation[] = [];
  const nonTargets: NonTargetObservation[] = [];
  const newLesions: NewLesionObservation[] = [];
  for (const r of rows) {
    switch (r.category) {
      case 'target': {
        const fragment: TargetFragment = r.state === 'measured' ? { state: r.state, diameter: r.nodal ? r.shortAxis : r.longAxis } : { state: r.state };
        const fragments = fragmentsOf.get(r.lesionId);
        if (fragments) fragments.push(fragment);
        else {
          const started = [fragment];
          fragmentsOf.set(r.lesionId, started);
          targets.push({ lesionId: r.lesionId, organ: r.organ, nodal: r.nodal, fragments: started });
        }
        break;
      }
      case 'non-target':
        nonTargets.push({ lesionId: r.lesionId, organ: r.organ, nodal: r.nodal, state: r.state, shortAxis: r.shortAxis });
        break;
      case 'new':
        newLesions.push({ lesionId: r.lesionId, organ: r.organ, nodal: r.nodal, state: r.state, shortAxis: r.shortAxis });
        break;
    }
  }
  const measurementSource = combineMeasurementSources(rows.map((r) => r.source));
  return { label: first.timepoint, scanDate: first.scanDate, targets, nonTargets, newLesions, ...(measurementSource ? { measurementSource } : {}) };
}
