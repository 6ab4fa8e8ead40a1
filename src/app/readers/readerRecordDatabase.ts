// The record (database) of a named reader of this workstation, enrolled the first time their name comes: for the
// reads that arrive in their name from elsewhere (a measurement CSV with a `reader` column).
import { err, type Result } from '../../shared/result';
import type { RecistDatabase } from '../../store/database';
import { enrolReader } from '../../store/readerRegistry';
import { invalid, type StoreError } from '../../store/storeError';
import { recordDatabase } from '../tracking/recordDatabase';
import type { ReaderSession } from './useReaderSession';

export async function readerRecordDatabase(session: ReaderSession, reader: string): Promise<Result<RecistDatabase, StoreError>> {
  if (!session.workstation) {
    return err(invalid('MALFORMED_INPUT', `the lines of ${reader} need a record of their own, and this browser keeps no workstation database (storage is off)`));
  }
  const entry = await enrolReader(session.workstation, reader);
  if (!entry.ok) return entry;
  session.refreshReaders();
  return recordDatabase(entry.value.databaseName);
}
