// The PACS panel's state and intents: its address, the search and open (usePacsBrowser), the SR outbox and its
// sending (useOutboxSender), the reports of signed-off PACS studies (useSignOffReports) and the read-back of a
// patient's reports (useReadBack).
import { useCallback, useMemo, useRef, useState } from 'react';
import { PacsClient } from '../../pacs/pacsClient';
import type { PacsStudy } from '../../pacs/pacsTypes';
import type { RecistDatabase } from '../../store/database';
import { useOutbox } from '../../store/useOutbox';
import type { PacsPanelProps } from '../../ui/pacs/pacsView';
import { outboxView } from './outboxView';
import { readPacsStudiesOpened, rememberPacsStudy } from './pacsStudiesOpened';
import { readPacsAddress, writePacsAddress } from './pacsAddress';
import { usePacsBrowser, type OpenPacsFiles } from './usePacsBrowser';
import { useOutboxSender } from './useOutboxSender';
import { useSignOffReports } from './useSignOffReports';
import { useReadBack } from './useReadBack';
import { describeSrQueueError } from '../../ui/pacs/pacsMessages';
import { blindReadFor } from '../readers/blindReadFor';
import type { ReaderSession } from '../readers/useReaderSession';

/** `session`: the reader reading now, whose reports alone join this record in a blind double read. */
export function usePacs(db: RecistDatabase | undefined, openFiles: OpenPacsFiles, session: ReaderSession): PacsPanelProps {
  const [address, setAddress] = useState(readPacsAddress);
  const client = useMemo(() => new PacsClient({ baseUrl: address }), [address]);
  // Sign-offs read back from the PACS's own reports: not to be written out and sent again.
  const fromPacs = useRef(new Set<string>()).current;
  const blindFor = useCallback((patientId: string) => blindReadFor(session, patientId), [session]);
  const readBack = useReadBack(db, client, fromPacs, blindFor);
  // Kept in this browser, so that a sign-off after a reload still goes to the PACS.
  const [openedStudies, setOpenedStudies] = useState<readonly PacsStudy[]>(() => readPacsStudiesOpened());
  const startReadBack = readBack.readBack;
  const onOpened = useCallback((study: PacsStudy) => {
    setOpenedStudies((list) => rememberPacsStudy(study, list));
    startReadBack(study.patientId);
  }, [startReadBack]);
  const browser = usePacsBrowser(client, openFiles, onOpened);
  const rows = useOutbox(db);
  const sender = useOutboxSender(db, client, rows);
  const reportProblem = useSignOffReports(db, openedStudies, sender.send, fromPacs);
  return {
    baseUrl: address,
    onBaseUrlChange: (url) => setAddress(writePacsAddress(url)),
    onSearch: browser.onSearch,
    search: browser.search,
    onOpenSeries: browser.onOpenSeries,
    retrieve: browser.retrieve,
    opened: browser.opened,
    outbox: outboxView(rows),
    onSendOutbox: sender.send,
    reportNotice: reportProblem && describeSrQueueError(reportProblem.error),
    sending: sender.sending,
    readBack: readBack.line,
    conflicts: readBack.conflicts,
    onChooseRead: readBack.choose,
  };
}
