// The reports for the PACS and where each is: sent, waiting to be sent, or refused (with why). Nothing leaves this
// list unsent: a waiting report is tried again when the PACS is back, at start-up, and with the button.
import type { OutboxView } from './pacsView';

const STATE_WORDS: Record<OutboxView['state'], string> = { waiting: 'waiting to be sent', refused: 'refused by the PACS', sent: 'sent' };

export function PacsOutbox({ outbox, onSend, sending }: { outbox: readonly OutboxView[]; onSend: () => void; sending: boolean }) {
  if (outbox.length === 0) return null;
  const unsent = outbox.filter((r) => r.state !== 'sent').length;
  return (
    <section className="pacs-outbox" aria-label="Reports for the PACS">
      <h3 className="pacs-panel__subheading">Reports (DICOM SR)</h3>
      <p className="pacs-outbox__summary" role="status" data-testid="pacs-outbox-summary">
        {unsent === 0 ? 'All reports are in the PACS.' : `${unsent} report${unsent === 1 ? '' : 's'} not yet in the PACS: kept in this browser until sent.`}
      </p>
      <ul className="pacs-outbox__list">
        {outbox.map((r) => (
          <li key={r.id} className={`pacs-outbox__item pacs-outbox__item--${r.state}`} data-testid="pacs-outbox-item">
            {r.what}: <strong>{STATE_WORDS[r.state]}</strong>{r.detail && <span className="study-browser__dim"> · {r.detail}</span>}
          </li>
        ))}
      </ul>
      {unsent > 0 && <button type="button" className="button" disabled={sending} onClick={onSend}>{sending ? 'Sending…' : 'Send reports now'}</button>}
    </section>
  );
}
