// The embedded sample: manifest -> the chosen study's files -> one series. Any missing or unreadable file fails the
// whole load, because a sample with a hole in it would silently give wrong slice counts and positions.
import type { CtInstance } from '../dicom/ctInstance';
import { groupIntoSeries, largestSeries } from '../dicom/ctSeries';
import type { LoadError } from '../dicom/loadError';
import { parseCtInstance } from '../dicom/parseCtInstance';
import { parseStudyManifest } from '../dicom/studyManifest';
import { err, ok, type Result } from '../shared/result';
import type { LoadedSeries } from '../ui/screenState';
import { fetchBytes, fetchJson } from './fetchBytes';

export const SAMPLE_BASE_URL = '/sample-dicom/';
// Browsers allow about six connections per host; more in flight only queues.
const PARALLEL_FETCHES = 6;

export interface SampleRequest {
  readonly folder: string;
  readonly baseUrl?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function loadSampleStudy(request: SampleRequest): Promise<Result<LoadedSeries, LoadError>> {
  const baseUrl = request.baseUrl ?? SAMPLE_BASE_URL;
  const manifestUrl = `${baseUrl}manifest.json`;
  const json = await fetchJson(manifestUrl, request.signal);
  if (!json.ok) {
    const code = json.error.kind === 'http' ? 'MANIFEST_UNAVAILABLE' : 'MANIFEST_INVALID';
    return err({ code, url: manifestUrl, detail: json.error.detail });
  }
  const manifest = parseStudyManifest(json.value);
  if (!manifest.ok) return err({ code: 'MANIFEST_INVALID', url: manifestUrl, detail: manifest.error });
  const study = manifest.value.studies.find((s) => s.folder === request.folder);
  if (!study) return err({ code: 'STUDY_NOT_IN_MANIFEST', folder: request.folder });

  const instances: CtInstance[] = new Array<CtInstance>(study.files.length);
  let next = 0;
  let done = 0;
  let failure: LoadError | undefined;
  const worker = async () => {
    while (failure === undefined && next < study.files.length) {
      const i = next++;
      const file = study.files[i];
      if (file === undefined) return;
      const bytes = await fetchBytes(`${baseUrl}${file}`, request.signal);
      if (!bytes.ok) {
        failure ??= { code: 'FILE_UNAVAILABLE', file, detail: bytes.error };
        return;
      }
      const parsed = parseCtInstance(bytes.value, file);
      if (!parsed.ok) {
        failure ??= { code: 'FILE_INVALID', file, cause: parsed.error };
        return;
      }
      instances[i] = parsed.value;
      request.onProgress?.(++done, study.files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, study.files.length) }, worker));
  if (failure) return err(failure);

  const series = largestSeries(groupIntoSeries(instances));
  if (!series) return err({ code: 'NO_IMAGES', skipped: {} });
  return ok({
    series,
    source: { kind: 'sample', studyLabel: study.label, studyDate: study.studyDate, fileCount: study.files.length },
  });
}
