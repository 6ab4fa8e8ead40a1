// "Open patient CSV…": a real <input type=file> behind a styled label, as the DICOM pickers (FilePickerButton).
import { useId, type ChangeEvent } from 'react';

export function CsvPickerButton({ onFile }: { readonly onFile: (file: File) => void }) {
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) still fires a change.
    event.target.value = '';
    if (file) onFile(file);
  };
  return (
    <span className="open-files">
      <input id={id} className="open-files__input" type="file" accept=".csv,text/csv" onChange={onChange} data-testid="cohort-csv-input" />
      <label htmlFor={id} className="button">Open patient CSV…</label>
    </span>
  );
}
