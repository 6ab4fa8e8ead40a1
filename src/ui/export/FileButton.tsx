// A real <input type=file> for one file behind a styled label (keyboard and screen readers work as usual).
import { useId, type ChangeEvent } from 'react';

export interface FileButtonProps {
  readonly label: string;
  /** File types offered first in the picker, e.g. ".csv,text/csv". */
  readonly accept: string;
  readonly disabled: boolean;
  readonly onFile: (file: File) => void;
  /** For tests that set the input's files directly. */
  readonly testId?: string;
}

export function FileButton({ label, accept, disabled, onFile, testId }: FileButtonProps) {
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) still fires a change.
    event.target.value = '';
    if (file) onFile(file);
  };
  return (
    <span className="open-files">
      <input id={id} className="open-files__input" type="file" accept={accept} onChange={onChange} disabled={disabled} data-testid={testId} />
      <label htmlFor={id} className="button" aria-disabled={disabled}>{label}</label>
    </span>
  );
}
