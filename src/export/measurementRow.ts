// One line of the measurement CSV, checked field by field. Every problem names the line, the column and what is
// wrong, in words a research coordinator can act on.
import type { LesionCategory, NewLesionState, NonTargetState, TargetState } from '../recist/types';
import { type Micrometres, parseMillimetres } from '../recist/units';
import { isIsoDate } from '../shared/isoDate';
import type { MeasurementColumn } from './measurementCsvColumns';

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
  readonly source?: 'image' | 'report';
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

export function readMeasurementRow(
  line: number,
  get: (column: MeasurementColumn) => string,
): { ok: true; row: MeasurementRow } | { ok: false; problems: RowProblem[] } {
  const problems: string[] = [];
  const required = (column: MeasurementColumn): string => {
    const v = get(column);
    if (v === '') problems.push(`${column} is empty`);
    return v;
  };
  const patientId = required('patient_id');
  const timepoint = required('timepoint');
  const scanDate = required('scan_date');
  if (scanDate !== '' && !isIsoDate(scanDate)) problems.push(`scan_date ${quoted(scanDate)} is not a date; write it as YYYY-MM-DD`);
  const lesionId = required('lesion_id');
  const organ = get('organ');

  const categoryText = required('category').toLowerCase();
  const category = CATEGORIES.find((c) => c === categoryText);
  if (categoryText !== '' && category === undefined) {
    problems.push(`category ${quoted(get('category'))} is not one of target, non-target, new`);
  }
  const nodalText = required('nodal').toLowerCase();
  if (nodalText !== '' && nodalText !== 'yes' && nodalText !== 'no') problems.push(`nodal ${quoted(get('nodal'))} is not yes or no`);
  const nodal = nodalText === 'yes';

  const axis = (column: 'long_axis_mm' | 'short_axis_mm'): Micrometres | undefined => {
    const text = get(column);
    if (text === '') return undefined;
    const value = parseMillimetres(text);
    if (value !== null) return value;
    if (/^-\d/.test(text) && parseMillimetres(text.slice(1)) !== null) problems.push(`${column} ${quoted(text)} is negative`);
    else if (/^\d+\.\d{4,}$/.test(text)) problems.push(`${column} ${quoted(text)} has more than 3 decimals`);
    else problems.push(`${column} ${quoted(text)} is not a number (millimetres, e.g. 12.5)`);
    return undefined;
  };
  const longAxis = axis('long_axis_mm');
  const shortAxis = axis('short_axis_mm');
  if (longAxis !== undefined && shortAxis !== undefined && shortAxis > longAxis) {
    problems.push(`short_axis_mm ${get('short_axis_mm')} is longer than long_axis_mm ${get('long_axis_mm')}`);
  }

  const stateText = get('state').toLowerCase();
  let row: MeasurementRow | undefined;
  const base = { line, patientId, timepoint, scanDate, lesionId, organ, nodal, longAxis, shortAxis };
  switch (category) {
    case 'target': {
      const state = TARGET_STATES[stateText];
      if (state === undefined) {
        problems.push(`state ${quoted(get('state'))} is not a target state: leave it blank (measured) or write too_small, absent, not_evaluable or merged`);
      } else if (state === 'measured') {
        const column = nodal ? 'short_axis_mm' : 'long_axis_mm';
        if ((nodal ? shortAxis : longAxis) === undefined && get(column) === '') {
          problems.push(
            `${column} is empty: ${lesionId} is a ${nodal ? 'nodal' : 'non-nodal'} target, so its ${nodal ? 'short' : 'long'} axis is the RECIST diameter (or give a state such as too_small)`,
          );
        }
      }
      if (state !== undefined) row = { ...base, category, state };
      break;
    }
    case 'non-target': {
      const state = NON_TARGET_STATES.find((s) => s === stateText);
      if (state === undefined) problems.push(`state ${quoted(get('state'))} is not a non-target state: present, absent, progression or not_evaluable`);
      else row = { ...base, category, state };
      break;
    }
    case 'new': {
      const state = NEW_STATES.find((s) => s === stateText);
      if (state === undefined) problems.push(`state ${quoted(get('state'))} is not a new-lesion state: unequivocal or equivocal`);
      else row = { ...base, category, state };
      break;
    }
    case undefined:
      break;
  }
  if (problems.length > 0 || row === undefined) return { ok: false, problems: problems.map((message) => ({ line, message })) };
  return { ok: true, row };
}
