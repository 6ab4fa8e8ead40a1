// Our fixture writer and our parser were written by the same hands; a file from an independent writer keeps both honest.
import dcmjs from 'dcmjs';
import { expect, it } from 'vitest';
import { parseCtInstance } from '../../src/dicom/parseCtInstance';
import { storedValuesOf } from './fixtures/instance';

it('reads a CT slice written by dcmjs', () => {
  const { DicomMetaDictionary, DicomDict } = dcmjs.data;
  const pixels = new Int16Array([-1024, 0, 500, 1000, -5, 7]);
  const dataset = {
    _vrMap: { PixelData: 'OW' },
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.2', SOPInstanceUID: '1.2.9.1', StudyInstanceUID: '1.2.9',
    SeriesInstanceUID: '1.2.9.0', Modality: 'CT', PatientName: 'DCMJS^TEST', PatientID: 'X1', StudyDate: '20240102',
    Rows: 2, Columns: 3, BitsAllocated: 16, BitsStored: 16, HighBit: 15, PixelRepresentation: 1, SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2', PixelSpacing: [0.5, 0.6], ImagePositionPatient: [1, 2, 3],
    ImageOrientationPatient: [1, 0, 0, 0, 1, 0], RescaleIntercept: -1024, RescaleSlope: 1, PixelData: [pixels.buffer],
  };
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer, MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID, TransferSyntaxUID: '1.2.840.10008.1.2.1',
    ImplementationClassUID: '1.2.3',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);

  const result = parseCtInstance(new Uint8Array(dict.write()), 'dcmjs.dcm');

  expect(result.ok && {
    pixels: Array.from(storedValuesOf(result.value)),
    spacing: result.value.pixelSpacingMm,
    position: result.value.imagePositionPatientMm,
    rescale: result.value.rescale,
    date: result.value.studyDate,
  }).toEqual({
    pixels: [-1024, 0, 500, 1000, -5, 7],
    spacing: { row: 0.5, column: 0.6 },
    position: [1, 2, 3],
    rescale: { slope: 1, intercept: -1024 },
    date: '2024-01-02',
  });
});
