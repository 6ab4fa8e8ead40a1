// Every patient's record at once, for the exports: one read transaction (a consistent view even while another tab
// writes), the same restore step as the screen's reads. Stored images are not read.
import type { Result } from '../shared/result';
import type { RecistDatabase } from './database';
import { recordsFromRows, type StoredRecords } from './recordRows';
import type { StoreError } from './storeError';
import { readTransaction } from './storeTransaction';

export function readAllRecords(db: RecistDatabase): Promise<Result<StoredRecords, StoreError>> {
  return readTransaction(db, [db.patients, db.timepoints, db.lesions, db.findings, db.measurements], async () =>
    recordsFromRows({
      patients: await db.patients.toArray(),
      timepoints: await db.timepoints.toArray(),
      lesions: await db.lesions.toArray(),
      findings: await db.findings.toArray(),
      measurements: await db.measurements.toArray(),
    }));
}
