// What a loading worker does with each task: reads the files it names, then pure functions of the bytes, so they run
// (and are tested) in Node as well.
import { inflateDataset } from '../../dicom/codecGateway';
import { decodeCompressedFrame, decodeNativeFrame, type FrameProblem, type FrameSpec } from '../../dicom/decodeSlice';
import { dicomError, type DicomError } from '../../dicom/dicomError';
import { encapsulatedFrames, joinFragments } from '../../dicom/encapsulatedFrames';
import { plainSlice, type DecodedSlice } from '../../dicom/slicePixels';
import { ownsBuffer } from '../../shared/ownsBuffer';
import { err, ok, type Result } from '../../shared/result';
import { warmCodec } from './codecWarmup';
import { blobOfPart, bytesOf, readParts } from './fileReads';
import { readHeaders } from './readHeaders';
import type { FrameLayout, WarmTask, WorkerTask } from './workerProtocol';

export async function decodeTask(name: string, bytes: Uint8Array, spec: FrameSpec, layout: FrameLayout):
  Promise<Result<DecodedSlice, DicomError>> {
  const fail = (problem: FrameProblem) => err(dicomError(problem.code, name, problem.detail));
  switch (layout.kind) {
    case 'native': {
      // Bytes read for this frame (or its file) alone: changed in place, transferred back whole.
      const decoded = decodeNativeFrame(bytes.subarray(layout.offset), { ...spec, bigEndian: layout.bigEndian }, true);
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
      const decoded = await decodeCompressedFrame(joinFragments(bytes, layout.fragments, layout.base), spec);
      return decoded.ok ? decoded : fail(decoded.error);
    }
    case 'encapsulatedFile': {
      const frames = encapsulatedFrames(bytes.subarray(layout.valueOffset), layout.valueOffset, 1);
      if (!frames.ok) return fail(frames.error);
      const decoded = await decodeCompressedFrame(joinFragments(bytes, frames.value[0] ?? []), spec);
      return decoded.ok ? decoded : fail(decoded.error);
    }
  }
}

/** The result of one task (what TaskResult says for its kind) and the buffer it read, which its slices may view. */
export async function runTask(task: WorkerTask | WarmTask): Promise<{ value: unknown; shared?: ArrayBuffer }> {
  if (task.kind === 'warm') {
    await warmCodec(task);
    return { value: null };
  }
  if (task.kind === 'headers') return { value: await readHeaders(task.files, task.prefixBytes) };
  try {
    switch (task.kind) {
      case 'index': {
        const frames = encapsulatedFrames(await bytesOf(task.blob.slice(task.base)), task.base, task.numberOfFrames);
        return { value: frames.ok ? frames : err(dicomError(frames.error.code, task.name, frames.error.detail)) };
      }
      case 'decode': {
        const bytes = await bytesOf(blobOfPart(task.part));
        return { value: await decodeTask(task.part.name, bytes, task.spec, task.layout), shared: bytes.buffer as ArrayBuffer };
      }
      case 'decodeMany': {
        const { bytes, starts } = await readParts(task.frames.map((frame) => frame.part));
        const value = task.frames.map(({ part, offset, length, spec, bigEndian }, i) => {
          // Views on the one buffer read for all of them (no copy): it goes back whole, and its memory is freed once
          // every slice in it is dropped.
          const at = (starts[i] as number) + offset;
          const decoded = decodeNativeFrame(bytes.subarray(at, at + length), { ...spec, bigEndian }, true);
          return decoded.ok ? decoded : err(dicomError(decoded.error.code, part.name, decoded.error.detail));
        });
        return { value, shared: bytes.buffer as ArrayBuffer };
      }
    }
  } catch (thrown: unknown) {
    return { value: unreadable(task, thrown instanceof Error ? thrown.message : String(thrown)) };
  }
}

/**
 * A read that failed (a file moved, deleted or not permitted since it was chosen) as every frame's result. Only reads
 * throw here: parsing and decoding give Result values.
 */
function unreadable(task: Exclude<WorkerTask, { kind: 'headers' }>, detail: string): unknown {
  const error = (name: string) => err(dicomError('UNREADABLE', name, detail));
  switch (task.kind) {
    case 'decodeMany': return task.frames.map(({ part }) => error(part.name));
    case 'index': return error(task.name);
    case 'decode': return error(task.part.name);
  }
}

/**
 * A result as it is posted, and the buffers to transfer with it. Decoded slices go as plain fields (a range left for
 * later is found here, in the worker, not on the main thread). Pixels that view `shared` (the bytes the task read)
 * go with that buffer, as they are; pixels that own their buffer go with it; a view into another larger buffer (a
 * codec's memory) is copied first, as transferring would take that memory away and cloning would copy all of it.
 */
export function transferable(value: unknown, shared?: ArrayBuffer): { value: unknown; transfer: ArrayBuffer[] } {
  if (Array.isArray(value)) {
    const each = value.map((v) => transferable(v, shared));
    return { value: each.map((e) => e.value), transfer: [...new Set(each.flatMap((e) => e.transfer))] };
  }
  if (!isOkDecodedSlice(value)) return { value, transfer: [] };
  const slice = plainSlice(value.value);
  const array = slice.kind === 'greyscale' ? slice.pixels : slice.rgb;
  if (shared !== undefined && array.buffer === shared) return { value: ok(slice), transfer: [shared] };
  const own = ownsBuffer(array) && array.buffer instanceof ArrayBuffer ? array : array.slice();
  const owned: DecodedSlice = slice.kind === 'greyscale' ? { ...slice, pixels: own as typeof slice.pixels } : { kind: 'colour', rgb: own as Uint8Array };
  return { value: ok(owned), transfer: [own.buffer as ArrayBuffer] };
}

function isOkDecodedSlice(value: unknown): value is { ok: true; value: DecodedSlice } {
  if (typeof value !== 'object' || value === null || !('ok' in value) || value.ok !== true || !('value' in value)) return false;
  const inner = value.value;
  return typeof inner === 'object' && inner !== null && 'kind' in inner && (inner.kind === 'greyscale' || inner.kind === 'colour');
}
