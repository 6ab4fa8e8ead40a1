// Warming a codec with real frames. Loading a WASM codec is not enough for a fast first image: V8 first runs WASM as
// baseline code and compiles a function to optimised code only once it has run a while (a budget of work per
// function), in the background; until then each frame is slow, and the compiling competes with the decoding for the
// two cores. A 512 x 512 JPEG 2000 frame in this Chromium (standalone worker page): 96-179 ms cold; 46-61 ms after one
// 256 x 256 frame, 38-49 ms after three. In the app a single small frame was not enough: a Chromium trace of the first
// slice of a JPEG 2000 series still showed 240 ms of optimising compiles during its decode (110 ms, not 50). So the
// warm-up file is decoded WARMUP_DECODES times, about one 512 x 512 frame's work, once per app start. The optimised
// code is kept per process for the same WASM bytes, so one worker warming makes the codec fast in every worker of the
// page (measured: a worker that only loaded the codec decoded its first frame as fast as the warmed one).
// Runs in a loading worker; the files are listed in warmupFiles.ts.
import { decodeCompressed } from '../../dicom/codecGateway';
import { parseDicomFile } from '../../dicom/parseDicomFile';
import { fetchBytes } from '../fetchBytes';
import type { WarmTask } from './workerProtocol';

/**
 * What a warm task without a file decodes: only the codec's loading is wanted. Every JPEG-family decoder here first
 * checks that the stream ends with FF D9 (EOI, or EOC for JPEG 2000) and says "truncated" without loading anything
 * otherwise; these two bytes get past that check, load the codec, and are then refused as having no frame header
 * (checked before anything is decoded), so the loaded module is kept.
 */
export const WARM_FRAME: Uint8Array = new Uint8Array([0xff, 0xd9]);

/**
 * Loads the task's codec and, given a warm-up file, decodes it WARMUP_DECODES times (see above). A file that cannot
 * be had (offline before the service worker cached it) only loads the codec: warming is a bonus.
 */
export async function warmCodec(task: WarmTask): Promise<void> {
  const url = task.warmupFileUrl;
  const fetched = url === undefined ? undefined : await fetchBytes(url);
  if (url === undefined || !fetched?.ok) {
    await decodeCompressed(task.transferSyntaxUid, WARM_FRAME, task.format);
    return;
  }
  // Each parse decodes anew: a parsed compressed slice keeps its pixels once loaded.
  for (let i = 0; i < WARMUP_DECODES; i++) await decodeWarmupFile(fetched.value, url);
}

/** Decodes of the 256 x 256 warm-up file: four are about the work of one 512 x 512 CT slice. */
export const WARMUP_DECODES = 4;

/**
 * Decodes every frame of a warm-up file as an imported file is decoded. The files are ours: one that does not decode
 * is a broken build, said as such.
 */
export async function decodeWarmupFile(bytes: Uint8Array, name: string): Promise<void> {
  const parsed = parseDicomFile(bytes, name);
  if (!parsed.ok) throw new Error(`codec warm-up file ${name}: ${parsed.error.code} ${parsed.error.detail}`);
  for (const slice of parsed.value) {
    const decoded = await slice.pixels.load();
    if (!decoded.ok) throw new Error(`codec warm-up file ${name}: ${decoded.error.code} ${decoded.error.detail}`);
  }
}
