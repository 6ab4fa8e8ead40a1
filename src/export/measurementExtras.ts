// The optional columns of the measurement CSV that say where a lesion is and who signed the time point off
// (`location`, `signed_off_by`, `signed_off_at`): read beside the row, only when the file has them, so a cohort
// without them reads as fast as before. The engine uses none of them; the app's import takes them back.
import type { RowProblem } from './measurementRow';

export interface ExtraColumnIndex {
  readonly location: number;
  readonly signedOffBy: number;
  readonly signedOffAt: number;
}

export interface MeasurementExtras {
  readonly location?: string;
  readonly signOff?: { readonly reader: string; readonly at: string };
}

/** UTC, to the minute at least, as the app writes it (`2024-03-01T09:30:00.000Z`). */
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

export function extraColumnIndex(names: readonly string[]): ExtraColumnIndex | undefined {
  const index = { location: names.indexOf('location'), signedOffBy: names.indexOf('signed_off_by'), signedOffAt: names.indexOf('signed_off_at') };
  return index.location < 0 && index.signedOffBy < 0 && index.signedOffAt < 0 ? undefined : index;
}

/** The line's location and sign-off; a sign-off needs both its reader and a UTC time, or neither. */
export function readMeasurementExtras(line: number, fields: readonly string[], columns: ExtraColumnIndex, problems: RowProblem[]): MeasurementExtras {
  const at = (i: number) => (i < 0 ? '' : (fields[i] ?? '').trim());
  const location = at(columns.location);
  const reader = at(columns.signedOffBy);
  const time = at(columns.signedOffAt);
  if (time !== '' && (!UTC_TIME.test(time) || Number.isNaN(Date.parse(time)))) {
    problems.push({ line, message: `signed_off_at "${time}" is not a UTC time; write it as YYYY-MM-DDTHH:MM:SSZ (or leave it blank)` });
  } else if ((reader === '') !== (time === '')) {
    problems.push({ line, message: reader === '' ? 'signed_off_at is given without signed_off_by: name the reader who signed off' : 'signed_off_by is given without signed_off_at: give the time of the sign-off' });
  }
  return {
    ...(location !== '' ? { location } : {}),
    ...(reader !== '' && time !== '' ? { signOff: { reader, at: time } } : {}),
  };
}
