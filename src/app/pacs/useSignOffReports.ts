// Each sign-off of a time point opened from the PACS, made while this page is open (here or in another tab), puts
// the time point's SR in the outbox and starts sending. Sign-offs from before (or read back from the PACS's own
// SRs) are left alone: their reports were sent when they were made.
import { useEffect, useRef, useState } from 'react';
import type { PacsStudy } from '../../pacs/pacsTypes';
import type { RecistDatabase } from '../../store/database';
import { useSignOffs } from '../../store/useSignOffs';
import { queueSignOffReport, type QueueReportError } from './queueSignOffReport';
import { signOffKey } from './useReadBack';

export function useSignOffReports(db: RecistDatabase | undefined, pacsStudies: readonly PacsStudy[], send: () => void, fromPacs: ReadonlySet<string>) {
  const signOffs = useSignOffs(db);
  const [startedAt] = useState(() => new Date().toISOString());
  const handled = useRef(new Set<string>());
  const [problem, setProblem] = useState<{ readonly studyInstanceUid: string; readonly error: QueueReportError } | undefined>(undefined);

  useEffect(() => {
    if (!db) return;
    for (const signOff of signOffs) {
      const key = signOffKey(signOff.studyInstanceUid, signOff.at);
      const study = pacsStudies.find((s) => s.studyInstanceUid === signOff.studyInstanceUid);
      if (!study || signOff.at < startedAt || handled.current.has(key) || fromPacs.has(key)) continue;
      handled.current.add(key);
      void queueSignOffReport(db, signOff.patientId, signOff.studyInstanceUid, { accessionNumber: study.accessionNumber }).then((queued) => {
        if (queued.ok) {
          setProblem(undefined);
          send();
        } else {
          setProblem({ studyInstanceUid: signOff.studyInstanceUid, error: queued.error });
        }
      });
    }
  }, [db, signOffs, pacsStudies, startedAt, send, fromPacs]);

  return problem;
}
