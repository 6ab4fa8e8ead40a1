// What a compressed stream says about its own image, read from its frame header before anything is decoded: a
// decoder allocates what the stream says, not what the dataset says, so a stream relabelled 65535 x 65535 inside a
// 128 x 128 slice would take gigabytes and minutes before its size could be checked afterwards.
import { ok, type Result } from '../../shared/result';
import { corrupt, sizeMismatch, type CodecError } from './codecError';
import type { FrameInfo } from './frameTypes';

/** A stream's own account of its image. */
export interface StatedFrame {
  readonly width: number;
  readonly height: number;
  readonly componentCount: number;
  /** Bits per sample (the first component's, for JPEG 2000). */
  readonly precision: number;
}

const u16 = (bytes: Uint8Array, at: number): number => ((bytes[at] as number) << 8) | (bytes[at + 1] as number);
const u32 = (bytes: Uint8Array, at: number): number => u16(bytes, at) * 0x10000 + u16(bytes, at + 2);

const SOI = 0xd8;
const SOS = 0xda;
const EOI = 0xd9;
/** SOFn (T.81 B.1.1.3; C4, C8 and CC are other segments) and JPEG-LS's SOF55 (T.87 C.2.2). */
const isFrameMarker = (marker: number): boolean =>
  (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xf7;
/** Markers with no length after them: RSTn, TEM, SOI (T.81 B.1.1.3, Table B.1). */
const standsAlone = (marker: number): boolean => (marker >= 0xd0 && marker <= 0xd8) || marker === 0x01;

/** The frame header (SOFn, or SOF55 for JPEG-LS) of a JPEG or JPEG-LS stream. */
export function jpegStatedFrame(frame: Uint8Array): Result<StatedFrame, CodecError> {
  if (frame[0] !== 0xff || frame[1] !== SOI) return corrupt('the JPEG stream does not start with SOI');
  let at = 2;
  while (at + 1 < frame.length) {
    if (frame[at] !== 0xff) return corrupt(`the JPEG stream has no marker at byte ${at} of its header`);
    const marker = frame[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    if (standsAlone(marker)) {
      at += 2;
      continue;
    }
    if (marker === SOS || marker === EOI) break;
    if (isFrameMarker(marker)) {
      if (at + 10 > frame.length) break;
      return ok({
        precision: frame[at + 4] as number,
        height: u16(frame, at + 5),
        width: u16(frame, at + 7),
        componentCount: frame[at + 9] as number,
      });
    }
    if (at + 4 > frame.length) break;
    at += 2 + u16(frame, at + 2);
  }
  return corrupt('the JPEG stream has no frame header (SOF) before its data');
}

/** The image and tile size (SIZ) of a JPEG 2000 codestream, bare or in a JP2 file's contiguous codestream box. */
export function j2kStatedFrame(frame: Uint8Array): Result<StatedFrame, CodecError> {
  const stream = j2kCodestream(frame);
  if (stream.length < 43 || u16(stream, 0) !== 0xff4f || u16(stream, 2) !== 0xff51) {
    return corrupt('the JPEG 2000 codestream does not start with SOC and SIZ');
  }
  return ok({
    width: u32(stream, 8) - u32(stream, 16),
    height: u32(stream, 12) - u32(stream, 20),
    componentCount: u16(stream, 40),
    precision: ((stream[42] as number) & 0x7f) + 1,
  });
}

const JP2_SIGNATURE = [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20];

/** The codestream itself: a frame is one (PS3.5 A.4.4), but some writers wrap it in a JP2 file (ISO 15444-1 I.5.4). */
export function j2kCodestream(frame: Uint8Array): Uint8Array {
  if (!JP2_SIGNATURE.every((byte, i) => frame[i] === byte)) return frame;
  let at = 0;
  while (at + 8 <= frame.length) {
    const length = u32(frame, at);
    const type = String.fromCharCode(...frame.subarray(at + 4, at + 8));
    const header = length === 1 ? 16 : 8;
    if (type === 'jp2c') return frame.subarray(at + header, length === 0 ? frame.length : at + length);
    const size = length === 1 ? u32(frame, at + 8) * 2 ** 32 + u32(frame, at + 12) : length;
    if (size < header) break;
    at += size;
  }
  return new Uint8Array(0);
}

/**
 * A stream whose own size, components or depth disagree with the dataset's Rows, Columns, SamplesPerPixel and
 * BitsAllocated is refused before its decoder allocates anything for it.
 */
export function checkStatedFrame(stated: Result<StatedFrame, CodecError>, info: FrameInfo): Result<true, CodecError> {
  if (!stated.ok) return stated;
  const { width, height, componentCount, precision } = stated.value;
  if (width !== info.columns || height !== info.rows || componentCount !== info.samplesPerPixel) {
    return sizeMismatch(
      `the compressed stream says ${width}x${height}x${componentCount}; the dataset says ` +
        `${info.columns}x${info.rows}x${info.samplesPerPixel}`,
    );
  }
  if (precision > info.bitsAllocated) {
    return sizeMismatch(`the compressed stream has ${precision}-bit samples; BitsAllocated is ${info.bitsAllocated}`);
  }
  return ok(true);
}

/**
 * A JPEG 2000 codestream's tile parts, each as long as its SOT says (Psot), must run exactly to EOC: bytes lost or
 * added inside it (a damaged copy that still ends in FF D9) show here, where OpenJPEG decodes them without a word.
 * `end` is the codestream's length up to and including EOC.
 */
export function checkTileParts(stream: Uint8Array, end: number): Result<true, CodecError> {
  const SOT = 0xff90;
  const EOC = 0xffd9;
  let at = 2; // after SOC
  let tileParts = 0;
  while (at + 2 <= end) {
    const marker = u16(stream, at);
    if (marker === EOC) {
      if (at === end - 2 && tileParts > 0) return ok(true);
      break;
    }
    if (at + 4 > end) break;
    if (marker === SOT) {
      if (at + 10 > end) break;
      const length = u32(stream, at + 6);
      tileParts++;
      if (length === 0) return ok(true); // the last tile part, to EOC
      at += length;
      if (at > end - 2) return corrupt(`JPEG 2000 tile part ${tileParts} runs past the end of the codestream`);
      continue;
    }
    if (tileParts > 0) return corrupt(`JPEG 2000 tile part ${tileParts} is followed by byte ${at}, neither a tile part nor EOC`);
    if ((marker & 0xff00) !== 0xff00) break;
    at += 2 + u16(stream, at + 2); // a main header segment
  }
  return corrupt(tileParts === 0 ? 'the JPEG 2000 codestream has no tile part' : 'the JPEG 2000 codestream does not end after its tile parts');
}
