// One line of the measurement CSV, checked field by field. Every problem names the line, the column and what is
// wrong, in words a research coordinator can act on.
import type { LesionCategory, NewLesionState, NonTargetState, TargetState } from '../recist/types';
import { type Micrometres, parseMillimetres } from '../recist/units';
import { isIsoDate } from '../shared/isoDate';
import { MEASUREMENT_SOURCES, type MeasurementColumn, type MeasurementSource } from './measurementCsvColumns';

export type MeasurementRow = {
  readonly line: number;
  readonly patientId: string;
  readonly timepoint: string;
  readonly scanDate: string;
  readonly lesionId: string;
  readonly organ: string;
  readonly nodal: boolean;
  readonly longAxis?: Micrometres;
  readonly shortAxis?: Micrometres;
  /** The optional `source` column: drawn on an image or typed in from a report. */
  readonly source?: MeasurementSource;
  /** The optional `reader` column: who read it, in a double read. */
  readonly reader?: string;
  /** The optional `location` column: where in the organ (measurementExtras.ts). */
  readonly location?: string;
  /** The optional `signed_off_by` and `signed_off_at` columns: the time point's sign-off (measurementExtras.ts). */
  readonly signOff?: { readonly reader: string; readonly at: string };
} & (
  | { readonly category: 'target'; readonly state: TargetState }
  | { readonly category: 'non-target'; readonly state: NonTargetState }
  | { readonly category: 'new'; readonly state: NewLesionState }
);

export interface RowProblem {
  readonly line: number;
  readonly message: string;
}

const TARGET_STATES: Record<string, TargetState> = {
  '': 'measured',
  measured: 'measured',
  too_small: 'too_small',
  absent: 'absent',
  not_evaluable: 'not_evaluable',
  merged: 'merged',
};
const NON_TARGET_STATES: readonly NonTargetState[] = ['present', 'absent', 'progression', 'not_evaluable'];
const NEW_STATES: readonly NewLesionState[] = ['unequivocal', 'equivocal'];
const CATEGORIES: readonly LesionCategory[] = ['target', 'non-target', 'new'];

const quoted = (s: string) => JSON.stringify(s);
const NEGATIVE = /^-\d/;
const TOO_MANY_DECIMALS = /^\d+\.\d{4,}$/;

/** The option equal to `text`, itself rather than `text`: a row keeps the one shared string, not its own copy. */
function oneOf<T extends string>(options: readonly T[], text: string): T | undefined {
  for (const option of options) if (option === text) return option;
  return undefined;
}

/** Where each column is among a record's fields; the optional `source` column is -1 when the file has none. */
export type MeasurementColumnIndex = Readonly<Record<MeasurementColumn | 'source', number>>;

/**
 * Checks one record of the measurement CSV: the row when every field is right, otherwise undefined, with each
 * problem appended to `problems` in column order. The problems list is the caller's and the fields are read by
 * index: a cohort file has half a million rows, and a callback, closures or an array per row made reading it slow.
 * `texts`, one Map for the whole file, lets rows share their repeated IDs, dates and labels (see `shared`).
 */
export function readMeasurementRow(
  line: number,
  fields: readonly string[],
  columns: MeasurementColumnIndex,
  problems: RowProblem[],
  texts: Map<string, string> = new Map(),
): MeasurementRow | undefined {
  const before = problems.length;
  // The optional `source` column: checked when present, and carried for the reader; the engine does not use it.
  const sourceText = columns.source < 0 ? '' : (fields[columns.source] ?? '').trim().toLowerCase();
  const source = oneOf(MEASUREMENT_SOURCES, sourceText);
  if (sourceText !== '' && source === undefined) {
    problems.push({ line, message: `source "${fields[columns.source] ?? ''}" is not image or report (or leave it blank)` });
  }

  const patientId = shared(texts, required(line, fields, columns, 'patient_id', problems));
  const timepoint = shared(texts, required(line, fields, columns, 'timepoint', problems));
  const scanDate = shared(texts, required(line, fields, columns, 'scan_date', problems));
  if (scanDate !== '' && !isIsoDate(scanDate)) problems.push({ line, message: `scan_date ${quoted(scanDate)} is not a date; write it as YYYY-MM-DD` });
  const lesionId = shared(texts, required(line, fields, columns, 'lesion_id', problems));
  const organ = shared(texts, cell(fields, columns.organ));

  const categoryCell = required(line, fields, columns, 'category', problems);
  const categoryText = categoryCell.toLowerCase();
  const category = oneOf(CATEGORIES, categoryText);
  if (categoryText !== '' && category === undefined) {
    problems.push({ line, message: `category ${quoted(categoryCell)} is not one of target, non-target, new` });
  }
  const nodalCell = required(line, fields, columns, 'nodal', problems);
  const nodalText = nodalCell.toLowerCase();
  if (nodalText !== '' && nodalText !== 'yes' && nodalText !== 'no') problems.push({ line, message: `nodal ${quoted(nodalCell)} is not yes or no` });
  const nodal = nodalText === 'yes';

  const longText = cell(fields, columns.long_axis_mm);
  const shortText = cell(fields, columns.short_axis_mm);
  const longAxis = axis(line, longText, 'long_axis_mm', problems);
  const shortAxis = axis(line, shortText, 'short_axis_mm', problems);
  if (longAxis !== undefined && shortAxis !== undefined && shortAxis > longAxis) {
    problems.push({ line, message: `short_axis_mm ${shortText} is longer than long_axis_mm ${longText}` });
  }

  const stateCell = cell(fields, columns.state);
  const stateText = stateCell.toLowerCase();
  // Each case writes the whole row as one literal, without and with `source` (last, and only when given): the same
  // keys in the same order everywhere. Spreading a shared base, or the row to add `source`, made a cohort of half a
  // million rows read up to three times slower.
  let row: MeasurementRow | undefined;
  switch (category) {
    case 'target': {
      const state = Object.hasOwn(TARGET_STATES, stateText) ? TARGET_STATES[stateText] : undefined;
      if (state === undefined) {
        problems.push({
          line,
          message: `state ${quoted(stateCell)} is not a target state: leave it blank (measured) or write too_small, absent, not_evaluable or merged`,
        });
      } else if (state === 'measured') {
        const column = nodal ? 'short_axis_mm' : 'long_axis_mm';
        if ((nodal ? shortAxis : longAxis) === undefined && (nodal ? shortText : longText) === '') {
          problems.push({
            line,
            message: `${column} is empty: ${lesionId} is a ${nodal ? 'nodal' : 'non-nodal'} target, so its ${nodal ? 'short' : 'long'} axis is the RECIST diameter (or give a state such as too_small)`,
          });
        }
      }
      if (state !== undefined) {
        row = source === undefined
          ? { line, patientId, timepoint, scanDate, lesionId, organ, nodal, longAxis, shortAxis, category, state }
          : { line, patientId, timepoint, scanDate, lesionId, organ, nodal, longAxis, shortAxis, category, state, source };
      }
      break;
    }
    case 'non-target': {
      const state = oneOf(NON_TARGET_STATES, stateText);
      if (state === undefined) {
        problems.push({ line, message: `state ${quoted(stateCell)} is not a non-target state: present, absent, progression or not_evaluable` });
        break;
      }
      row = source === undefined
        ? { line, patientId, timepoint, scanDate, lesionId, organ, nodal, longAxis, shortAxis, category, state }
        : { line, patientId, timepoint, scanDate, lesionId, organ, nodal, longAxis, shortAxis, category, state, source };
      break;
    }
    case 'new': {
      const state = oneOf(NEW_STATES, stateText);
      if (state === undefined) {
        problems.push({ line, message: `state ${quoted(stateCell)} is not a new-lesion state: unequivocal or equivocal` });
        break;
      }
      row = source === undefined
        ? { line, patientId, timepoint, scanDate, lesionId, organ, nodal, longAxis, shortAxis, category, state }
        : { line, patientId, timepoint, scanDate, lesionId, organ, nodal, longAxis, shortAxis, category, state, source };
      break;
    }
    case undefined:
      break;
  }
  return problems.length > before ? undefined : row;
}

/**
 * `text`, or the equal string seen before. A cohort repeats each patient ID, date, label and organ on many rows;
 * when they share one string, each row's own copy dies young, and the collector has far less to move and mark.
 */
export function shared(texts: Map<string, string>, text: string): string {
  const seen = texts.get(text);
  if (seen !== undefined) return seen;
  texts.set(text, text);
  return text;
}

/** A field without surrounding spaces; '' when the record is short of it. */
function cell(fields: readonly string[], index: number): string {
  return (fields[index] ?? '').trim();
}

function required(line: number, fields: readonly string[], columns: MeasurementColumnIndex, column: MeasurementColumn, problems: RowProblem[]): string {
  const value = cell(fields, columns[column]);
  if (value === '') problems.push({ line, message: `${column} is empty` });
  return value;
}

/** A diameter in millimetres; undefined when blank, or when wrong (with the problem said). */
function axis(line: number, text: string, column: 'long_axis_mm' | 'short_axis_mm', problems: RowProblem[]): Micrometres | undefined {
  if (text === '') return undefined;
  const value = parseMillimetres(text);
  if (value !== null) return value;
  if (NEGATIVE.test(text) && parseMillimetres(text.slice(1)) !== null) problems.push({ line, message: `${column} ${quoted(text)} is negative` });
  else if (TOO_MANY_DECIMALS.test(text)) problems.push({ line, message: `${column} ${quoted(text)} has more than 3 decimals` });
  else problems.push({ line, message: `${column} ${quoted(text)} is not a number (millimetres, e.g. 12.5)` });
  return undefined;
}
