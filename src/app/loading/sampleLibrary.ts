// The embedded sample through the same pipeline as the user's files: the manifest's files fetched as Blobs, their
// headers read in the workers, pixels decoded on demand. Imported once per page (all studies: headers are cheap),
// then each study is taken from it.
import type { LoadError } from '../../dicom/loadError';
import { parseStudyManifest, type StudyManifest } from '../../dicom/studyManifest';
import { err, ok, type Result } from '../../shared/result';
import { importLibrary, type Library } from './importLibrary';
import type { NamedBlob } from './workerProtocol';

export interface SampleLibrary {
  readonly manifest: StudyManifest;
  readonly library: Library;
  /** Files that could not be fetched, with the HTTP or network detail. */
  readonly unavailable: ReadonlyMap<string, string>;
}

// Browsers allow about six connections per host; more in flight only queues.
const PARALLEL_FETCHES = 6;

let memo: { readonly baseUrl: string; readonly promise: Promise<Result<SampleLibrary, LoadError>> } | undefined;

/**
 * The sample, imported once and shared by every caller. `signal` only stops this caller waiting: the import goes on
 * for the others (the baseline and follow-up panes ask at the same time). A failed import is not kept, so a retry
 * tries again.
 */
export function loadSampleLibrary(baseUrl: string, signal?: AbortSignal, onProgress?: (done: number, total: number) => void):
  Promise<Result<SampleLibrary, LoadError>> {
  if (memo?.baseUrl !== baseUrl) {
    const promise = importSample(baseUrl, onProgress);
    memo = { baseUrl, promise };
    const forget = () => {
      if (memo?.promise === promise) memo = undefined;
    };
    promise.then((result) => result.ok || forget(), forget);
  }
  return untilAborted(memo.promise, signal);
}

async function importSample(baseUrl: string, onProgress?: (done: number, total: number) => void): Promise<Result<SampleLibrary, LoadError>> {
  const manifestUrl = `${baseUrl}manifest.json`;
  const response = await fetchOrFailure(manifestUrl);
  if (typeof response === 'string') return err({ code: 'MANIFEST_UNAVAILABLE', url: manifestUrl, detail: response });
  let json: unknown;
  try {
    json = await response.json();
  } catch (thrown: unknown) {
    return err({ code: 'MANIFEST_INVALID', url: manifestUrl, detail: thrown instanceof Error ? thrown.message : String(thrown) });
  }
  const manifest = parseStudyManifest(json);
  if (!manifest.ok) return err({ code: 'MANIFEST_INVALID', url: manifestUrl, detail: manifest.error });

  const paths = manifest.value.studies.flatMap((study) => study.files);
  const files: NamedBlob[] = [];
  const unavailable = new Map<string, string>();
  let next = 0;
  const fetcher = async () => {
    while (next < paths.length) {
      const path = paths[next++] as string;
      const fetched = await fetchOrFailure(`${baseUrl}${path}`);
      if (typeof fetched === 'string') unavailable.set(path, fetched);
      else files.push({ name: path, blob: await fetched.blob() });
      onProgress?.(files.length + unavailable.size, paths.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, paths.length) }, fetcher));
  const library = await importLibrary(files);
  return ok({ manifest: manifest.value, library, unavailable });
}

async function fetchOrFailure(url: string): Promise<Response | string> {
  try {
    const response = await fetch(url);
    return response.ok ? response : `HTTP ${response.status} ${response.statusText}`.trim();
  } catch (thrown: unknown) {
    return thrown instanceof Error ? thrown.message : String(thrown);
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
