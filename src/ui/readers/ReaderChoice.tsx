// Several readers read on this workstation and none is chosen in this browser: the reader says who they are before
// any record opens, so nobody starts in another reader's read.
import { useState } from 'react';

export interface ReaderChoiceProps {
  readonly readers: readonly string[];
  readonly onReadAs: (name: string) => void;
}

export function ReaderChoice({ readers, onReadAs }: ReaderChoiceProps) {
  const [typed, setTyped] = useState('');
  const name = typed.trim();
  return (
    <main className="reader-choice">
      <h1>Who is reading?</h1>
      <p>Each reader reads their own record on this workstation; choose yours, or give a new name to start a read of your own.</p>
      <ul className="reader-choice__list">
        {readers.map((r) => (
          <li key={r}><button type="button" className="button" onClick={() => onReadAs(r)}>{r}</button></li>
        ))}
      </ul>
      <form onSubmit={(e) => { e.preventDefault(); if (name) onReadAs(name); }}>
        <label>
          New reader
          <input type="text" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="your name" />
        </label>
        <button type="submit" className="button" disabled={!name}>Read as new reader</button>
      </form>
    </main>
  );
}
