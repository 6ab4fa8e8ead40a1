// The Image Pixel module (PS3.3 C.7.6.3): which pixel layouts we can draw, and the ones we say no to by name.
import type { DataSet } from 'dicom-parser';
import { err, ok, type Result } from '../shared/result';
import type { PhotometricInterpretation, PixelFormat, PixelPadding } from './pixelTypes';
import { readString, readUnsigned16 } from './readAttributes';
import { TAG } from './tags';

const GREYSCALE = new Set<string>(['MONOCHROME1', 'MONOCHROME2']);
// The colour interpretations a file may carry: native RGB/YBR_FULL/YBR_FULL_422, and those only codecs produce.
const COLOUR = new Set<string>(['RGB', 'YBR_FULL', 'YBR_FULL_422', 'YBR_PARTIAL_420', 'YBR_ICT', 'YBR_RCT']);

/** Why a layout is refused (becomes UNSUPPORTED_PIXEL_FORMAT), or which attribute was missing (MISSING_ATTRIBUTE). */
export type PixelFormatProblem = { readonly kind: 'missing'; readonly attribute: string } | { readonly kind: 'unsupported'; readonly detail: string };

/**
 * The largest frame we decode: 8192 x 8192 at 16 bits (a CT slice is 0.5 MB, a mammogram about 40 MB). A compressed
 * stream can claim any size in a few bytes, and its decoder allocates what it claims before the first pixel: a
 * 65535 x 65535 header and stream would take 8 GB.
 */
const MAX_FRAME_BYTES = 128 * 2 ** 20;

export function readPixelFormat(ds: DataSet): Result<PixelFormat, PixelFormatProblem> {
  const missing = (attribute: string) => err({ kind: 'missing' as const, attribute });
  const rows = readUnsigned16(ds, TAG.Rows);
  if (!rows) return missing('Rows');
  const columns = readUnsigned16(ds, TAG.Columns);
  if (!columns) return missing('Columns');
  const bitsAllocated = readUnsigned16(ds, TAG.BitsAllocated);
  if (!bitsAllocated) return missing('BitsAllocated');
  const representation = readUnsigned16(ds, TAG.PixelRepresentation);
  if (representation === undefined) return missing('PixelRepresentation');
  const photometric = readString(ds, TAG.PhotometricInterpretation)?.trim();
  if (photometric === undefined) return missing('PhotometricInterpretation');
  const samples = readUnsigned16(ds, TAG.SamplesPerPixel) ?? 1;
  // BitsStored is Type 1, but an absent one is safely "all of them".
  const bitsStored = readUnsigned16(ds, TAG.BitsStored) ?? bitsAllocated;
  const planar = readUnsigned16(ds, TAG.PlanarConfiguration) ?? 0;

  const layout = `${photometric}, ${samples} sample(s), ${bitsAllocated} bits allocated, ${bitsStored} stored`;
  const unsupported = (why: string) => err({ kind: 'unsupported' as const, detail: `${why} (${layout})` });
  if (bitsAllocated !== 8 && bitsAllocated !== 16) return unsupported('only 8 or 16 bits allocated');
  if (bitsStored < 1 || bitsStored > bitsAllocated) return unsupported('BitsStored out of range');
  const greyscale = GREYSCALE.has(photometric);
  if (!greyscale && !COLOUR.has(photometric)) return unsupported('photometric interpretation not supported');
  if (greyscale && samples !== 1) return unsupported('greyscale needs 1 sample per pixel');
  if (!greyscale && (samples !== 3 || bitsAllocated !== 8)) return unsupported('colour needs 3 samples of 8 bits');
  const frameBytes = rows * columns * samples * (bitsAllocated / 8);
  if (frameBytes > MAX_FRAME_BYTES) {
    return unsupported(`a ${columns} x ${rows} frame takes ${Math.round(frameBytes / 2 ** 20)} MB decoded; at most ${MAX_FRAME_BYTES / 2 ** 20} MB is read`);
  }
  return ok({
    rows,
    columns,
    bitsAllocated,
    bitsStored,
    pixelRepresentation: representation === 1 ? 'signed' : 'unsigned',
    samplesPerPixel: greyscale ? 1 : 3,
    photometricInterpretation: photometric as PhotometricInterpretation,
    planarConfiguration: planar === 1 ? 1 : 0,
  });
}

/**
 * Pixel padding in the pixel data's own representation. The element is US or SS as PixelRepresentation says, which an
 * implicit-VR file does not record, so it is read as 16 raw bits and given the pixel data's sign.
 */
export function readPixelPadding(ds: DataSet, format: PixelFormat): PixelPadding | undefined {
  if (format.samplesPerPixel !== 1) return undefined;
  const value = readUnsigned16(ds, TAG.PixelPaddingValue);
  if (value === undefined) return undefined;
  const limit = readUnsigned16(ds, TAG.PixelPaddingRangeLimit);
  const signed = (raw: number) => (format.pixelRepresentation === 'signed' && raw > 0x7fff ? raw - 0x10000 : raw);
  return { value: signed(value), rangeLimit: limit === undefined ? undefined : signed(limit) };
}

/** Bytes of one native frame; YBR_FULL_422 keeps one Cb and Cr per two pixels (PS3.3 C.7.6.3.1.2). */
export function nativeFrameBytes(format: PixelFormat): number {
  const pixels = format.rows * format.columns;
  if (format.photometricInterpretation === 'YBR_FULL_422') return pixels * 2;
  return pixels * format.samplesPerPixel * (format.bitsAllocated / 8);
}
