// "Open folder…": a folder picker (<input webkitdirectory>), every file below it, recursively, with its path.
import { FilePickerButton, type FilePickerButtonProps } from './FilePickerButton';

const FOLDER = { label: 'Open folder…', testId: 'open-folder-input', folder: true } as const;

export const OpenFolderButton = (props: FilePickerButtonProps) => <FilePickerButton {...props} kind={FOLDER} />;
