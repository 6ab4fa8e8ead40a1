// A PACS series as files for the import pipeline: its metadata first (the slice order), then the first slice alone,
// so the reader sees it at once, and the whole series in one request (Orthanc spends 0.1-0.3 s per request whatever
// its size: one per instance made a 300-slice series 10x slower). The files then go through the same workers,
// codecs and viewer as picked files, and "Keep images in this browser" keeps them like any others.
import type { PacsClient } from '../../pacs/pacsClient';
import type { PacsError } from '../../pacs/pacsError';
import type { PacsSeries } from '../../pacs/pacsTypes';
import { err, ok, type Result } from '../../shared/result';
import type { NamedBlob } from '../loading/workerProtocol';

/** The series request waits this long per instance (at least the client's own wait): 150 MB take a while. */
const WAIT_PER_INSTANCE_MS = 400;
const PROGRESS_INTERVAL_MS = 250;

/** The name a retrieved instance goes by in the import report and the kept images. */
export const pacsFileName = (series: Pick<PacsSeries, 'studyInstanceUid' | 'seriesInstanceUid'>, instance: string): string =>
  `PACS/${series.studyInstanceUid}/${series.seriesInstanceUid}/${instance}.dcm`;

const blobOf = (bytes: Uint8Array): Blob => new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/dicom' });

export interface RetrieveOptions {
  readonly signal?: AbortSignal;
  /** About how many instances have arrived, of how many. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The first slice in viewing order, as soon as it is here (before the rest). */
  readonly onFirst?: (file: NamedBlob) => void;
}

export async function retrieveSeries(client: PacsClient, series: PacsSeries, options: RetrieveOptions = {}): Promise<Result<NamedBlob[], PacsError>> {
  const { signal, onProgress, onFirst } = options;
  const instances = await client.instancesInOrder(series, { signal });
  if (!instances.ok) return instances;
  const list = instances.value;
  const top = list[0];
  if (!top) return ok([]);
  onProgress?.(0, list.length);
  let firstBytes = 0;
  const first = client.retrieveInstance(top, { signal }).then((file) => {
    if (file.ok) {
      firstBytes = file.value.length;
      onFirst?.({ name: pacsFileName(series, top.sopInstanceUid), blob: blobOf(file.value) });
    }
  });
  let shown = { done: 0, at: 0 };
  const onBytes = (received: number) => {
    // Instances of one CT series are all about the size of the first. A few updates a second: each one redraws the
    // panel, and the body comes in thousands of chunks.
    const done = firstBytes > 0 ? Math.min(list.length, Math.floor(received / firstBytes)) : 0;
    const now = performance.now();
    if (done === shown.done || now - shown.at < PROGRESS_INTERVAL_MS) return;
    shown = { done, at: now };
    onProgress?.(done, list.length);
  };
  const timeoutMs = Math.max(20_000, list.length * WAIT_PER_INSTANCE_MS);
  const whole = await client.retrieveWholeSeries(series, { signal, onBytes, timeoutMs });
  await first;
  if (!whole.ok) return err(whole.error);
  onProgress?.(whole.value.length, list.length);
  return ok(whole.value.map((part, i) => ({ name: pacsFileName(series, part.name ?? String(i + 1).padStart(4, '0')), blob: blobOf(part.bytes) })));
}
