import { describe, expect, it } from 'vitest';
import { parseCtInstance } from '../../src/dicom/parseCtInstance';
import type { CtInstance } from '../../src/dicom/ctInstance';
import type { DicomErrorCode } from '../../src/dicom/dicomError';
import { ctSliceElements, T, without, type CtSliceSpec } from './fixtures/ctSlice';
import { storedValuesOf } from './fixtures/instance';
import { TS, writeDicom, type DicomElementSpec } from './fixtures/writeDicom';

const MPEG2 = '1.2.840.10008.1.2.4.100';
const SIGNED_EDGE_VALUES = [-1024, -1, 0, 1, 1000, 32767, -32768, -2000, 3071, 5, 6, 7];

function parsed(bytes: Uint8Array, file = 'slice.dcm'): CtInstance {
  const result = parseCtInstance(bytes, file);
  if (!result.ok) throw new Error(`expected a parsed instance, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const file = (overrides: Partial<CtSliceSpec> = {}, transferSyntaxUid: string = TS.explicitLittle) =>
  writeDicom(ctSliceElements(overrides), { transferSyntaxUid });

describe('parseCtInstance reads stored pixels in every uncompressed transfer syntax', () => {
  it.each([
    ['Implicit VR Little Endian', TS.implicitLittle],
    ['Explicit VR Little Endian', TS.explicitLittle],
    ['Explicit VR Big Endian (bytes swapped)', TS.explicitBig],
  ])('%s: signed values survive, including -32768 and 32767', (_, uid) => {
    const instance = parsed(file({ pixels: SIGNED_EDGE_VALUES }, uid));
    expect(storedValuesOf(instance)).toBeInstanceOf(Int16Array);
    expect(Array.from(storedValuesOf(instance))).toEqual(SIGNED_EDGE_VALUES);
    expect(instance.transferSyntaxUid).toBe(uid);
    expect(instance.pixelRepresentation).toBe('signed');
  });

  it.each([
    ['Explicit VR Little Endian', TS.explicitLittle],
    ['Explicit VR Big Endian', TS.explicitBig],
  ])('%s: unsigned values above 32767 stay positive', (_, uid) => {
    const values = [0, 1, 32768, 40000, 65535, 2, 3, 4, 5, 6, 7, 8];
    const instance = parsed(file({ signed: false, pixels: values }, uid));
    expect(storedValuesOf(instance)).toBeInstanceOf(Uint16Array);
    expect(Array.from(storedValuesOf(instance))).toEqual(values);
  });

  it('little-endian pixels are a view on the file bytes, not a copy', () => {
    const bytes = file();
    expect(storedValuesOf(parsed(bytes)).buffer).toBe(bytes.buffer);
  });

  it('big-endian pixels are a swapped copy and the file bytes are left untouched', () => {
    const bytes = file({ pixels: SIGNED_EDGE_VALUES }, TS.explicitBig);
    const before = bytes.slice();
    expect(storedValuesOf(parsed(bytes)).buffer).not.toBe(bytes.buffer);
    expect(bytes).toEqual(before);
  });

  it('bytes at an odd offset in their buffer still decode (one aligned copy)', () => {
    const bytes = file({ pixels: SIGNED_EDGE_VALUES });
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(Array.from(storedValuesOf(parsed(shifted.subarray(1))))).toEqual(SIGNED_EDGE_VALUES);
  });
});

describe('parseCtInstance reads the attributes the viewer and measurements need', () => {
  const instance = parsed(file({ rows: 4, columns: 3 }), 'baseline/IM0001.dcm');

  it.each<[string, unknown, unknown]>([
    ['file', instance.file, 'baseline/IM0001.dcm'],
    ['patient', instance.patient, { id: 'RR-0001', name: 'SAMPLE^ABDOMEN' }],
    ['UIDs', [instance.studyInstanceUid, instance.seriesInstanceUid, instance.sopInstanceUid], ['1.2.3', '1.2.3.4', '1.2.3.4.5']],
    ['study date as ISO', instance.studyDate, '2023-01-09'],
    ['modality', instance.modality, 'CT'],
    ['series description and number', [instance.seriesDescription, instance.seriesNumber], ['AXIAL 5mm', 2]],
    ['rows x columns', [instance.rows, instance.columns], [4, 3]],
    ['pixel spacing: row (vertical) first, then column', instance.pixelSpacingMm, { row: 0.7, column: 0.8 }],
    ['slice thickness', instance.sliceThicknessMm, 5],
    ['image position', instance.imagePositionPatientMm, [-100, -120, 50]],
    ['image orientation', instance.imageOrientationPatient, { row: [1, 0, 0], column: [0, 1, 0] }],
    ['rescale', instance.rescale, { slope: 1, intercept: -1024 }],
    ['first of several window presets', instance.window, { centre: 40, width: 400 }],
    ['bits', [instance.bitsAllocated, instance.bitsStored], [16, 16]],
    ['photometric interpretation', instance.photometricInterpretation, 'MONOCHROME2'],
    ['instance number', instance.instanceNumber, 1],
  ])('%s', (_, actual, expected) => expect(actual).toEqual(expected));

  it('MONOCHROME1 is kept, so the viewer can invert it', () => {
    expect(parsed(file({ photometric: 'MONOCHROME1' })).photometricInterpretation).toBe('MONOCHROME1');
  });

  it('a file without PixelSpacing has no spacing (not a silent 1 mm)', () => {
    expect(parsed(file({ pixelSpacing: undefined })).pixelSpacingMm).toBeUndefined();
  });

  it('a file without rescale attributes gets the identity modality LUT', () => {
    const elements = without(without(ctSliceElements(), T.RescaleSlope), T.RescaleIntercept);
    expect(parsed(writeDicom(elements, { transferSyntaxUid: TS.explicitLittle })).rescale).toEqual({ slope: 1, intercept: 0 });
  });
});

describe('parseCtInstance returns an error code, never throws, for files it cannot use', () => {
  const valid = file();
  const ascii = (s: string) => new TextEncoder().encode(s);
  const write = (elements: DicomElementSpec[], uid: string = TS.explicitLittle) =>
    writeDicom(elements, { transferSyntaxUid: uid });

  it.each<[string, Uint8Array, DicomErrorCode, string | undefined]>([
    ['a text file', ascii('patient notes: nothing to see here\n'), 'NOT_DICOM', undefined],
    ['an empty file', new Uint8Array(0), 'NOT_DICOM', undefined],
    ['a PNG signature', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(200).fill(0)]), 'NOT_DICOM', undefined],
    ['132 zero bytes (no DICM)', new Uint8Array(132), 'NOT_DICOM', undefined],
    // A report has neither pixel data nor the Image Pixel module; an image's header without pixel data is a file cut short.
    ['no PixelData (e.g. a structured report)', write(without(without(without(ctSliceElements(), T.PixelData), T.Rows), T.Columns)), 'NO_PIXEL_DATA', undefined],
    ['an image header and no PixelData: cut short at the pixel data', write(without(ctSliceElements(), T.PixelData)), 'TRUNCATED', undefined],
    ['an MPEG-2 transfer syntax', write(ctSliceElements(), MPEG2), 'UNSUPPORTED_TRANSFER_SYNTAX', MPEG2],
    ['a file cut short inside the pixel data', valid.subarray(0, valid.length - 7), 'TRUNCATED', undefined],
    ['pixel data shorter than Rows x Columns', file({ rows: 4, columns: 3, pixels: [1, 2, 3] }), 'TRUNCATED', undefined],
    ['no Rows', write(without(ctSliceElements(), T.Rows)), 'MISSING_ATTRIBUTE', 'Rows'],
    ['no SeriesInstanceUID', write(without(ctSliceElements(), T.SeriesInstanceUID)), 'MISSING_ATTRIBUTE', 'SeriesInstanceUID'],
    ['no PhotometricInterpretation', write(without(ctSliceElements(), T.PhotometricInterpretation)), 'MISSING_ATTRIBUTE', 'PhotometricInterpretation'],
    ['RGB declared with one sample per pixel', file({ photometric: 'RGB' }), 'UNSUPPORTED_PIXEL_FORMAT', undefined],
    ['palette colour', file({ photometric: 'PALETTE COLOR' }), 'UNSUPPORTED_PIXEL_FORMAT', undefined],
  ])('%s -> %s', (_, bytes, code, detail) => {
    const result = parseCtInstance(bytes, 'some/file.dcm');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.file).toBe('some/file.dcm');
    if (detail !== undefined) expect(result.error.detail).toBe(detail);
  });
});
