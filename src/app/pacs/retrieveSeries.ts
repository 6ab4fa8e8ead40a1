// A PACS series as files for the import pipeline. The first slice comes alone and first, so the reader sees it at
// once: the PACS's index names it (the instance numbered first or last, whichever the viewer stacks on top) in
// milliseconds, where the series metadata, which says the viewing order for sure, takes Orthanc 0.3 s for 300
// instances (it reads every file). The metadata comes next, and corrects a wrong guess; then the whole series, in one
// request (Orthanc spends 0.1-0.3 s per request whatever its size: one per instance made a 300-slice series 10x
// slower). One request at a time: the PACS makes each from the same files, and together they would each take longer.
// The files then go through the same workers, codecs and viewer as picked files, and "Keep images in this browser"
// keeps them like any others.
import type { PacsClient } from '../../pacs/pacsClient';
import type { PacsError } from '../../pacs/pacsError';
import type { PacsInstance, PacsSeries } from '../../pacs/pacsTypes';
import { err, ok, type Result } from '../../shared/result';
import type { NamedBlob } from '../loading/workerProtocol';

/** The series request waits this long per instance (at least the client's own wait): 150 MB take a while. */
const WAIT_PER_INSTANCE_MS = 400;
const PROGRESS_INTERVAL_MS = 250;
/**
 * The PACS's index usually names the first slice in milliseconds; one slow to answer at instance level must not hold
 * the first image back: after this long the metadata is asked for too, and whichever answers first is used.
 */
const GUESS_PATIENCE_MS = 1000;

/** The name a retrieved instance goes by in the import report and the kept images. */
export const pacsFileName = (series: Pick<PacsSeries, 'studyInstanceUid' | 'seriesInstanceUid'>, instance: string): string =>
  `PACS/${series.studyInstanceUid}/${series.seriesInstanceUid}/${instance}.dcm`;

const blobOf = (bytes: Uint8Array): Blob => new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/dicom' });

export interface RetrieveOptions {
  readonly signal?: AbortSignal;
  /** About how many instances have arrived, of how many. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * A slice to show alone before the rest: the first in viewing order, or the PACS's guess of it and then the first
   * (when the guess was another slice). The series is asked for once the promise returned for the first one settles.
   */
  readonly onFirst?: (file: NamedBlob) => Promise<void> | void;
  /** How long the guess of the first slice may take before the metadata is asked for beside it (GUESS_PATIENCE_MS). */
  readonly guessPatienceMs?: number;
}

export async function retrieveSeries(client: PacsClient, series: PacsSeries, options: RetrieveOptions = {}): Promise<Result<NamedBlob[], PacsError>> {
  const { signal, onProgress, onFirst, guessPatienceMs = GUESS_PATIENCE_MS } = options;
  const guess = client.firstSliceGuess(series, { signal });
  guess.catch(() => undefined);
  // Undefined when the index took too long: the metadata then says which slice is first.
  const guessed = Promise.race([guess, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), guessPatienceMs))]);
  // Asked for once the first slice is here: made from the same files by the same PACS, it would slow that one down.
  let metadata: Promise<Result<PacsInstance[], PacsError>> | undefined;
  const ordered = (): Promise<Result<PacsInstance[], PacsError>> => {
    if (!metadata) {
      metadata = client.instancesInOrder(series, { signal });
      // Awaited later; a cancelled open rejects it sooner, and that is no error of its own.
      metadata.catch(() => undefined);
    }
    return metadata;
  };
  let total = series.instanceCount ?? 0;
  onProgress?.(0, total);

  let firstBytes = 0;
  let shown: string | undefined;
  const show = async (instance: PacsInstance): Promise<boolean> => {
    const file = await client.retrieveInstance(instance, { signal });
    void ordered();
    if (!file.ok) return false;
    firstBytes = file.value.length;
    shown = instance.sopInstanceUid;
    await onFirst?.({ name: pacsFileName(series, instance.sopInstanceUid), blob: blobOf(file.value) });
    return true;
  };
  const firstShown = guessed.then(async (named) => {
    if (named?.ok && named.value && (await show(named.value))) return;
    const list = await ordered();
    if (list.ok && list.value[0]) await show(list.value[0]);
  });
  // The guess was another slice (a series numbered across the table): the first one replaces it.
  const corrected = firstShown.then(ordered).then(async (list) => {
    const top = list.ok ? list.value[0] : undefined;
    if (top && top.sopInstanceUid !== shown) await show(top);
  });
  corrected.catch(() => undefined);

  let progress = { done: 0, at: 0 };
  const onBytes = (received: number) => {
    // Instances of one CT series are all about the size of the first. A few updates a second: each one redraws the
    // panel, and the body comes in thousands of chunks.
    const done = firstBytes > 0 ? Math.min(total, Math.floor(received / firstBytes)) : 0;
    const now = performance.now();
    if (done === progress.done || now - progress.at < PROGRESS_INTERVAL_MS) return;
    progress = { done, at: now };
    onProgress?.(done, total);
  };
  // The series after the metadata: made by the same PACS from the same files, the two together take longer.
  await firstShown;
  const list = await ordered();
  if (!list.ok) return list;
  total = list.value.length;
  const timeoutMs = Math.max(20_000, total * WAIT_PER_INSTANCE_MS);
  const whole = await client.retrieveWholeSeries(series, { signal, onBytes, timeoutMs });
  await corrected;
  if (!whole.ok) return err(whole.error);
  onProgress?.(whole.value.length, whole.value.length);
  return ok(whole.value.map((part, i) => ({ name: pacsFileName(series, part.name ?? String(i + 1).padStart(4, '0')), blob: blobOf(part.bytes) })));
}
