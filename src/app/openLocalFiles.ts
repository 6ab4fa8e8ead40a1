// Files the user chose or dropped: headers read in the workers, slices grouped patient -> study -> series, the
// oldest study's largest series shown (and the newest study's beside it); every file that gave no image is a line in
// the import report. Pixels are decoded afterwards, in the background (loading/showSeries.ts).
import type { CtSeries } from '../dicom/ctSeries';
import { skippedByCode } from '../dicom/importReport';
import type { LoadError } from '../dicom/loadError';
import { defaultPanes } from '../dicom/studyTree';
import { err, ok, type Result } from '../shared/result';
import type { LoadedSeries } from '../ui/screenState';
import { importLibrary, type ImportOptions, type Library } from './loading/importLibrary';
import type { NamedBlob } from './loading/workerProtocol';

export interface LocalImport {
  readonly result: Result<LoadedSeries, LoadError>;
  readonly library: Library;
  /** The series for the right (follow-up) pane, when the files hold a later study of the same patient. */
  readonly followUp: CtSeries | undefined;
}

export async function openLocalFiles(files: readonly NamedBlob[], options: ImportOptions = {}): Promise<LocalImport> {
  const library = await importLibrary(files, options);
  const skipped = skippedByCode(library.report);
  const { baseline, followUp } = defaultPanes(library.tree);
  if (!baseline) return { result: err({ code: 'NO_IMAGES', skipped }), library, followUp: undefined };
  const source = { kind: 'local', fileCount: files.length, seriesCount: library.series.length, skipped } as const;
  return { result: ok({ series: baseline, source }), library, followUp };
}
