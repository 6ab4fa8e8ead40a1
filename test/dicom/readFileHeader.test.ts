import { describe, expect, it } from 'vitest';
import type { DicomErrorCode } from '../../src/dicom/dicomError';
import { sortSlices } from '../../src/dicom/geometry';
import { readFileHeader, type FileHeader } from '../../src/dicom/readFileHeader';
import { dcmjsImage, type ImageSpec } from './fixtures/dcmjsImage';
import { ctSliceElements } from './fixtures/ctSlice';
import { writeDicom } from './fixtures/writeDicom';

function header(bytes: Uint8Array, file = 'x.dcm'): FileHeader {
  const read = readFileHeader(bytes, bytes.length, file);
  if (read.kind !== 'done' || !read.result.ok) throw new Error(`expected a header, got ${JSON.stringify(read)}`);
  return read.result.value;
}
const first = (spec: ImageSpec) => header(dcmjsImage(spec)).slices[0];

describe('readFileHeader reads every attribute the viewer, the browser and measurements use', () => {
  const h = header(dcmjsImage({ rows: 4, columns: 5 }), 'study/IM1.dcm');
  const slice = h.slices[0];

  it.each<[string, unknown, unknown]>([
    ['file', slice?.file, 'study/IM1.dcm'],
    ['patient', slice?.patient, { id: 'FX-1', name: 'DCMJS^FIXTURE' }],
    ['study date (ISO) and description', [slice?.studyDate, slice?.studyDescription], ['2024-01-02', 'CT CHEST']],
    ['series description, number, modality', [slice?.seriesDescription, slice?.seriesNumber, slice?.modality], ['AXIAL', 3, 'CT']],
    ['rows x columns', [slice?.rows, slice?.columns], [4, 5]],
    ['calibration from PixelSpacing, row spacing first', slice?.calibration, { kind: 'pixel-spacing', rowMm: 0.5, columnMm: 0.6 }],
    ['pixelSpacingMm stays for the measurement code', slice?.pixelSpacingMm, { row: 0.5, column: 0.6 }],
    ['position and orientation', [slice?.imagePositionPatientMm, slice?.imageOrientationPatient], [[1, 2, 3], { row: [1, 0, 0], column: [0, 1, 0] }]],
    ['rescale (modality LUT) and window', [slice?.rescale, slice?.window], [{ slope: 1, intercept: -1024 }, { centre: 40, width: 400 }]],
    ['one frame, frame 1', [slice?.numberOfFrames, slice?.frameNumber], [1, 1]],
    ['pixel layout', h.format, {
      rows: 4, columns: 5, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 'signed', samplesPerPixel: 1,
      photometricInterpretation: 'MONOCHROME2', planarConfiguration: 0,
    }],
    ['where the pixels are', h.pixelData, { kind: 'native', offset: expect.any(Number) as number, frameBytes: 40, bigEndian: false }],
  ])('%s', (_, actual, expected) => expect(actual).toEqual(expected));
});

describe('calibration: PixelSpacing, else ImagerPixelSpacing (detector), else uncalibrated', () => {
  it.each<[string, ImageSpec, unknown, unknown]>([
    ['PixelSpacing wins over ImagerPixelSpacing', { imagerPixelSpacing: [0.2, 0.2] }, { kind: 'pixel-spacing', rowMm: 0.5, columnMm: 0.6 }, { row: 0.5, column: 0.6 }],
    ['ImagerPixelSpacing alone: lengths at the detector', { pixelSpacing: null, imagerPixelSpacing: [0.14, 0.15] }, { kind: 'imager-pixel-spacing', rowMm: 0.14, columnMm: 0.15 }, { row: 0.14, column: 0.15 }],
    ['neither: uncalibrated, and no silent 1 mm', { pixelSpacing: null }, { kind: 'uncalibrated' }, undefined],
  ])('%s', (_, spec, calibration, spacing) => {
    expect([first(spec)?.calibration, first(spec)?.pixelSpacingMm]).toEqual([calibration, spacing]);
  });
});

describe('pixel attributes that change how values are shown', () => {
  it.each<[string, ImageSpec, Record<string, unknown>]>([
    ['MONOCHROME1 is kept, for the viewer to invert', { photometric: 'MONOCHROME1' }, { photometricInterpretation: 'MONOCHROME1' }],
    ['BitsStored 12 of 16', { bitsStored: 12 }, { bitsStored: 12, bitsAllocated: 16 }],
    ['8-bit unsigned', { bitsAllocated: 8, signed: false, pixels: [0, 1, 2, 3, 4, 255] }, { bitsAllocated: 8, pixelRepresentation: 'unsigned' }],
    ['RGB, 3 samples', { photometric: 'RGB', samplesPerPixel: 3, bitsAllocated: 8, signed: false }, { samplesPerPixel: 3, photometricInterpretation: 'RGB' }],
    ['signed padding value', { padding: { value: -2000 } }, { pixelPadding: { value: -2000, rangeLimit: undefined } }],
    ['unsigned padding with a range limit', { signed: false, padding: { value: 0, rangeLimit: 10 } }, { pixelPadding: { value: 0, rangeLimit: 10 } }],
  ])('%s', (_, spec, expected) => expect(first(spec)).toMatchObject(expected));

  it('RGB planar configuration is read', () => {
    expect(header(dcmjsImage({ photometric: 'RGB', samplesPerPixel: 3, bitsAllocated: 8, signed: false, planarConfiguration: 1 })).format.planarConfiguration).toBe(1);
  });
});

describe('multi-frame: each frame is a slice', () => {
  it('enhanced: positions per frame, orientation, spacing and thickness shared, rescale per frame over shared', () => {
    const h = header(dcmjsImage({
      frames: 3, perFramePositions: [[0, 0, 10], [0, 0, 30], [0, 0, 20]],
      perFrameRescale: [{ slope: 1, intercept: -1024 }, { slope: 2, intercept: -1000 }, { slope: 1, intercept: -1024 }],
    }));
    expect(h.slices.map((s) => [s.frameNumber, s.numberOfFrames, s.imagePositionPatientMm?.[2], s.rescale.slope])).toEqual([
      [1, 3, 10, 1], [2, 3, 30, 2], [3, 3, 20, 1],
    ]);
    expect(h.slices.every((s) => s.sliceThicknessMm === 1.25 && s.pixelSpacingMm?.column === 0.6)).toBe(true);
    expect(h.slices[0]?.imageOrientationPatient).toEqual({ row: [1, 0, 0], column: [0, 1, 0] });
    expect(sortSlices(h.slices).slices.map((s) => s.frameNumber)).toEqual([2, 3, 1]);
    expect(h.pixelData).toMatchObject({ kind: 'native', frameBytes: 12 });
  });

  it('without per-frame positions the frames stay in file order', () => {
    const h = header(dcmjsImage({ frames: 3 }));
    expect(h.slices.map((s) => s.imagePositionPatientMm)).toEqual([undefined, undefined, undefined]);
    const sorted = sortSlices(h.slices);
    expect([sorted.orderedBy, sorted.slices.map((s) => s.frameNumber)]).toEqual(['instanceNumber', [1, 2, 3]]);
  });
});

describe('reading from a prefix of the file', () => {
  const bytes = dcmjsImage({ privateBytes: 20000 });

  it('asks for more (twice as much) while the header goes on past the prefix', () => {
    expect(readFileHeader(bytes.subarray(0, 4096), bytes.length, 'x')).toEqual({ kind: 'need-more', bytes: 8192, for: 'header' });
  });

  it('needs only the bytes up to the PixelData element header', () => {
    const h = header(bytes);
    const location = h.pixelData.kind === 'native' ? h.pixelData.offset : 0;
    const read = readFileHeader(bytes.subarray(0, location), bytes.length, 'x');
    expect(read.kind === 'done' && read.result.ok).toBe(true);
  });

  it('a prefix of a text file is not DICOM at once', () => {
    const text = new TextEncoder().encode('x'.repeat(5000));
    expect(readFileHeader(text.subarray(0, 4096), text.length, 'notes.txt')).toMatchObject({ kind: 'done', result: { ok: false, error: { code: 'NOT_DICOM' } } });
  });
});

describe('readFileHeader says why a file gives no image', () => {
  const error = (bytes: Uint8Array, size = bytes.length) => {
    const read = readFileHeader(bytes, size, 'bad.dcm');
    return read.kind === 'done' && !read.result.ok ? [read.result.error.code, read.result.error.detail] : read;
  };
  const valid = dcmjsImage({ rows: 8, columns: 8 });

  it.each<[string, DicomErrorCode, Uint8Array, number, string | undefined]>([
    ['a text file', 'NOT_DICOM', new TextEncoder().encode('patient notes'), 13, undefined],
    ['cut short inside the pixel data', 'TRUNCATED', valid.subarray(0, valid.length - 10), valid.length - 10, undefined],
    ['cut short inside the header', 'TRUNCATED', valid.subarray(0, 300), 300, undefined],
    ['no pixel data (a structured report)', 'NO_PIXEL_DATA', dcmjsImage({ extra: { PixelData: undefined, Rows: undefined, Columns: undefined } }), -1, undefined],
    ['an image header and no pixel data (cut short at it)', 'TRUNCATED', dcmjsImage({ extra: { PixelData: undefined } }), -1, undefined],
    ['no SOPInstanceUID', 'MISSING_ATTRIBUTE', dcmjsImage({ extra: { SOPInstanceUID: undefined } }), -1, 'SOPInstanceUID'],
    ['no Columns', 'MISSING_ATTRIBUTE', dcmjsImage({ extra: { Columns: undefined } }), -1, 'Columns'],
    ['palette colour', 'UNSUPPORTED_PIXEL_FORMAT', dcmjsImage({ photometric: 'PALETTE COLOR', bitsAllocated: 8 }), -1, undefined],
    ['32 bits allocated', 'UNSUPPORTED_PIXEL_FORMAT', dcmjsImage({ extra: { BitsAllocated: 32 } }), -1, undefined],
    ['an MPEG-2 video', 'UNSUPPORTED_TRANSFER_SYNTAX', writeDicom(ctSliceElements(), { transferSyntaxUid: '1.2.840.10008.1.2.4.100' }), -1, '1.2.840.10008.1.2.4.100'],
    ['native pixel data under a JPEG transfer syntax', 'MALFORMED', writeDicom(ctSliceElements(), { transferSyntaxUid: '1.2.840.10008.1.2.4.50' }), -1, undefined],
  ])('%s -> %s', (_, code, bytes, size, detail) => {
    const [gotCode, gotDetail] = error(bytes, size < 0 ? bytes.length : size) as [string, string];
    expect(gotCode).toBe(code);
    if (detail !== undefined) expect(gotDetail).toBe(detail);
  });
});
