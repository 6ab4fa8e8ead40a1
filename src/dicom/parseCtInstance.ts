// Bytes of one DICOM Part 10 file -> a typed greyscale instance with its stored pixels, or a DicomError.
import type { DataSet } from 'dicom-parser';
import { err, ok, type Result } from '../shared/result';
import type { CtInstance, PhotometricInterpretation } from './ctInstance';
import { dicomDateToIso } from './dicomDate';
import { dicomError, type DicomError } from './dicomError';
import { parseDataSet } from './parseDataSet';
import {
  readDecimal, readImageOrientation, readImagePosition, readInteger, readPixelSpacing, readString, readUnsigned16,
  readWindow,
} from './readAttributes';
import { storedPixels } from './storedPixels';
import { TAG } from './tags';
import { isBigEndian, isUncompressedTransferSyntax } from './transferSyntax';

export function parseCtInstance(bytes: Uint8Array, file: string): Result<CtInstance, DicomError> {
  const parsed = parseDataSet(bytes, file);
  if (!parsed.ok) return parsed;
  const ds = parsed.value;
  const fail = (code: DicomError['code'], detail?: string) => err(dicomError(code, file, detail));

  const pixelElement = ds.elements[TAG.PixelData];
  if (!pixelElement) return fail('NO_PIXEL_DATA');

  const transferSyntaxUid = readString(ds, TAG.TransferSyntaxUID) ?? '';
  if (!isUncompressedTransferSyntax(transferSyntaxUid)) return fail('UNSUPPORTED_TRANSFER_SYNTAX', transferSyntaxUid);
  if (pixelElement.encapsulatedPixelData || pixelElement.hadUndefinedLength) {
    return fail('MALFORMED', 'encapsulated pixel data in an uncompressed transfer syntax');
  }

  const required = readRequired(ds);
  if (typeof required === 'string') return fail('MISSING_ATTRIBUTE', required);
  const { rows, columns, bitsAllocated, pixelRepresentation, photometric } = required;

  const samplesPerPixel = readUnsigned16(ds, TAG.SamplesPerPixel) ?? 1;
  const frames = readInteger(ds, TAG.NumberOfFrames) ?? 1;
  const format = `${photometric}, ${samplesPerPixel} sample(s), ${bitsAllocated} bits, ${frames} frame(s)`;
  if (!isMonochrome(photometric) || samplesPerPixel !== 1 || bitsAllocated !== 16 || frames !== 1) {
    return fail('UNSUPPORTED_PIXEL_FORMAT', format);
  }

  const pixelCount = rows * columns;
  if (pixelElement.length < pixelCount * 2) {
    return fail('TRUNCATED', `pixel data has ${pixelElement.length} bytes, ${pixelCount * 2} expected`);
  }
  const signed = pixelRepresentation === 1;
  const pixels = storedPixels(ds.byteArray, {
    offset: pixelElement.dataOffset, pixelCount, signed, bigEndian: isBigEndian(transferSyntaxUid),
  });

  return ok({
    file,
    patient: { id: readString(ds, TAG.PatientID) ?? '', name: readString(ds, TAG.PatientName) ?? '' },
    studyInstanceUid: required.studyInstanceUid,
    seriesInstanceUid: required.seriesInstanceUid,
    sopInstanceUid: required.sopInstanceUid,
    studyDate: dicomDateToIso(readString(ds, TAG.StudyDate)),
    studyDescription: readString(ds, TAG.StudyDescription) ?? '',
    seriesDescription: readString(ds, TAG.SeriesDescription) ?? '',
    seriesNumber: readInteger(ds, TAG.SeriesNumber),
    modality: readString(ds, TAG.Modality) ?? '',
    instanceNumber: readInteger(ds, TAG.InstanceNumber),
    rows,
    columns,
    pixelSpacingMm: readPixelSpacing(ds),
    sliceThicknessMm: readDecimal(ds, TAG.SliceThickness),
    imagePositionPatientMm: readImagePosition(ds),
    imageOrientationPatient: readImageOrientation(ds),
    // Absent rescale means identity (MR, and CT writers that omit it, which PS3.3 C.8.2.1 forbids but happens).
    rescale: { slope: readDecimal(ds, TAG.RescaleSlope) ?? 1, intercept: readDecimal(ds, TAG.RescaleIntercept) ?? 0 },
    window: readWindow(ds),
    bitsAllocated: 16,
    bitsStored: readUnsigned16(ds, TAG.BitsStored) ?? 16,
    pixelRepresentation: signed ? 'signed' : 'unsigned',
    photometricInterpretation: photometric,
    transferSyntaxUid,
    pixels,
  });
}

interface RequiredAttributes {
  sopInstanceUid: string;
  seriesInstanceUid: string;
  studyInstanceUid: string;
  rows: number;
  columns: number;
  bitsAllocated: number;
  pixelRepresentation: number;
  photometric: string;
}

/** The attributes without which we cannot place or draw the image; returns the first missing one's name. */
function readRequired(ds: DataSet): RequiredAttributes | string {
  const sopInstanceUid = readString(ds, TAG.SOPInstanceUID);
  if (sopInstanceUid === undefined) return 'SOPInstanceUID';
  const seriesInstanceUid = readString(ds, TAG.SeriesInstanceUID);
  if (seriesInstanceUid === undefined) return 'SeriesInstanceUID';
  const studyInstanceUid = readString(ds, TAG.StudyInstanceUID);
  if (studyInstanceUid === undefined) return 'StudyInstanceUID';
  const rows = readUnsigned16(ds, TAG.Rows);
  if (!rows) return 'Rows';
  const columns = readUnsigned16(ds, TAG.Columns);
  if (!columns) return 'Columns';
  const bitsAllocated = readUnsigned16(ds, TAG.BitsAllocated);
  if (!bitsAllocated) return 'BitsAllocated';
  const pixelRepresentation = readUnsigned16(ds, TAG.PixelRepresentation);
  if (pixelRepresentation === undefined) return 'PixelRepresentation';
  const photometric = readString(ds, TAG.PhotometricInterpretation);
  if (photometric === undefined) return 'PhotometricInterpretation';
  return {
    sopInstanceUid, seriesInstanceUid, studyInstanceUid, rows, columns, bitsAllocated, pixelRepresentation, photometric,
  };
}

const isMonochrome = (value: string): value is PhotometricInterpretation =>
  value === 'MONOCHROME1' || value === 'MONOCHROME2';
