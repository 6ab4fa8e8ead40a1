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

/**
 * Columns a file may have or not: `source` says where the values come from ('image': drawn on a CT image,
 * 'report': typed in from a radiology report); `location` is where in the organ the lesion is ("segment VIII");
 * `signed_off_by` and `signed_off_at` are the time point's sign-off (reader, and UTC time as ISO 8601), blank when
 * it is not signed off. The app writes them; files without them read as before; the engine uses none of them.
 */
export const OPTIONAL_MEASUREMENT_COLUMNS = ['source', 'location', 'signed_off_by', 'signed_off_at'] as const;
export const MEASUREMENT_SOURCES = ['image', 'report'] as const;
export type MeasurementSource = (typeof MEASUREMENT_SOURCES)[number];

/** What the app writes: the required columns, then the optional ones. */
export const EXPORTED_MEASUREMENT_COLUMNS = [...MEASUREMENT_COLUMNS, ...OPTIONAL_MEASUREMENT_COLUMNS] as const;
