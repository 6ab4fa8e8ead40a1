// Where each time point and measurement comes from, derived from what the rows already say (STYLE.md principle 5):
// an assigned response makes a time point 'assigned'; report metadata, or a time point made by the CSV merge, makes
// it 'report'; a measurement is 'report' when it was not drawn on a real image (typed in, or merged from a CSV).
import type { MeasurementRow, TimepointRow, ValueSource } from './types';

/** The image UIDs a measurement typed in from a report carries in place of a real image's. */
export const REPORT_IMAGE_UID = 'typed-from-report';
/** Measurements merged from a CSV carry this (store/measurementMerge.ts writes it). */
export const CSV_IMAGE_UID = 'imported-from-csv';
/** Time points the CSV merge creates have UIDs starting with this. */
export const CSV_TIMEPOINT_PREFIX = 'csv-import:';
/** Time points created for a report have UIDs starting with this. */
export const REPORT_TIMEPOINT_PREFIX = 'report:';

export function timepointSource(row: Pick<TimepointRow, 'studyInstanceUid' | 'report' | 'assigned'>): ValueSource {
  if (row.assigned !== undefined) return 'assigned';
  return isReportTimepoint(row) ? 'report' : 'image';
}

export function measurementSource(row: Pick<MeasurementRow, 'image'>): 'image' | 'report' {
  const series = row.image.seriesInstanceUid;
  return series === REPORT_IMAGE_UID || series === CSV_IMAGE_UID ? 'report' : 'image';
}

/** A time point without images: its lesion values are typed in, not drawn. */
export const isReportTimepoint = (row: Pick<TimepointRow, 'studyInstanceUid' | 'report'>): boolean =>
  row.report !== undefined || row.studyInstanceUid.startsWith(CSV_TIMEPOINT_PREFIX) || row.studyInstanceUid.startsWith(REPORT_TIMEPOINT_PREFIX);
