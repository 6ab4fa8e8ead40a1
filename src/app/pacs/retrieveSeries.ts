// A PACS series as files for the import pipeline: its metadata first (the slice order), then its instances, the
// first slices first, several at a time. The files then go through the same workers, codecs and viewer as picked
// files, and "Keep images in this browser" keeps them like any others.
import type { PacsClient } from '../../pacs/pacsClient';
import type { PacsError } from '../../pacs/pacsError';
import type { PacsSeries } from '../../pacs/pacsTypes';
import { err, ok, type Result } from '../../shared/result';
import type { NamedBlob } from '../loading/workerProtocol';

/** Browsers open about six connections per origin; more requests at once only queue. */
const PARALLEL_RETRIEVES = 6;

/** The name a retrieved instance goes by in the import report and the kept images. */
export const pacsFileName = (series: Pick<PacsSeries, 'studyInstanceUid' | 'seriesInstanceUid'>, sopInstanceUid: string): string =>
  `PACS/${series.studyInstanceUid}/${series.seriesInstanceUid}/${sopInstanceUid}.dcm`;

export async function retrieveSeries(client: PacsClient, series: PacsSeries, options: {
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}): Promise<Result<NamedBlob[], PacsError>> {
  const call = { signal: options.signal };
  const instances = await client.instancesInOrder(series, call);
  if (!instances.ok) return instances;
  const list = instances.value;
  const files: (NamedBlob | undefined)[] = new Array(list.length);
  let next = 0;
  let done = 0;
  let failure: PacsError | undefined;
  options.onProgress?.(0, list.length);
  const worker = async () => {
    while (next < list.length && failure === undefined) {
      const i = next++;
      const instance = list[i];
      if (!instance) continue;
      const file = await client.retrieveInstance(instance, call);
      if (!file.ok) {
        failure ??= file.error;
        return;
      }
      files[i] = { name: pacsFileName(series, instance.sopInstanceUid), blob: new Blob([file.value as Uint8Array<ArrayBuffer>], { type: 'application/dicom' }) };
      options.onProgress?.(++done, list.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_RETRIEVES, list.length) }, worker));
  if (failure) return err(failure);
  return ok(files.filter((f): f is NamedBlob => f !== undefined));
}
