// A real <input type=file> behind a styled label, so keyboard and screen readers work as usual: for files or a folder.
import { useId, type ChangeEvent } from 'react';

export interface FilePickerButtonProps {
  readonly onFiles: (files: File[]) => void;
  readonly disabled?: boolean;
}

interface PickerKind {
  readonly label: string;
  readonly testId: string;
  /** A folder picker gives every file below the folder, recursively, each with its path. */
  readonly folder: boolean;
}

/** React knows no `webkitdirectory` prop; the attribute is set on the element itself. */
const asFolderPicker = (input: HTMLInputElement | null) => input?.setAttribute('webkitdirectory', '');

export function FilePickerButton({ onFiles, disabled = false, kind }: FilePickerButtonProps & { readonly kind: PickerKind }) {
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
        ref={kind.folder ? asFolderPicker : undefined}
        className="open-files__input"
        type="file"
        multiple={!kind.folder}
        accept={kind.folder ? undefined : '.dcm,.dicom,application/dicom,*/*'}
        onChange={onChange}
        disabled={disabled}
        data-testid={kind.testId}
      />
      <label htmlFor={id} className="button" aria-disabled={disabled}>
        {kind.label}
      </label>
    </span>
  );
}
