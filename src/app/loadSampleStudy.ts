// One study of the embedded sample, taken from the sample imported through the loading pipeline (sampleLibrary.ts).
// Any missing or unreadable file of that study fails it, because a sample with a hole in it would silently give wrong
// slice counts and positions.
import { largestSeries } from '../dicom/ctSeries';
import type { LoadError } from '../dicom/loadError';
import { err, ok, type Result } from '../shared/result';
import type { LoadedSeries } from '../ui/screenState';
import { loadSampleLibrary } from './loading/sampleLibrary';

/** Relative to the page, so a build served from a sub-folder finds its sample. */
export const SAMPLE_BASE_URL = 'sample-dicom/';

export interface SampleRequest {
  readonly folder: string;
  readonly baseUrl?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function loadSampleStudy(request: SampleRequest): Promise<Result<LoadedSeries, LoadError>> {
  const sample = await loadSampleLibrary(request.baseUrl ?? SAMPLE_BASE_URL, request.signal, request.onProgress);
  if (!sample.ok) return sample;
  const { manifest, library, unavailable } = sample.value;
  const study = manifest.studies.find((s) => s.folder === request.folder);
  if (!study) return err({ code: 'STUDY_NOT_IN_MANIFEST', folder: request.folder });
  const files = new Set(study.files);
  for (const file of study.files) {
    const detail = unavailable.get(file);
    if (detail !== undefined) return err({ code: 'FILE_UNAVAILABLE', file, detail });
  }
  const problem = library.report.problems.find((p) => files.has(p.file));
  if (problem) {
    const cause = problem.detail === undefined ? { code: problem.code, file: problem.file } : { code: problem.code, file: problem.file, detail: problem.detail };
    return err({ code: 'FILE_INVALID', file: problem.file, cause });
  }
  const series = largestSeries(library.series.filter((s) => s.slices.every((slice) => files.has(slice.file))));
  if (!series) return err({ code: 'NO_IMAGES', skipped: {} });
  return ok({
    series,
    source: { kind: 'sample', studyLabel: study.label, studyDate: study.studyDate, fileCount: study.files.length },
  });
}
