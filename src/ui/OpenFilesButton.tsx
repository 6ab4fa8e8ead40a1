// "Open DICOM files…": a real <input type=file> behind a styled label, so keyboard and screen readers work as usual.
import { useId, type ChangeEvent } from 'react';

export interface OpenFilesButtonProps {
  readonly onFiles: (files: File[]) => void;
  readonly disabled?: boolean;
}

export function OpenFilesButton({ onFiles, disabled = false }: OpenFilesButtonProps) {
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Clear the input so choosing the same files again still fires a change.
    event.target.value = '';
    if (files.length > 0) onFiles(files);
  };
  return (
    <span className="open-files">
      <input
        id={id}
        className="open-files__input"
        type="file"
        multiple
        accept=".dcm,.dicom,application/dicom,*/*"
        onChange={onChange}
        disabled={disabled}
        data-testid="open-files-input"
      />
      <label htmlFor={id} className="button" aria-disabled={disabled}>
        Open DICOM files…
      </label>
    </span>
  );
}
