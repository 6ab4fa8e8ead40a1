/** The object stores of the reader's database; problems and NOT_FOUND errors name the table they concern. */
export type TableName = 'patients' | 'timepoints' | 'lesions' | 'findings' | 'measurements' | 'images';
