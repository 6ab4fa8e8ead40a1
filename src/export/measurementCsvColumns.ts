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
 * 'report': typed in from a radiology report). The app writes it; files without it read as before.
 */
export const OPTIONAL_MEASUREMENT_COLUMNS = ['source'] as const;
export const MEASUREMENT_SOURCES = ['image', 'report'] as const;
export type MeasurementSource = (typeof MEASUREMENT_SOURCES)[number];

/** What the app writes: the required columns, then the optional ones. */
export const EXPORTED_MEASUREMENT_COLUMNS = [...MEASUREMENT_COLUMNS, ...OPTIONAL_MEASUREMENT_COLUMNS] as const;
