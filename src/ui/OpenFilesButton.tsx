// "Open DICOM files…": several files at once.
import { FilePickerButton, type FilePickerButtonProps } from './import/FilePickerButton';

const FILES = { label: 'Open DICOM files…', testId: 'open-files-input', folder: false } as const;

export const OpenFilesButton = (props: FilePickerButtonProps) => <FilePickerButton {...props} kind={FILES} />;
