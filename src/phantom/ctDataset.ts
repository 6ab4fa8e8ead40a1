// The DICOM attributes of one CT slice, as a dcmjs "naturalised" dataset (keyword -> value). Decimal
// strings are formatted here, not by dcmjs, so every value is short, exact and the same on every run.
import type { NaturalizedDataset } from 'dcmjs';
import { RESCALE_INTERCEPT } from './renderSlice';
import type { SeriesGeometry } from './seriesGeometry';
import { SERIES_NUMBER, type SeriesIds } from './seriesIds';
import { patientAge, toDicomDate, type SamplePatient, type StudyDefinition } from './studies';

export const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/** A DS value: at most 6 decimals, no exponent, no trailing zeros, within the 16 characters DS allows. */
export function formatDs(value: number): string {
  const text = String(Number(value.toFixed(6)));
  if (text.length > 16 || text.includes('e')) throw new Error(`${value} does not fit a DICOM DS`);
  return text === '-0' ? '0' : text;
}

export interface CtSlice {
  readonly patient: SamplePatient;
  readonly study: StudyDefinition;
  readonly studyDescription: string;
  readonly seriesDescription: string;
  readonly ids: SeriesIds;
  readonly geometry: SeriesGeometry;
  /** 0-based position in the series; the instance number is one more. */
  readonly index: number;
  readonly pixels: Int16Array;
}

/** Typed arrays use the machine's byte order; PixelData must be little endian for the transfer syntax. */
const LITTLE_ENDIAN_MACHINE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function ctDataset(slice: CtSlice): NaturalizedDataset {
  const { patient, study, ids, geometry, index, pixels } = slice;
  if (!LITTLE_ENDIAN_MACHINE) throw new Error('Writing PixelData needs a little-endian machine');
  if (pixels.length !== geometry.rows * geometry.columns || pixels.byteOffset !== 0) {
    throw new Error('PixelData must be a whole Int16Array of rows x columns pixels');
  }
  const z = geometry.sliceZ[index];
  if (z === undefined) throw new Error(`No slice ${index} in a series of ${geometry.sliceZ.length}`);
  const instanceNumber = index + 1;
  const date = toDicomDate(study.studyDate);
  const spacing = formatDs(geometry.pixelSpacingMm);
  return {
    SpecificCharacterSet: 'ISO_IR 100',
    ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
    InstanceCreationDate: date,
    InstanceCreationTime: study.studyTime,
    SOPClassUID: CT_IMAGE_STORAGE,
    SOPInstanceUID: ids.sopInstanceUid(instanceNumber),
    SyntheticData: 'YES',
    StudyDate: date,
    SeriesDate: date,
    AcquisitionDate: date,
    ContentDate: date,
    StudyTime: study.studyTime,
    SeriesTime: study.studyTime,
    AcquisitionTime: study.studyTime,
    ContentTime: study.studyTime,
    AccessionNumber: study.accessionNumber,
    Modality: 'CT',
    Manufacturer: 'recist-reader phantom',
    InstitutionName: 'recist-reader sample data',
    ReferringPhysicianName: '',
    StudyDescription: slice.studyDescription,
    SeriesDescription: slice.seriesDescription,
    ManufacturerModelName: 'Analytic abdomen phantom',
    PatientName: patient.name,
    PatientID: patient.id,
    PatientBirthDate: toDicomDate(patient.birthDate),
    PatientSex: patient.sex,
    PatientAge: patientAge(patient.birthDate, study.studyDate),
    PatientIdentityRemoved: 'YES',
    DeidentificationMethod: 'Synthetic phantom, no real patient',
    BodyPartExamined: 'ABDOMEN',
    SliceThickness: formatDs(geometry.sliceThicknessMm),
    KVP: '120',
    SpacingBetweenSlices: formatDs(geometry.spacingBetweenSlicesMm),
    ReconstructionDiameter: formatDs(geometry.columns * geometry.pixelSpacingMm),
    GantryDetectorTilt: '0',
    ConvolutionKernel: 'STANDARD',
    PatientPosition: 'HFS',
    StudyInstanceUID: ids.studyInstanceUid,
    SeriesInstanceUID: ids.seriesInstanceUid,
    StudyID: '1',
    SeriesNumber: String(SERIES_NUMBER),
    AcquisitionNumber: '1',
    InstanceNumber: String(instanceNumber),
    ImagePositionPatient: [formatDs(geometry.x0Mm), formatDs(geometry.y0Mm), formatDs(z)],
    ImageOrientationPatient: ['1', '0', '0', '0', '1', '0'],
    FrameOfReferenceUID: ids.frameOfReferenceUid,
    PositionReferenceIndicator: '',
    SliceLocation: formatDs(z),
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: geometry.rows,
    Columns: geometry.columns,
    PixelSpacing: [spacing, spacing],
    BitsAllocated: 16,
    BitsStored: 16,
    HighBit: 15,
    PixelRepresentation: 1,
    BurnedInAnnotation: 'NO',
    WindowCenter: '40',
    WindowWidth: '400',
    WindowCenterWidthExplanation: 'ABDOMEN',
    RescaleIntercept: formatDs(RESCALE_INTERCEPT),
    RescaleSlope: '1',
    RescaleType: 'HU',
    LossyImageCompression: '00',
    // dcmjs cannot tell OB from OW for PixelData; 16-bit pixels are OW.
    PixelData: [pixels.buffer],
    _vrMap: { PixelData: 'OW' },
  };
}
