// "Open folder…": a folder picker (<input webkitdirectory>), every file below it, recursively, with its path.
import { useId, type ChangeEvent } from 'react';

export interface OpenFolderButtonProps {
  readonly onFiles: (files: File[]) => void;
  readonly disabled?: boolean;
}

/** React knows no `webkitdirectory` prop; the attribute is set on the element itself. */
const asFolderPicker = (input: HTMLInputElement | null) => input?.setAttribute('webkitdirectory', '');

export function OpenFolderButton({ onFiles, disabled = false }: OpenFolderButtonProps) {
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Clear the input so choosing the same folder again still fires a change.
    event.target.value = '';
    if (files.length > 0) onFiles(files);
  };
  return (
    <span className="open-files">
      <input
        id={id}
        ref={asFolderPicker}
        className="open-files__input"
        type="file"
        onChange={onChange}
        disabled={disabled}
        data-testid="open-folder-input"
      />
      <label htmlFor={id} className="button" aria-disabled={disabled}>
        Open folder…
      </label>
    </span>
  );
}
