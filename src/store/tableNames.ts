/** The object stores of the reader's database; problems and NOT_FOUND errors name the table they concern. */
export type TableName = 'patients' | 'timepoints' | 'lesions' | 'findings' | 'measurements' | 'images' | 'studyKeys' | 'outbox';

/** The tables of the reader's record proper: what exports read and every backup must contain. */
export const RECORD_TABLES = ['patients', 'timepoints', 'lesions', 'findings', 'measurements'] as const;
export type RecordTableName = (typeof RECORD_TABLES)[number];
