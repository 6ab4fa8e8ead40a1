// Where the files of an import come from: a file or folder picker, or a drop of files and folders (recursively).
import { dicomError } from '../../dicom/dicomError';
import { problemOf, type ImportProblem } from '../../dicom/importReport';
import type { NamedBlob } from './workerProtocol';

/** What a drop gave: the files, and the entries the browser could not read (they go in the import report). */
export interface DroppedFiles {
  readonly files: readonly NamedBlob[];
  readonly unreadable: readonly ImportProblem[];
}

/** Picked files; a folder pick gives each file its path inside the folder. */
export const namedFiles = (files: readonly File[]): NamedBlob[] =>
  files.map((file) => ({ name: file.webkitRelativePath || file.name, blob: file }));

/**
 * The files of a drop, folders walked recursively. The entries must be taken from the DataTransfer during the drop
 * event itself (the browser empties it afterwards), so call this synchronously in the handler and await the result.
 */
export function filesFromDataTransfer(dataTransfer: DataTransfer): Promise<DroppedFiles> {
  const entries = Array.from(dataTransfer.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  // Without the entries API (or for plain file drags in some browsers), the flat file list is what there is.
  if (entries.length === 0 || entries.some((entry) => entry === null)) {
    return Promise.resolve({ files: namedFiles(Array.from(dataTransfer.files)), unreadable: [] });
  }
  return filesFromEntries(entries as FileSystemEntry[]);
}

/** The files below dropped entries, folders walked recursively, each named by its path from the drop. */
export async function filesFromEntries(entries: readonly FileSystemEntry[]): Promise<DroppedFiles> {
  const unreadable: ImportProblem[] = [];
  const lists = await Promise.all(entries.map((entry) => filesUnder(entry, unreadable)));
  return { files: lists.flat(), unreadable };
}

/** The files below `entry`; one that cannot be read (or a folder that cannot be listed) is a report line, not a failure. */
async function filesUnder(entry: FileSystemEntry, unreadable: ImportProblem[]): Promise<NamedBlob[]> {
  const name = entry.fullPath.replace(/^\//, '') || entry.name;
  try {
    if (isFile(entry)) {
      const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
      return [{ name, blob: file }];
    }
    if (!isDirectory(entry)) return [];
    const children = await readAllEntries(entry.createReader());
    return (await Promise.all(children.map((child) => filesUnder(child, unreadable)))).flat();
  } catch (thrown: unknown) {
    unreadable.push(problemOf(dicomError('UNREADABLE', name, thrown instanceof Error ? thrown.message : String(thrown))));
    return [];
  }
}

/** readEntries returns a directory in batches (100 in Chromium) until it returns none. */
async function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;
const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry => entry.isDirectory;
