/** The measurement CSV: one row per lesion per time point. `recist assess` reads it; the app writes it. */
export const MEASUREMENT_COLUMNS = [
  'patient_id',
  'timepoint',
  'scan_date',
  'lesion_id',
  'category',
  'organ',
  'nodal',
  'long_axis_mm',
  'short_axis_mm',
  'state',
] as const;

export type MeasurementColumn = (typeof MEASUREMENT_COLUMNS)[number];
