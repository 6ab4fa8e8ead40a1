// Every coded concept the SR writes and reads, in one place, each with its source; docs/sr.md lists them all.
// Standard codes (DCM = DICOM PS3.16, SCT = SNOMED CT, UCUM, UMLS, RFC5646) wherever PS3.16 has one; the local
// scheme 99RECISTRDR only where it has none (overall responses, NE and NA, some lesion states), declared in the SR's
// Coding Scheme Identification Sequence as PS3.3 C.12.1.1.2 asks.
import type { ComponentResponse, NewLesionFinding, TimepointResponse } from '../recist/types';
import type { FindingState, Organ } from '../tracking/types';

export interface Code {
  readonly value: string;
  readonly scheme: string;
  readonly meaning: string;
}

const dcm = (value: string, meaning: string): Code => ({ value, scheme: 'DCM', meaning });
const sct = (value: string, meaning: string): Code => ({ value, scheme: 'SCT', meaning });
const local = (value: string, meaning: string): Code => ({ value, scheme: LOCAL_SCHEME, meaning });

export const LOCAL_SCHEME = '99RECISTRDR';
export const LOCAL_SCHEME_NAME = 'recist-reader local codes';
export const LOCAL_SCHEME_ORGANIZATION = 'recist-reader (docs/sr.md)';

export const CODES = {
  imagingMeasurementReport: dcm('126000', 'Imaging Measurement Report'),
  language: dcm('121049', 'Language of Content Item and Descendants'),
  english: { value: 'en', scheme: 'RFC5646', meaning: 'English' } satisfies Code,
  personObserverName: dcm('121008', 'Person Observer Name'),
  procedureReported: dcm('121058', 'Procedure reported'),
  computedTomography: sct('77477000', 'Computed Tomography'),
  imageLibrary: dcm('111028', 'Image Library'),
  imageLibraryGroup: dcm('126200', 'Image Library Group'),
  imagingMeasurements: dcm('126010', 'Imaging Measurements'),
  measurementGroup: dcm('125007', 'Measurement Group'),
  trackingIdentifier: dcm('112039', 'Tracking Identifier'),
  trackingUid: dcm('112040', 'Tracking Unique Identifier'),
  timePoint: { value: 'C2348792', scheme: 'UMLS', meaning: 'Time Point' } satisfies Code,
  timePointType: dcm('126072', 'Time Point Type'),
  timePointOrder: dcm('126073', 'Time Point Order'),
  baselineTimePoint: { value: 'C1442488', scheme: 'UMLS', meaning: 'Baseline' } satisfies Code,
  posttreatment: dcm('126074', 'Posttreatment'),
  finding: dcm('121071', 'Finding'),
  lesion: sct('52988006', 'Lesion'),
  findingSite: sct('363698007', 'Finding Site'),
  longAxis: sct('103339001', 'Long Axis'),
  shortAxis: sct('103340004', 'Short Axis'),
  millimetre: { value: 'mm', scheme: 'UCUM', meaning: 'millimeter' } satisfies Code,
  noUnits: { value: '1', scheme: 'UCUM', meaning: 'no units' } satisfies Code,
  baselineCategory: dcm('112016', 'Baseline Category'),
  targetAtBaseline: dcm('112074', 'Target Lesion at Baseline'),
  nonTargetAtBaseline: dcm('112075', 'Non-Target Lesion at Baseline'),
  nonLesionAtBaseline: dcm('112076', 'Non-Lesion at Baseline'),
  lesionState: local('LESSTATE', 'Lesion state at this time point'),
  lesionLocation: local('LESLOC', 'Lesion location'),
  mergedInto: local('MERGEDINTO', 'Merged into lesion'),
  qualitativeEvaluations: { value: 'C0034375', scheme: 'UMLS', meaning: 'Qualitative Evaluations' } satisfies Code,
  responseEvaluationMethod: dcm('112021', 'Response Evaluation Method'),
  recist11: dcm('126081', 'RECIST 1.1'),
  targetResponse: local('TGTRESP', 'Target lesion response'),
  nonTargetResponse: local('NTGTRESP', 'Non-target lesion response'),
  newLesions: local('NEWLES', 'New lesions'),
  overallResponse: local('OVERALL', 'Overall response'),
  responseSource: local('RESPSRC', 'Response source'),
  responseReason: local('REASON', 'Response reason'),
  sumOfDiameters: local('SOD', 'Sum of diameters'),
} as const;

/** The organ pick list on SNOMED CT body structures; 'other' has none and writes no finding site. */
export const ORGAN_CODES: Readonly<Record<Exclude<Organ, 'other'>, Code>> = {
  liver: sct('10200004', 'Liver'),
  lung: sct('39607008', 'Lung'),
  'lymph node': sct('59441001', 'Lymph node'),
  bone: sct('3138006', 'Bone'),
  adrenal: sct('23451007', 'Adrenal gland'),
  kidney: sct('64033007', 'Kidney'),
  pancreas: sct('15776009', 'Pancreas'),
  spleen: sct('78961009', 'Spleen'),
  peritoneum: sct('15425007', 'Peritoneum'),
  pleura: sct('3120008', 'Pleura'),
  brain: sct('12738006', 'Brain'),
  'soft tissue': sct('87784001', 'Soft tissue'),
};

/** A lesion's state at a time point: standard values where PS3.16 has them, local ones for the rest. */
export const STATE_CODES: Readonly<Record<FindingState, Code>> = {
  measured: sct('258104002', 'Measured'),
  too_small: dcm('112133', 'Too small'),
  absent: dcm('121054', 'Absent'),
  present: dcm('121053', 'Present'),
  equivocal: sct('42425007', 'Equivocal'),
  not_evaluable: local('NE', 'Not evaluable'),
  merged: local('MERGED', 'Merged with another lesion'),
  progression: local('UNEQPROG', 'Unequivocal progression'),
  unequivocal: local('UNEQUIVOCAL', 'Unequivocal new lesion'),
};

export const TARGET_RESPONSE_CODES: Readonly<Record<ComponentResponse, Code>> = {
  CR: dcm('112041', 'Target Lesion Complete Response'),
  PR: dcm('112042', 'Target Lesion Partial Response'),
  SD: dcm('112044', 'Target Lesion Stable Disease'),
  PD: dcm('112043', 'Target Lesion Progressive Disease'),
  NE: local('NE', 'Not evaluable'),
  'NON-CR/NON-PD': local('NONCRNONPD', 'Non-CR/Non-PD'),
  NA: local('NA', 'Not applicable (no such lesion at baseline)'),
};

export const NON_TARGET_RESPONSE_CODES: Readonly<Record<ComponentResponse, Code>> = {
  CR: dcm('112045', 'Non-Target Lesion Complete Response'),
  'NON-CR/NON-PD': dcm('112046', 'Non-Target Lesion Incomplete Response or Stable Disease'),
  PD: dcm('112047', 'Non-Target Lesion Progressive Disease'),
  PR: local('PR', 'Partial response'),
  SD: local('SD', 'Stable disease'),
  NE: local('NE', 'Not evaluable'),
  NA: local('NA', 'Not applicable (no such lesion at baseline)'),
};

export const NEW_LESION_CODES: Readonly<Record<NewLesionFinding, Code>> = {
  no: dcm('121054', 'Absent'),
  yes: dcm('121053', 'Present'),
  equivocal: sct('42425007', 'Equivocal'),
};

export const OVERALL_RESPONSE_CODES: Readonly<Record<TimepointResponse, Code>> = {
  CR: local('CR', 'Complete response'),
  PR: local('PR', 'Partial response'),
  SD: local('SD', 'Stable disease'),
  PD: local('PD', 'Progressive disease'),
  NE: local('NE', 'Not evaluable'),
  'NON-CR/NON-PD': local('NONCRNONPD', 'Non-CR/Non-PD'),
};

export const RESPONSE_SOURCE_CODES = {
  computed: local('COMPUTED', 'Computed by the RECIST 1.1 rules'),
  assigned: local('ASSIGNED', 'Assigned by the reader'),
} as const;

export const sameCode = (a: Pick<Code, 'value' | 'scheme'> | undefined, b: Code): boolean =>
  a !== undefined && a.value === b.value && (a.scheme === b.scheme || (isSnomed(a.scheme) && isSnomed(b.scheme)));

/** SNOMED CT is SCT since 2019 and SRT before: an older SR may say SRT. */
const isSnomed = (scheme: string) => scheme === 'SCT' || scheme === 'SRT';

/** The key whose code matches, for reading coded values back. */
export function keyOfCode<K extends string>(table: Readonly<Record<K, Code>>, code: Pick<Code, 'value' | 'scheme'> | undefined): K | undefined {
  for (const key of Object.keys(table) as K[]) if (sameCode(code, table[key])) return key;
  return undefined;
}
