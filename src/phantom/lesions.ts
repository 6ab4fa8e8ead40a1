// The lesions, with their true geometry at each visit: the single source of the ground truth. Each is an
// ellipsoid whose centre lies on a slice centre of the sample series, so its true long and short axes are
// visible on one axial image. Sizes are chosen so that the RECIST 1.1 answer is PR at 3 months and PD at
// 6 months (see EXPECTED_RESPONSES and the test that checks them against the sums).
import type { PointMm } from './solids';
import type { StudyKey } from './studies';

export type LesionRole = 'target' | 'non-target' | 'new';
export type LesionOrgan = 'liver' | 'lymph node' | 'lung' | 'bone';

export interface LesionSize {
  readonly longAxisMm: number;
  readonly shortAxisMm: number;
  /** Craniocaudal extent. */
  readonly craniocaudalMm: number;
}

export interface LesionDefinition {
  readonly id: string;
  readonly role: LesionRole;
  readonly organ: LesionOrgan;
  /** Lymph nodes are measured by their short axis (RECIST 1.1, 4.2). */
  readonly nodal: boolean;
  readonly location: string;
  /** Patient coordinates (LPS): x to the patient's left, y to the back, z to the head. */
  readonly centre: PointMm;
  /** In-plane angle of the long axis from +x (image right) towards +y (image down). */
  readonly angleDeg: number;
  readonly hu: number;
  /** Size at each visit; null where the lesion is not (yet) there. */
  readonly sizes: Readonly<Record<StudyKey, LesionSize | null>>;
}

const size = (longAxisMm: number, shortAxisMm: number, craniocaudalMm = shortAxisMm): LesionSize => ({
  longAxisMm,
  shortAxisMm,
  craniocaudalMm,
});

export const LESIONS: readonly LesionDefinition[] = [
  {
    id: 'T1',
    role: 'target',
    organ: 'liver',
    nodal: false,
    location: 'liver, right lobe, segment VIII',
    centre: { x: -100, y: 0, z: 45 },
    angleDeg: 25,
    hu: 18,
    sizes: { baseline: size(32, 24), 'followup-3m': size(20, 15), 'followup-6m': size(26, 19) },
  },
  {
    id: 'T2',
    role: 'target',
    organ: 'liver',
    nodal: false,
    location: 'liver, right lobe, segment VI',
    centre: { x: -104, y: 2, z: 5 },
    angleDeg: -40,
    hu: 24,
    sizes: { baseline: size(22, 17), 'followup-3m': size(14, 11), 'followup-6m': size(19, 14) },
  },
  {
    id: 'T3',
    role: 'target',
    organ: 'lymph node',
    nodal: true,
    location: 'left para-aortic lymph node',
    centre: { x: 38, y: 16, z: -10 },
    angleDeg: 70,
    hu: 40,
    sizes: { baseline: size(24, 18, 26), 'followup-3m': size(15, 11, 18), 'followup-6m': size(19, 14, 21) },
  },
  {
    id: 'T4',
    role: 'target',
    organ: 'lung',
    nodal: false,
    location: 'right lower lobe, posterior basal',
    centre: { x: -76, y: 62, z: 85 },
    angleDeg: 120,
    hu: 30,
    sizes: { baseline: size(14, 11), 'followup-3m': size(9, 7), 'followup-6m': size(12, 10) },
  },
  {
    id: 'NT1',
    role: 'non-target',
    organ: 'bone',
    nodal: false,
    location: 'sclerotic metastasis, L3 vertebral body',
    centre: { x: 6, y: 46, z: -50 },
    angleDeg: 0,
    hu: 900,
    sizes: { baseline: size(12, 11), 'followup-3m': size(12, 11), 'followup-6m': size(12, 11) },
  },
  {
    id: 'N1',
    role: 'new',
    organ: 'liver',
    nodal: false,
    location: 'liver, right lobe, segment V/VIII (new at 6 months)',
    centre: { x: -80, y: -36, z: 35 },
    angleDeg: 10,
    hu: 20,
    sizes: { baseline: null, 'followup-3m': null, 'followup-6m': size(15, 13) },
  },
];

export type OverallResponse = 'CR' | 'PR' | 'SD' | 'PD' | 'NE';

export interface ExpectedResponse {
  readonly study: StudyKey;
  readonly targetResponse: OverallResponse;
  readonly nonTargetResponse: 'CR' | 'non-CR/non-PD' | 'PD' | 'NE';
  readonly newLesions: boolean;
  readonly overallResponse: OverallResponse;
}

/** The truthful RECIST 1.1 answer for each follow-up, from the sizes above (checked by a test). */
export const EXPECTED_RESPONSES: readonly ExpectedResponse[] = [
  {
    study: 'followup-3m',
    targetResponse: 'PR',
    nonTargetResponse: 'non-CR/non-PD',
    newLesions: false,
    overallResponse: 'PR',
  },
  {
    study: 'followup-6m',
    targetResponse: 'PD',
    nonTargetResponse: 'non-CR/non-PD',
    newLesions: true,
    overallResponse: 'PD',
  },
];

/** The diameter RECIST sums for a target: short axis of a node, long axis of anything else. */
export const recistDiameterMm = (lesion: LesionDefinition, s: LesionSize): number =>
  lesion.nodal ? s.shortAxisMm : s.longAxisMm;

/** Sum of target diameters at a visit, in mm. */
export function sumOfDiametersMm(study: StudyKey): number {
  let sum = 0;
  for (const lesion of LESIONS) {
    const s = lesion.sizes[study];
    if (lesion.role === 'target' && s !== null) sum += recistDiameterMm(lesion, s);
  }
  return sum;
}
