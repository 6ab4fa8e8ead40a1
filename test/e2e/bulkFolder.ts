// A folder as a PACS export or a careless copy leaves it: many small CT slices in two series (one of 1,000 slices)
// mixed with as many files that are not DICOM at all. Small images keep the test about file counts, not bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePart10 } from '../../src/phantom/encodePart10';

const ROOT_UID = '2.25.99887766554433221100';

function slice(series: number, index: number, rows: number): Uint8Array {
  const pixels = new Int16Array(rows * rows);
  // A disc whose size changes with the slice, so slices differ and the order can be seen.
  const r = 4 + (index % 10);
  for (let y = 0; y < rows; y++) for (let x = 0; x < rows; x++) pixels[y * rows + x] = Math.hypot(x - rows / 2, y - rows / 2) < r ? 1100 : 24;
  return encodePart10({
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
    SOPInstanceUID: `${ROOT_UID}.${series}.${index + 1}`,
    StudyInstanceUID: `${ROOT_UID}.1`,
    SeriesInstanceUID: `${ROOT_UID}.1.${series}`,
    PatientName: 'BULK^FOLDER',
    PatientID: 'BULK-1',
    StudyDate: '20240102',
    Modality: 'CT',
    SeriesNumber: String(series),
    SeriesDescription: `Series ${series}`,
    InstanceNumber: String(index + 1),
    ImagePositionPatient: ['0', '0', String(-index)],
    ImageOrientationPatient: ['1', '0', '0', '0', '1', '0'],
    PixelSpacing: ['0.8', '0.8'],
    SliceThickness: '1',
    Rows: rows,
    Columns: rows,
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    BitsAllocated: 16,
    BitsStored: 16,
    HighBit: 15,
    PixelRepresentation: 1,
    RescaleIntercept: '-1024',
    RescaleSlope: '1',
    PixelData: [pixels.buffer],
    _vrMap: { PixelData: 'OW' },
  });
}

/** Writes `dicom` slices (the first `firstSeries` in series 1, the rest in series 2) and `junk` other files. */
export function writeBulkFolder(folder: string, counts: { firstSeries: number; dicom: number; junk: number }): void {
  mkdirSync(join(folder, 'images'), { recursive: true });
  mkdirSync(join(folder, 'other'), { recursive: true });
  for (let i = 0; i < counts.dicom; i++) {
    const series = i < counts.firstSeries ? 1 : 2;
    const index = series === 1 ? i : i - counts.firstSeries;
    writeFileSync(join(folder, 'images', `IM${String(i).padStart(5, '0')}`), slice(series, index, 16));
  }
  for (let i = 0; i < counts.junk; i++) writeFileSync(join(folder, 'other', `note-${i}.txt`), `not an image ${i}\n`);
}
