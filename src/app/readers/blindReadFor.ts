// Whether a patient's reports from the PACS must be kept apart by reader: yes for a patient on this workstation's
// double-read list (each reader's reports into that reader's own record), no otherwise (a read continued here).
import type { BlindRead } from '../pacs/readBackFromPacs';
import { listDoubleReads } from '../../store/readerRegistry';
import { readerRecordDatabase } from './readerRecordDatabase';
import type { ReaderSession } from './useReaderSession';

export async function blindReadFor(session: ReaderSession, patientId: string): Promise<BlindRead | undefined> {
  const ws = session.workstation;
  if (!ws) return undefined;
  const list = await listDoubleReads(ws);
  // The list unreadable: kept apart all the same, the safe side for a blind read.
  if (list.ok && !list.value.some((e) => e.patientId === patientId)) return undefined;
  return {
    reader: session.reader,
    recordOf: async (reader) => {
      const record = await readerRecordDatabase(session, reader);
      return record.ok ? record.value : undefined;
    },
  };
}
