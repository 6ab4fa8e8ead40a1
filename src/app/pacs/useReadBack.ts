// Reading a patient's SRs back from the PACS when a series of theirs is opened, and the reader's choice for each
// time point read differently here and there.
import { useCallback, useRef, useState } from 'react';
import type { PacsClient } from '../../pacs/pacsClient';
import type { RecistDatabase } from '../../store/database';
import { adoptPacsRead } from '../../store/pacsReadRepository';
import { describeStoreError } from '../../ui/messages';
import { describePacsError } from '../../ui/pacs/pacsMessages';
import type { ReadConflictView } from '../../ui/pacs/pacsView';
import type { TimepointRow } from '../../tracking/types';
import { readBackFromPacs, readBackLine, type BlindRead, type ReadConflict } from './readBackFromPacs';

/** `signOffKey` of a sign-off that came from the PACS: its report is already there, not to be sent again. */
export const signOffKey = (studyInstanceUid: string, at: string): string => `${studyInstanceUid}|${at}`;

/** `blindFor`: whether the patient is a blind double read here, and so whose reports go where (readBackFromPacs). */
export function useReadBack(db: RecistDatabase | undefined, client: PacsClient, fromPacs: Set<string>,
  blindFor: (patientId: string) => Promise<BlindRead | undefined>) {
  const [line, setLine] = useState<string | undefined>(undefined);
  const [conflicts, setConflicts] = useState<readonly ReadConflict[]>([]);
  const current = useRef<AbortController | null>(null);

  const readBack = useCallback((patientId: string) => {
    if (!db) return;
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setLine('Looking for this patient\'s reports in the PACS…');
    const beforeAdopt = (t: TimepointRow) => {
      if (t.signOff) fromPacs.add(signOffKey(t.studyInstanceUid, t.signOff.at));
    };
    void blindFor(patientId).then((blind) => readBackFromPacs(db, client, patientId, { signal: controller.signal, beforeAdopt, ...(blind ? { blind } : {}) })).then((result) => {
      if (controller.signal.aborted) return;
      if (!result.ok) {
        setLine(`The patient's reports could not be read back. ${describePacsError(result.error).message}`);
        return;
      }
      setConflicts(result.value.conflicts);
      setLine(readBackLine(result.value));
    }, (thrown: unknown) => {
      if (!controller.signal.aborted) throw thrown;
    });
  }, [db, client, fromPacs, blindFor]);

  const choose = useCallback((studyInstanceUid: string, keep: 'local' | 'pacs') => {
    const conflict = conflicts.find((c) => c.timepoint.studyInstanceUid === studyInstanceUid);
    if (!conflict || !db) return;
    if (conflict.timepoint.signOff) fromPacs.add(signOffKey(studyInstanceUid, conflict.timepoint.signOff.at));
    const done = () => setConflicts((list) => list.filter((c) => c !== conflict));
    if (keep === 'local') {
      done();
      setLine(`This browser's read of ${conflict.timepoint.studyDate} is kept; the PACS keeps its report too.`);
      return;
    }
    void adoptPacsRead(db, conflict.record, studyInstanceUid).then((written) => {
      if (!written.ok) {
        setLine(`The PACS read could not be saved in this browser. ${describeStoreError(written.error)}`);
        return;
      }
      done();
      setLine(`The PACS read of ${conflict.timepoint.studyDate} replaces this browser's.`);
    });
  }, [conflicts, db, fromPacs]);

  const views: ReadConflictView[] = conflicts.map((c) => ({
    studyInstanceUid: c.timepoint.studyInstanceUid,
    what: `The study of ${c.timepoint.studyDate}`,
    local: c.local,
    pacs: c.pacs,
  }));
  return { line, conflicts: views, readBack, choose };
}
