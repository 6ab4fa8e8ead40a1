// Keeps the outbox moving: sends at start-up, when the browser comes back online, every minute while something waits,
// and when asked (a sign-off, the button). One run at a time.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PacsClient } from '../../pacs/pacsClient';
import type { RecistDatabase } from '../../store/database';
import type { OutboxRow } from '../../store/outboxRow';
import { sendOutbox } from './sendOutbox';

const RETRY_MS = 60_000;

export function useOutboxSender(db: RecistDatabase | undefined, client: PacsClient, rows: readonly OutboxRow[]) {
  const [sending, setSending] = useState(false);
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const send = useCallback(() => {
    if (!db) return;
    if (running.current) {
      // Asked while a run is under way (a new report queued): one more run after it.
      again.current = true;
      return;
    }
    setSending(true);
    running.current = (async () => {
      do {
        again.current = false;
        await sendOutbox(db, client);
      } while (again.current);
    })().finally(() => {
      running.current = null;
      setSending(false);
    });
  }, [db, client]);

  useEffect(() => {
    send();
    window.addEventListener('online', send);
    return () => window.removeEventListener('online', send);
  }, [send]);

  const waiting = rows.some((r) => r.state === 'waiting');
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(send, RETRY_MS);
    return () => clearInterval(timer);
  }, [waiting, send]);

  return { sending, send };
}
