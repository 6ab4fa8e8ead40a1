// Files the user chose: read them, keep what parses, show the largest series, and count the rest by reason.
import { largestSeries } from '../dicom/ctSeries';
import { countSkipped, type LoadError } from '../dicom/loadError';
import { parseFiles, type NamedBytes } from '../dicom/parseFiles';
import { err, ok, type Result } from '../shared/result';
import type { LoadedSeries } from '../ui/screenState';

export async function openLocalFiles(files: readonly File[]): Promise<Result<LoadedSeries, LoadError>> {
  const named: NamedBytes[] = await Promise.all(files.map(async (file) => ({
    // webkitRelativePath keeps the folder when a whole folder was chosen; plain picks have only a name.
    name: file.webkitRelativePath || file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  })));
  const { series, skipped } = parseFiles(named);
  const skippedCounts = countSkipped(skipped);
  const chosen = largestSeries(series);
  if (!chosen) return err({ code: 'NO_IMAGES', skipped: skippedCounts });
  return ok({
    series: chosen,
    source: { kind: 'local', fileCount: files.length, seriesCount: series.length, skipped: skippedCounts },
  });
}
