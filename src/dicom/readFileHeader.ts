// The first bytes of a file -> everything about its slices except their pixels, and where those pixels are.
// Workers run this on a File.slice of the first ~64 KB, so a 300-file series is ordered before any pixel is read.
import type { DataSet } from 'dicom-parser';
import { err, ok, type Result } from '../shared/result';
import { calibrationFrom, spacingOf } from './calibration';
import { canDecodeCompressed, inflateDataset } from './codecGateway';
import type { SliceHeader } from './ctInstance';
import type { PixelFormat, PixelPadding } from './pixelTypes';
import { dicomDateToIso } from './dicomDate';
import { dicomError, type DicomError } from './dicomError';
import { countFragments } from './encapsulatedFrames';
import { readFrameAttributes } from './functionalGroups';
import { hasPart10Magic, parseDataSet, parseFileMeta, PART10_PREFIX_LENGTH } from './parseDataSet';
import { nativeFrameBytes, readPixelFormat, readPixelPadding } from './pixelFormat';
import { readInteger, readSpacing, readString } from './readAttributes';
import { TAG } from './tags';
import {
  DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, isBigEndian, isDeflated, isUncompressedTransferSyntax,
} from './transferSyntax';

/** Native pixel data: frame k starts at `offset + k * frameBytes`. */
export interface NativeLocation {
  readonly kind: 'native';
  readonly offset: number;
  readonly frameBytes: number;
  readonly bigEndian: boolean;
}

/** Where a file's pixel data is. */
export type PixelDataLocation =
  | NativeLocation
  /** `valueOffset`: the first item (the Basic Offset Table) of the encapsulated value; it runs to the file's end. */
  | { readonly kind: 'encapsulated'; readonly valueOffset: number }
  /** Deflated data set: native pixel data at `inflated`, counted in the inflated file (inflate the whole file first). */
  | { readonly kind: 'deflated'; readonly inflated: NativeLocation };

export interface FileHeader {
  readonly file: string;
  readonly transferSyntaxUid: string;
  readonly format: PixelFormat;
  readonly padding: PixelPadding | undefined;
  readonly pixelData: PixelDataLocation;
  /** One per frame, in frame order. */
  readonly slices: readonly SliceHeader[];
  /**
   * Native pixel data beyond Rows x Columns x frames (and the pad byte to even length): never shown, and a sign the
   * header does not describe the pixels (a wrong Rows, a frame left out of NumberOfFrames). 0 when it fits.
   */
  readonly extraPixelBytes: number;
}

export type HeaderRead =
  | { readonly kind: 'done'; readonly result: Result<FileHeader, DicomError> }
  /**
   * Read at least `bytes` from the start and try again: the header goes on past `prefix` (`for: 'header'`), or this
   * file is read whole (`for: 'file'`: a deflated data set, or a multi-frame compressed file's fragments to count),
   * which says nothing about how long other files' headers are.
   */
  | { readonly kind: 'need-more'; readonly bytes: number; readonly for: 'header' | 'file' };

/**
 * Reads the header from `prefix`, the first bytes of a file of `fileSize` bytes. A header that does not end within
 * the prefix asks for twice as much, up to the whole file; only then is a parse failure the file's fault.
 */
export function readFileHeader(prefix: Uint8Array, fileSize: number, file: string): HeaderRead {
  const whole = prefix.length >= fileSize;
  const more = (): HeaderRead => ({ kind: 'need-more', bytes: Math.min(fileSize, Math.max(prefix.length * 2, 4096)), for: 'header' });
  const done = (result: Result<FileHeader, DicomError>): HeaderRead => ({ kind: 'done', result });
  if (prefix.length < PART10_PREFIX_LENGTH && !whole) return more();
  if (!hasPart10Magic(prefix)) return done(err(dicomError('NOT_DICOM', file)));

  // A deflated data set is one stream after the meta group: nothing of it can be read from a prefix.
  const meta = parseFileMeta(prefix, file);
  if (meta.ok && isDeflated(readString(meta.value, TAG.TransferSyntaxUID)?.trim() ?? '')) {
    return whole ? done(readDeflatedHeader(prefix, file)) : { kind: 'need-more', bytes: fileSize, for: 'file' };
  }
  const parsed = parseDataSet(prefix, file, { untilPixelData: true });
  if (!parsed.ok) return whole ? done(parsed) : more();
  const ds = parsed.value;
  const transferSyntaxUid = readString(ds, TAG.TransferSyntaxUID)?.trim() ?? '';
  const pixelElement = ds.elements[TAG.PixelData];
  if (!pixelElement) {
    if (!whole) return more();
    // An image's header (Rows, Columns) with no pixel data after it is a file cut short, not a report.
    const image = ds.elements[TAG.Rows] !== undefined && ds.elements[TAG.Columns] !== undefined;
    return done(err(image ? dicomError('TRUNCATED', file, 'the file ends before its pixel data') : dicomError('NO_PIXEL_DATA', file)));
  }
  // A multi-frame compressed file is read whole, so its frame count is checked against its fragments before a header
  // is built for each frame, when it is small, or when it declares so many frames that building their headers on
  // trust would cost more than reading it. Others are checked against their size here, and their fragments later.
  const encapsulated = pixelElement.hadUndefinedLength === true || pixelElement.length === 0xffffffff;
  const frames = readInteger(ds, TAG.NumberOfFrames) ?? 1;
  const room = encapsulatedFrameRoom(fileSize - pixelElement.dataOffset);
  const countFirst = fileSize <= COUNT_FRAGMENTS_UP_TO_BYTES || frames > FRAMES_BUILT_ON_TRUST;
  if (encapsulated && !whole && frames > 1 && frames <= room && countFirst) {
    return { kind: 'need-more', bytes: fileSize, for: 'file' };
  }
  return done(headerOf(ds, whole ? prefix : undefined, transferSyntaxUid, fileSize, file));
}

/** Multi-frame compressed files up to this size are read whole by the header scan, to count their fragments. */
const COUNT_FRAGMENTS_UP_TO_BYTES = 16 * 1024 * 1024;
/** More declared frames than this (far beyond a CT series) are counted in any file, whatever its size. */
const FRAMES_BUILT_ON_TRUST = 10_000;

/** A deflated file's header, read from its inflated form; its pixels are found there too. */
function readDeflatedHeader(bytes: Uint8Array, file: string): Result<FileHeader, DicomError> {
  const inflated = inflateDataset(bytes);
  if (!inflated.ok) return err(dicomError(inflated.error.code, file, inflated.error.detail));
  const inner = readFileHeader(inflated.value, inflated.value.length, file);
  if (inner.kind !== 'done' || !inner.result.ok) {
    return inner.kind === 'done' ? inner.result : err(dicomError('MALFORMED', file, 'inflated header longer than the file'));
  }
  const header = inner.result.value;
  if (header.pixelData.kind !== 'native') return err(dicomError('MALFORMED', file, 'deflated data set without native pixel data'));
  return ok({
    ...header,
    transferSyntaxUid: DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
    pixelData: { kind: 'deflated', inflated: header.pixelData },
    slices: header.slices.map((slice) => ({ ...slice, transferSyntaxUid: DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN })),
  });
}

/** `whole`: the whole file, when it was read (its fragments are then counted). */
function headerOf(ds: DataSet, whole: Uint8Array | undefined, transferSyntaxUid: string, fileSize: number, file: string):
  Result<FileHeader, DicomError> {
  const fail = (code: DicomError['code'], detail?: string) => err(dicomError(code, file, detail));
  const uids = readUids(ds);
  if (typeof uids === 'string') return fail('MISSING_ATTRIBUTE', uids);
  const format = readPixelFormat(ds);
  if (!format.ok) {
    return format.error.kind === 'missing'
      ? fail('MISSING_ATTRIBUTE', format.error.attribute)
      : fail('UNSUPPORTED_PIXEL_FORMAT', format.error.detail);
  }
  const numberOfFrames = readInteger(ds, TAG.NumberOfFrames) ?? 1;
  if (!Number.isInteger(numberOfFrames) || numberOfFrames < 1) return fail('MALFORMED', `NumberOfFrames ${numberOfFrames}`);

  const location = locatePixelData(ds, transferSyntaxUid, format.value, numberOfFrames, fileSize, whole);
  if (!location.ok) return fail(location.error.code, location.error.detail);
  const extraPixelBytes = location.value.kind === 'native' ? extraNativeBytes(ds, location.value.frameBytes * numberOfFrames) : 0;
  const padding = readPixelPadding(ds, format.value);
  const common = commonAttributes(ds, file, uids, format.value, padding, transferSyntaxUid, numberOfFrames);
  const imagerSpacing = readSpacing(ds, TAG.ImagerPixelSpacing);
  const slices = Array.from({ length: numberOfFrames }, (_, frameIndex): SliceHeader => {
    const frame = readFrameAttributes(ds, frameIndex, numberOfFrames);
    const calibration = calibrationFrom(frame.pixelSpacingMm, imagerSpacing);
    return {
      ...common,
      frameNumber: frameIndex + 1,
      calibration,
      pixelSpacingMm: spacingOf(calibration),
      sliceThicknessMm: frame.sliceThicknessMm,
      imagePositionPatientMm: frame.imagePositionPatientMm,
      imageOrientationPatient: frame.imageOrientationPatient,
      rescale: frame.rescale,
      window: frame.window,
    };
  });
  return ok({ file, transferSyntaxUid, format: format.value, padding, pixelData: location.value, slices, extraPixelBytes });
}

type Common = Omit<SliceHeader, 'frameNumber' | 'calibration' | 'pixelSpacingMm' | 'sliceThicknessMm'
  | 'imagePositionPatientMm' | 'imageOrientationPatient' | 'rescale' | 'window'>;

function commonAttributes(ds: DataSet, file: string, uids: Uids, format: PixelFormat, padding: PixelPadding | undefined,
  transferSyntaxUid: string, numberOfFrames: number): Common {
  return {
    file,
    patient: { id: readString(ds, TAG.PatientID) ?? '', name: readString(ds, TAG.PatientName) ?? '' },
    ...uids,
    numberOfFrames,
    studyDate: dicomDateToIso(readString(ds, TAG.StudyDate)),
    studyDescription: readString(ds, TAG.StudyDescription) ?? '',
    seriesDescription: readString(ds, TAG.SeriesDescription) ?? '',
    seriesNumber: readInteger(ds, TAG.SeriesNumber),
    modality: readString(ds, TAG.Modality) ?? '',
    instanceNumber: readInteger(ds, TAG.InstanceNumber),
    rows: format.rows,
    columns: format.columns,
    bitsAllocated: format.bitsAllocated,
    bitsStored: format.bitsStored,
    pixelRepresentation: format.pixelRepresentation,
    samplesPerPixel: format.samplesPerPixel,
    photometricInterpretation: format.photometricInterpretation,
    pixelPadding: padding,
    transferSyntaxUid,
  };
}

// Photometric interpretations that only exist inside a compressed stream (PS3.3 C.7.6.3.1.2).
const CODEC_ONLY_COLOUR = new Set(['YBR_PARTIAL_420', 'YBR_ICT', 'YBR_RCT']);

/** Bytes of native pixel data past what the header describes, the pad to even length aside. */
function extraNativeBytes(ds: DataSet, needed: number): number {
  const length = ds.elements[TAG.PixelData]?.length ?? 0;
  return Math.max(0, length - needed - (needed % 2));
}

/**
 * The least an encapsulated frame can take: its fragment's item header (8 bytes) and a codestream's start and end
 * markers (4 bytes). A NumberOfFrames the pixel data has no room for is refused before anything is built per frame.
 */
const MIN_ENCAPSULATED_FRAME_BYTES = 12;

/** How many frames `available` bytes of encapsulated pixel data (its offset table's item header first) can hold. */
const encapsulatedFrameRoom = (available: number): number =>
  Math.max(0, Math.floor((available - 8) / MIN_ENCAPSULATED_FRAME_BYTES));

function locatePixelData(ds: DataSet, transferSyntaxUid: string, format: PixelFormat, frames: number, fileSize: number,
  whole: Uint8Array | undefined): Result<PixelDataLocation, { code: DicomError['code']; detail: string }> {
  const element = ds.elements[TAG.PixelData];
  if (!element) return err({ code: 'NO_PIXEL_DATA', detail: '' });
  const undefinedLength = element.hadUndefinedLength === true || element.length === 0xffffffff;
  if (isUncompressedTransferSyntax(transferSyntaxUid)) {
    if (undefinedLength) return err({ code: 'MALFORMED', detail: 'encapsulated pixel data in an uncompressed transfer syntax' });
    if (CODEC_ONLY_COLOUR.has(format.photometricInterpretation)) {
      return err({ code: 'UNSUPPORTED_PIXEL_FORMAT', detail: `${format.photometricInterpretation} in native pixel data` });
    }
    const frameBytes = nativeFrameBytes(format);
    const needed = frameBytes * frames;
    if (element.length < needed) {
      return err({ code: 'TRUNCATED', detail: `pixel data has ${element.length} bytes, ${needed} expected` });
    }
    if (element.dataOffset + needed > fileSize) {
      return err({ code: 'TRUNCATED', detail: `the file ends ${element.dataOffset + needed - fileSize} bytes into the pixel data` });
    }
    return ok({ kind: 'native', offset: element.dataOffset, frameBytes, bigEndian: isBigEndian(transferSyntaxUid) });
  }
  if (!canDecodeCompressed(transferSyntaxUid)) return err({ code: 'UNSUPPORTED_TRANSFER_SYNTAX', detail: transferSyntaxUid });
  if (!undefinedLength) return err({ code: 'MALFORMED', detail: 'native pixel data in a compressed transfer syntax' });
  if (element.dataOffset + 8 > fileSize) return err({ code: 'TRUNCATED', detail: 'the file ends before the first fragment' });
  const available = fileSize - element.dataOffset;
  const room = encapsulatedFrameRoom(available);
  if (frames > room) {
    return err({ code: 'FRAME_COUNT_MISMATCH', detail: `NumberOfFrames is ${frames}; the ${available} bytes of pixel data have room for at most ${room}` });
  }
  const fragments = whole === undefined ? undefined : countFragments(whole.subarray(element.dataOffset));
  if (fragments !== undefined && fragments < frames) {
    return err({ code: 'FRAME_COUNT_MISMATCH', detail: `NumberOfFrames is ${frames}; the pixel data holds ${fragments} fragment(s)` });
  }
  return ok({ kind: 'encapsulated', valueOffset: element.dataOffset });
}

type Uids = Pick<SliceHeader, 'sopInstanceUid' | 'seriesInstanceUid' | 'studyInstanceUid'>;

/** The identifiers without which we cannot group or de-duplicate; returns the first missing one's name. */
function readUids(ds: DataSet): Uids | string {
  const sopInstanceUid = readString(ds, TAG.SOPInstanceUID);
  if (sopInstanceUid === undefined) return 'SOPInstanceUID';
  const seriesInstanceUid = readString(ds, TAG.SeriesInstanceUID);
  if (seriesInstanceUid === undefined) return 'SeriesInstanceUID';
  const studyInstanceUid = readString(ds, TAG.StudyInstanceUID);
  if (studyInstanceUid === undefined) return 'StudyInstanceUID';
  return { sopInstanceUid, seriesInstanceUid, studyInstanceUid };
}
