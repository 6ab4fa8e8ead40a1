// What a loading worker does with the bytes of each task: pure functions of them, so they run (and are tested) in
// Node as well.
import { decodeCompressed, inflateDataset } from '../../dicom/codecGateway';
import { decodeCompressedFrame, decodeNativeFrame, type FrameProblem } from '../../dicom/decodeSlice';
import { dicomError, type DicomError } from '../../dicom/dicomError';
import { encapsulatedFrames, joinFragments } from '../../dicom/encapsulatedFrames';
import { readFileHeader } from '../../dicom/readFileHeader';
import type { DecodedSlice } from '../../dicom/slicePixels';
import { err, ok, type Result } from '../../shared/result';
import type { FrameSpec } from '../../dicom/decodeSlice';
import type { FrameLayout, WarmTask, WorkerTask } from './workerProtocol';

/** A Blob's bytes, in a buffer of their own. */
export const bytesOf = async (blob: Blob): Promise<Uint8Array> => new Uint8Array(await blob.arrayBuffer());

export async function decodeTask(name: string, bytes: Uint8Array, spec: FrameSpec, layout: FrameLayout):
  Promise<Result<DecodedSlice, DicomError>> {
  const fail = (problem: FrameProblem) => err(dicomError(problem.code, name, problem.detail));
  switch (layout.kind) {
    case 'native': {
      // A buffer of this frame alone: aligned at 0 whatever the file offset, changed in place, transferred back whole.
      const decoded = decodeNativeFrame(bytes, { ...spec, bigEndian: layout.bigEndian }, true);
      return decoded.ok ? decoded : fail(decoded.error);
    }
    case 'deflated': {
      const inflated = inflateDataset(bytes);
      if (!inflated.ok) return fail(inflated.error);
      const start = layout.location.offset + layout.frameIndex * layout.location.frameBytes;
      const frame = inflated.value.slice(start, start + layout.location.frameBytes);
      const decoded = decodeNativeFrame(frame, { ...spec, bigEndian: false }, true);
      return decoded.ok ? decoded : fail(decoded.error);
    }
    case 'encapsulated': {
      let fragments = layout.fragments;
      if (fragments === undefined) {
        const frames = encapsulatedFrames(bytes, layout.base, 1);
        if (!frames.ok) return fail(frames.error);
        fragments = frames.value[0] ?? [];
      }
      const decoded = await decodeCompressedFrame(joinFragments(bytes, fragments, layout.base), spec);
      return decoded.ok ? decoded : fail(decoded.error);
    }
  }
}

/** The result of one task (what TaskResult says for its kind) and, for decodeMany, the buffer its slices view. */
export async function runTask(task: WorkerTask | WarmTask): Promise<{ value: unknown; shared?: ArrayBuffer }> {
  if (task.kind === 'warm') {
    // An empty frame: the codec loads, then says the frame is corrupt; only the loading was wanted.
    await decodeCompressed(task.transferSyntaxUid, new Uint8Array(0), task.format);
    return { value: null };
  }
  let bytes: Uint8Array;
  try {
    bytes = await bytesOf(task.blob);
  } catch (thrown: unknown) {
    return { value: unreadable(task, thrown instanceof Error ? thrown.message : String(thrown)) };
  }
  switch (task.kind) {
    case 'headers': {
      let at = 0;
      return { value: task.files.map(({ name, length, fileSize }) => {
        const prefix = bytes.subarray(at, at + length);
        at += length;
        return readFileHeader(prefix, fileSize, name);
      }) };
    }
    case 'index': {
      const frames = encapsulatedFrames(bytes, task.base, task.numberOfFrames);
      return { value: frames.ok ? frames : err(dicomError(frames.error.code, task.name, frames.error.detail)) };
    }
    case 'decode': return { value: await decodeTask(task.name, bytes, task.spec, task.layout) };
    case 'decodeMany': {
      let at = 0;
      const value = task.frames.map(({ name, length, spec, bigEndian }) => {
        // Views on the one buffer read for all of them (no copy): it goes back whole, and its memory is freed once
        // every slice in it is dropped.
        const frame = bytes.subarray(at, at + length);
        at += length;
        const decoded = decodeNativeFrame(frame, { ...spec, bigEndian }, true);
        return decoded.ok ? decoded : err(dicomError(decoded.error.code, name, decoded.error.detail));
      });
      return { value, shared: bytes.buffer as ArrayBuffer };
    }
  }
}

/**
 * A read that failed (a file moved, deleted or not permitted since it was chosen) as every file's or frame's result:
 * a failed batch is retried file by file by the caller, so one bad file does not take its neighbours with it.
 */
function unreadable(task: WorkerTask, detail: string): unknown {
  const error = (name: string) => err(dicomError('UNREADABLE', name, detail));
  switch (task.kind) {
    case 'headers': return task.files.map(({ name }) => ({ kind: 'done', result: error(name) }));
    case 'decodeMany': return task.frames.map(({ name }) => error(name));
    case 'index':
    case 'decode': return error(task.name);
  }
}

/**
 * The buffers to transfer with a result: a decoded slice's pixels, when they own their whole buffer. A view into a
 * larger buffer (a codec's memory) is copied first, as transferring would take that memory away and cloning would
 * copy all of it.
 */
export function transferable(value: unknown, shared?: ArrayBuffer): { value: unknown; transfer: ArrayBuffer[] } {
  if (Array.isArray(value) && value.some((v) => isOkDecodedSlice(v))) {
    // decodeMany: slices that are views on the buffer the task brought go back with it, as they are.
    const each = value.map((v) => (isOkDecodedSlice(v) && shared && bufferOf(v.value) === shared ? { value: v, transfer: [] } : transferable(v)));
    const transfer = [...new Set([...each.flatMap((e) => e.transfer), ...(shared ? [shared] : [])])];
    return { value: each.map((e) => e.value), transfer };
  }
  if (!isOkDecodedSlice(value)) return { value, transfer: [] };
  const slice = value.value;
  const array = slice.kind === 'greyscale' ? slice.pixels : slice.rgb;
  const own = array.byteOffset === 0 && array.byteLength === array.buffer.byteLength && array.buffer instanceof ArrayBuffer
    ? array : array.slice();
  const owned: DecodedSlice = slice.kind === 'greyscale' ? { ...slice, pixels: own as typeof slice.pixels } : { kind: 'colour', rgb: own as Uint8Array };
  return { value: ok(owned), transfer: [own.buffer as ArrayBuffer] };
}

const bufferOf = (slice: DecodedSlice): ArrayBufferLike => (slice.kind === 'greyscale' ? slice.pixels.buffer : slice.rgb.buffer);

function isOkDecodedSlice(value: unknown): value is { ok: true; value: DecodedSlice } {
  if (typeof value !== 'object' || value === null || !('ok' in value) || value.ok !== true || !('value' in value)) return false;
  const inner = value.value;
  return typeof inner === 'object' && inner !== null && 'kind' in inner && (inner.kind === 'greyscale' || inner.kind === 'colour');
}
