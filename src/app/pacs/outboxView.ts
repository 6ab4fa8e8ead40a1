// Outbox rows as the panel lists them.
import type { OutboxRow } from '../../store/outboxRow';
import type { OutboxView } from '../../ui/pacs/pacsView';

const time = (iso: string | undefined): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

export const outboxView = (rows: readonly OutboxRow[]): OutboxView[] => rows.map((row) => ({
  id: row.id,
  what: row.filename.replace(/\.dcm$/, '').replaceAll('_', ' '),
  state: row.state,
  detail: row.state === 'sent'
    ? `at ${time(row.sentAt)}`
    : [row.lastError, row.attempts > 0 ? `${row.attempts} attempt${row.attempts === 1 ? '' : 's'}, last at ${time(row.lastAttemptAt)}` : 'not tried yet'].filter(Boolean).join(' · '),
}));
