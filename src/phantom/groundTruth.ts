// What the sample contains, as data: ground-truth.json for tests and readers, and manifest.json, which the
// web app fetches to open the sample at once. Both are built from the same tables as the images.
import {
  EXPECTED_RESPONSES,
  LESIONS,
  recistDiameterMm,
  sumOfDiametersMm,
  type LesionDefinition,
  type LesionSize,
} from './lesions';
import { instanceAtZ, type SeriesGeometry } from './seriesGeometry';
import { SERIES_NUMBER, seriesIds } from './seriesIds';
import { SAMPLE_PATIENT, SAMPLE_STUDIES, type StudyDefinition, type StudyKey } from './studies';
import { degToRad } from './solids';

export const STUDY_DESCRIPTION = 'CT ABDOMEN';
export const SAMPLE_SERIES_DESCRIPTION = 'Abdomen 5.0 mm';

/** File name of instance n (1-based): IM0001.dcm ... */
export const instanceFileName = (instanceNumber: number): string => `IM${String(instanceNumber).padStart(4, '0')}.dcm`;

/** The scope every UID of a sample study is derived from. */
export const sampleScope = (study: StudyDefinition): string => `${SAMPLE_PATIENT.id}/${study.key}`;

const round2 = (value: number): number => Math.round(value * 100) / 100;
const round1 = (value: number): number => Math.round(value * 10) / 10;

type PointXY = readonly [number, number];

/** End points of an axis of `lengthMm` through the centre at `angleDeg`: where a reader would put the calipers. */
function axisEndpoints(lesion: LesionDefinition, lengthMm: number, angleDeg: number): [PointXY, PointXY] {
  const dx = (Math.cos(degToRad(angleDeg)) * lengthMm) / 2;
  const dy = (Math.sin(degToRad(angleDeg)) * lengthMm) / 2;
  const { x, y } = lesion.centre;
  return [
    [round2(x - dx), round2(y - dy)],
    [round2(x + dx), round2(y + dy)],
  ];
}

function lesionAtStudy(lesion: LesionDefinition, size: LesionSize, study: StudyDefinition, geometry: SeriesGeometry) {
  const instanceNumber = instanceAtZ(geometry, lesion.centre.z);
  if (instanceNumber === null) {
    throw new Error(`Lesion ${lesion.id} is not centred on a slice (z = ${lesion.centre.z})`);
  }
  return {
    id: lesion.id,
    role: lesion.role,
    organ: lesion.organ,
    nodal: lesion.nodal,
    location: lesion.location,
    centreMm: lesion.centre,
    longAxisMm: size.longAxisMm,
    shortAxisMm: size.shortAxisMm,
    craniocaudalMm: size.craniocaudalMm,
    recistDiameterMm: recistDiameterMm(lesion, size),
    longAxisAngleDeg: lesion.angleDeg,
    longAxisEndpointsMm: axisEndpoints(lesion, size.longAxisMm, lesion.angleDeg),
    shortAxisEndpointsMm: axisEndpoints(lesion, size.shortAxisMm, lesion.angleDeg + 90),
    nominalHu: lesion.hu,
    instanceNumber,
    sopInstanceUid: seriesIds(sampleScope(study)).sopInstanceUid(instanceNumber),
    file: `${study.folder}/${instanceFileName(instanceNumber)}`,
  };
}

function studyTruth(study: StudyDefinition, geometry: SeriesGeometry) {
  const ids = seriesIds(sampleScope(study));
  const firstSliceZMm = geometry.sliceZ[0];
  const lastSliceZMm = geometry.sliceZ[geometry.sliceZ.length - 1];
  if (firstSliceZMm === undefined || lastSliceZMm === undefined) throw new Error('A series needs slices');
  const lesions = [];
  for (const lesion of LESIONS) {
    const size = lesion.sizes[study.key];
    if (size !== null) lesions.push(lesionAtStudy(lesion, size, study, geometry));
  }
  return {
    key: study.key,
    folder: study.folder,
    label: study.label,
    studyDate: study.studyDate,
    studyTime: study.studyTime,
    accessionNumber: study.accessionNumber,
    studyInstanceUid: ids.studyInstanceUid,
    seriesInstanceUid: ids.seriesInstanceUid,
    seriesNumber: SERIES_NUMBER,
    seriesDescription: SAMPLE_SERIES_DESCRIPTION,
    sliceCount: geometry.sliceZ.length,
    rows: geometry.rows,
    columns: geometry.columns,
    pixelSpacingMm: geometry.pixelSpacingMm,
    sliceThicknessMm: geometry.sliceThicknessMm,
    spacingBetweenSlicesMm: geometry.spacingBetweenSlicesMm,
    firstSliceZMm,
    lastSliceZMm,
    sumOfTargetDiametersMm: sumOfDiametersMm(study.key),
    lesions,
  };
}

function responseTruth(study: StudyKey) {
  const expected = EXPECTED_RESPONSES.find((r) => r.study === study);
  if (expected === undefined) throw new Error(`No expected response for ${study}`);
  const baseline = sumOfDiametersMm('baseline');
  const index = SAMPLE_STUDIES.findIndex((s) => s.key === study);
  const earlier = SAMPLE_STUDIES.slice(0, index).map((s) => sumOfDiametersMm(s.key));
  const nadir = Math.min(...earlier);
  const sum = sumOfDiametersMm(study);
  return {
    ...expected,
    sumOfTargetDiametersMm: sum,
    baselineSumMm: baseline,
    nadirSumMm: nadir,
    changeFromBaselinePercent: round1(((sum - baseline) / baseline) * 100),
    changeFromNadirPercent: round1(((sum - nadir) / nadir) * 100),
  };
}

export function buildGroundTruth(geometry: SeriesGeometry) {
  return {
    description: 'Ground truth of the synthetic RECIST sample: one patient, three CT studies, lesions of known size.',
    regenerate: 'npm run sample:generate',
    coordinates:
      'DICOM patient coordinates (LPS) in mm: x to the patient\'s left, y to the back, z to the head. ' +
      'ImageOrientationPatient is 1\\0\\0\\0\\1\\0, so image columns run along +x and rows along +y; the ' +
      'patient\'s right is on the image left. Angles are in the axial plane, from +x towards +y.',
    patient: SAMPLE_PATIENT,
    studies: SAMPLE_STUDIES.map((study) => studyTruth(study, geometry)),
    expectedResponses: EXPECTED_RESPONSES.map((r) => responseTruth(r.study)),
  };
}

export type GroundTruth = ReturnType<typeof buildGroundTruth>;

export interface SampleManifest {
  readonly patient: { readonly id: string; readonly name: string; readonly treatmentDate: string };
  readonly studies: readonly {
    readonly folder: string;
    readonly label: string;
    readonly studyDate: string;
    /** Paths relative to sample-dicom/. */
    readonly files: readonly string[];
  }[];
}

export function buildManifest(geometry: SeriesGeometry): SampleManifest {
  return {
    patient: { id: SAMPLE_PATIENT.id, name: SAMPLE_PATIENT.name, treatmentDate: SAMPLE_PATIENT.treatmentDate },
    studies: SAMPLE_STUDIES.map((study) => ({
      folder: study.folder,
      label: study.label,
      studyDate: study.studyDate,
      files: geometry.sliceZ.map((_, index) => `${study.folder}/${instanceFileName(index + 1)}`),
    })),
  };
}
