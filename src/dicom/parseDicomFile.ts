// A whole file already in memory -> its slices, pixels included (Node tools, tests, and anything not worth a worker).
// The app's import reads headers and pixels separately in workers; both go through the same functions.
import { err, ok, type Result } from '../shared/result';
import { inflateDataset } from './codecGateway';
import type { CtInstance } from './ctInstance';
import { decodeCompressedFrame, decodeNativeFrame } from './decodeSlice';
import { dicomError, type DicomError } from './dicomError';
import { encapsulatedFrames, joinFragments } from './encapsulatedFrames';
import { readFileHeader } from './readFileHeader';
import { decodedPixels, type DecodedSlice, type SlicePixels } from './slicePixels';

export function parseDicomFile(bytes: Uint8Array, file: string): Result<CtInstance[], DicomError> {
  const read = readFileHeader(bytes, bytes.length, file);
  // Given the whole file, the reader never asks for more.
  if (read.kind !== 'done') return err(dicomError('MALFORMED', file, 'header longer than the file'));
  if (!read.result.ok) return read.result;
  const header = read.result.value;
  const location = header.pixelData;
  const spec = { transferSyntaxUid: header.transferSyntaxUid, format: header.format, padding: header.padding };

  if (location.kind === 'native' || location.kind === 'deflated') {
    const native = location.kind === 'native' ? location : location.inflated;
    const source = location.kind === 'native' ? ok(bytes) : inflateDataset(bytes);
    if (!source.ok) return err(dicomError(source.error.code, file, source.error.detail));
    const instances: CtInstance[] = [];
    for (const slice of header.slices) {
      const start = native.offset + (slice.frameNumber - 1) * native.frameBytes;
      const frame = source.value.subarray(start, start + native.frameBytes);
      const decoded = decodeNativeFrame(frame, { ...spec, bigEndian: native.bigEndian }, false);
      if (!decoded.ok) return err(dicomError(decoded.error.code, file, decoded.error.detail));
      instances.push({ ...slice, pixels: decodedPixels(decoded.value) });
    }
    return ok(instances);
  }

  const frames = encapsulatedFrames(bytes.subarray(location.valueOffset), location.valueOffset, header.slices.length);
  if (!frames.ok) return err(dicomError(frames.error.code, file, frames.error.detail));
  return ok(header.slices.map((slice, i) => ({
    ...slice,
    pixels: lazyPixels(async () => {
      const decoded = await decodeCompressedFrame(joinFragments(bytes, frames.value[i] ?? []), spec);
      return decoded.ok ? decoded : err(dicomError(decoded.error.code, file, decoded.error.detail));
    }),
  })));
}

/** Decodes once, on the first load; peek has it from then on. */
function lazyPixels(decode: () => Promise<Result<DecodedSlice, DicomError>>): SlicePixels {
  let done: DecodedSlice | undefined;
  let pending: Promise<Result<DecodedSlice, DicomError>> | undefined;
  return {
    peek: () => done,
    load() {
      pending ??= decode().then((result) => {
        if (result.ok) done = result.value;
        return result;
      });
      return pending;
    },
  };
}

/** The first slice of a file: the single-frame view the first screen was built on. */
export function parseCtInstance(bytes: Uint8Array, file: string): Result<CtInstance, DicomError> {
  const parsed = parseDicomFile(bytes, file);
  if (!parsed.ok) return parsed;
  const [first] = parsed.value;
  return first ? ok(first) : err(dicomError('NO_PIXEL_DATA', file));
}
