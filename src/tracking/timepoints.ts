// Which study is the baseline and which follow-up each later one is: derived from the study dates of the time
// points the reader kept in the assessment (earliest = baseline), never stored, so a study added or excluded later
// renumbers the rest.
import { daysBetween } from '../shared/isoDate';
import type { IsoDate, TimepointRow } from './types';

export interface OrderedTimepoint {
  readonly row: TimepointRow;
  /** "Baseline", "Follow-up 1", ...; "Excluded" for a study left out. */
  readonly label: string;
  /** 0 for the baseline, N for follow-up N, undefined when excluded. */
  readonly ordinal: number | undefined;
  readonly daysSinceBaseline: number | undefined;
  readonly daysSinceTreatment: number | undefined;
}

const byDateThenUid = (a: TimepointRow, b: TimepointRow): number =>
  a.studyDate === b.studyDate ? (a.studyInstanceUid < b.studyInstanceUid ? -1 : 1) : a.studyDate < b.studyDate ? -1 : 1;

/** Included time points first, oldest to newest, then the excluded ones by date. */
export function orderTimepoints(rows: readonly TimepointRow[], treatmentDate: IsoDate | undefined): OrderedTimepoint[] {
  const included = rows.filter((r) => !r.excluded).sort(byDateThenUid);
  const excluded = rows.filter((r) => r.excluded).sort(byDateThenUid);
  const baselineDate = included[0]?.studyDate;
  const sinceTreatment = (row: TimepointRow) => (treatmentDate ? daysBetween(treatmentDate, row.studyDate) : undefined);
  return [
    ...included.map((row, ordinal): OrderedTimepoint => ({
      row,
      label: ordinal === 0 ? 'Baseline' : `Follow-up ${ordinal}`,
      ordinal,
      daysSinceBaseline: baselineDate === undefined ? undefined : daysBetween(baselineDate, row.studyDate),
      daysSinceTreatment: sinceTreatment(row),
    })),
    ...excluded.map((row): OrderedTimepoint => ({
      row, label: 'Excluded', ordinal: undefined, daysSinceBaseline: undefined, daysSinceTreatment: sinceTreatment(row),
    })),
  ];
}

/** "day 98 (3.2 months)" style wording lives in the UI; this is the month count it uses (30.4375 days a month). */
export const monthsFromDays = (days: number): number => Math.round((days / 30.4375) * 10) / 10;
