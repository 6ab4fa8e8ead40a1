// The reader session of this tab: the workstation database, the readers it knows, and the reader reading now, whose
// record's database the reading screen opens. Switching reader opens another record; nothing of the one before
// stays on screen (the composition root keys the screen by the record's database).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { err, ok, type Result } from '../../shared/result';
import { DEFAULT_DATABASE_NAME } from '../../store/database';
import { enrolReader, listReaders, readerName } from '../../store/readerRegistry';
import type { StoreError } from '../../store/storeError';
import { openWorkstationDatabase, type ReaderEntry, type WorkstationDatabase } from '../../store/workstation';
import { rememberedReader, rememberReader } from './workstationReader';

export interface ReaderSession {
  /** Undefined when no reader is named yet on this workstation (the record before readers were named). */
  readonly reader: string | undefined;
  readonly databaseName: string;
  readonly readers: readonly ReaderEntry[];
  /** Undefined when the workstation database cannot be opened: one reader, unnamed, as before. */
  readonly workstation: WorkstationDatabase | undefined;
  /** Reads as `name` from now on (enrolled with a record of their own the first time). */
  readonly readAs: (name: string) => Promise<Result<ReaderEntry, StoreError>>;
  /** Reads the list of readers again (after a read arrived in another reader's name). */
  readonly refreshReaders: () => void;
}

export type ReaderSessionState =
  | { readonly status: 'opening' }
  /** Readers are known here but none is chosen: reading on would open someone's record unasked. */
  | { readonly status: 'choose'; readonly session: ReaderSession }
  | { readonly status: 'ready'; readonly session: ReaderSession };

let opening: ReturnType<typeof openWorkstationDatabase> | undefined;
const workstationDatabase = () => (opening ??= openWorkstationDatabase());

export function useReaderSession(): ReaderSessionState {
  const [workstation, setWorkstation] = useState<WorkstationDatabase | undefined | null>(null);
  const [readers, setReaders] = useState<readonly ReaderEntry[]>([]);
  const [current, setCurrent] = useState<ReaderEntry | undefined | null>(null);

  const readAs = useCallback(async (typed: string): Promise<Result<ReaderEntry, StoreError>> => {
    const ws = workstation ?? undefined;
    const name = readerName(typed);
    if (!ws) {
      rememberReader(name);
      const entry: ReaderEntry = { name, databaseName: DEFAULT_DATABASE_NAME, addedAt: new Date().toISOString() };
      setCurrent(entry);
      return ok(entry);
    }
    const enrolled = await enrolReader(ws, name);
    if (!enrolled.ok) return err(enrolled.error);
    rememberReader(enrolled.value.name);
    const listed = await listReaders(ws);
    if (listed.ok) setReaders(listed.value);
    setCurrent(enrolled.value);
    return enrolled;
  }, [workstation]);

  const refreshReaders = useCallback(() => {
    if (!workstation) return;
    void listReaders(workstation).then((listed) => { if (listed.ok) setReaders(listed.value); });
  }, [workstation]);

  useEffect(() => {
    let live = true;
    void workstationDatabase().then(async (opened) => {
      if (!live) return;
      if (!opened.ok) {
        // No second database (storage refused): this workstation reads as one reader, as before readers.
        const name = rememberedReader();
        setWorkstation(undefined);
        setCurrent(name === undefined ? undefined : { name, databaseName: DEFAULT_DATABASE_NAME, addedAt: '' });
        return;
      }
      const ws = opened.value;
      const remembered = rememberedReader();
      // A name kept from before readers had records of their own is enrolled first: it keeps the record there was.
      const entry = remembered === undefined ? undefined : await enrolReader(ws, remembered);
      const listed = await listReaders(ws);
      if (!live) return;
      setWorkstation(ws);
      setReaders(listed.ok ? listed.value : []);
      setCurrent(entry?.ok ? entry.value : undefined);
    });
    return () => { live = false; };
  }, []);

  // One object while nothing changes: screens re-read the reads when the session changes, not on every render.
  const session = useMemo((): ReaderSession | undefined => (workstation === null || current === null ? undefined : {
    reader: current?.name,
    databaseName: current?.databaseName ?? DEFAULT_DATABASE_NAME,
    readers,
    workstation,
    readAs,
    refreshReaders,
  }), [workstation, current, readers, readAs, refreshReaders]);
  if (session === undefined) return { status: 'opening' };
  // Nobody named and nobody known: the first reader of this workstation, named when they first sign off.
  return session.reader === undefined && readers.length > 0 ? { status: 'choose', session } : { status: 'ready', session };
}
