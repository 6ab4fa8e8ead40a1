// The sample patient and the three visits. Fixed dates and times: nothing here depends on when the
// generator runs, so regenerated files are byte-identical.

export interface SamplePatient {
  readonly id: string;
  /** DICOM person name, family^given. */
  readonly name: string;
  readonly birthDate: string; // YYYY-MM-DD
  readonly sex: 'M' | 'F';
  /** Start of treatment, between baseline and the first follow-up: the reference for the response. */
  readonly treatmentDate: string; // YYYY-MM-DD
}

export const SAMPLE_PATIENT: SamplePatient = {
  id: 'RR-0001',
  name: 'SAMPLE^ABDOMEN',
  birthDate: '1958-03-12',
  sex: 'M',
  treatmentDate: '2023-01-16',
};

export type StudyKey = 'baseline' | 'followup-3m' | 'followup-6m';

export interface StudyDefinition {
  readonly key: StudyKey;
  /** Folder under sample-dicom/; the same as the key. */
  readonly folder: StudyKey;
  readonly label: string;
  readonly studyDate: string; // YYYY-MM-DD
  readonly studyTime: string; // HHMMSS
  readonly accessionNumber: string;
  /** Changes what moves between visits (bowel gas), and seeds the image noise. */
  readonly variant: number;
}

export const SAMPLE_STUDIES: readonly StudyDefinition[] = [
  {
    key: 'baseline',
    folder: 'baseline',
    label: 'Baseline',
    studyDate: '2023-01-09',
    studyTime: '093012',
    accessionNumber: 'RRA230109',
    variant: 0,
  },
  {
    key: 'followup-3m',
    folder: 'followup-3m',
    label: '3-month follow-up',
    studyDate: '2023-04-17',
    studyTime: '101545',
    accessionNumber: 'RRA230417',
    variant: 1,
  },
  {
    key: 'followup-6m',
    folder: 'followup-6m',
    label: '6-month follow-up',
    studyDate: '2023-07-17',
    studyTime: '084030',
    accessionNumber: 'RRA230717',
    variant: 2,
  },
];

export function studyByKey(key: StudyKey): StudyDefinition {
  const study = SAMPLE_STUDIES.find((s) => s.key === key);
  if (study === undefined) throw new Error(`No sample study ${key}`);
  return study;
}

/** '2023-01-09' -> '20230109', the DICOM DA form. */
export const toDicomDate = (isoDate: string): string => isoDate.replaceAll('-', '');

/** Age in whole years on a date, as DICOM AS ('064Y'). */
export function patientAge(birthDate: string, onDate: string): string {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  const years = y - by - (hadBirthday ? 0 : 1);
  return `${String(years).padStart(3, '0')}Y`;
}
