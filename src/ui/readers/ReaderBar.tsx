// Who is reading, always in the title bar, and the switch to another reader: each reader reads their own record,
// so switching closes this reader's read on screen and opens the other's.
import { useId, useState } from 'react';

export interface ReaderBarProps {
  readonly reader: string | undefined;
  readonly readers: readonly string[];
  readonly onReadAs: (name: string) => void;
}

export function ReaderBar({ reader, readers, onReadAs }: ReaderBarProps) {
  const [switching, setSwitching] = useState(false);
  const [typed, setTyped] = useState('');
  const listId = useId();
  const name = typed.trim();
  if (!switching) {
    return (
      <span className="reader-bar" role="status" aria-label="Reader">
        {reader ? <>Reading as <strong className="reader-bar__name">{reader}</strong></> : <>Reader not named</>}
        <button type="button" className="button button--small" onClick={() => { setTyped(''); setSwitching(true); }}>
          {reader ? 'Switch reader' : 'Name reader'}
        </button>
        <a className="button button--small" href="#double-read">Double reads</a>
      </span>
    );
  }
  return (
    <form
      className="reader-bar"
      aria-label="Switch reader"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name) return;
        setSwitching(false);
        if (name !== reader) onReadAs(name);
      }}
    >
      <label>
        Read as
        <input type="text" list={listId} value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="reader's name" autoFocus required />
      </label>
      <datalist id={listId}>{readers.map((r) => <option key={r} value={r} />)}</datalist>
      <button type="submit" className="button button--small" disabled={!name}>Read</button>
      <button type="button" className="button button--small" onClick={() => setSwitching(false)}>Cancel</button>
    </form>
  );
}
