// Reading the DICOM JSON model (PS3.18 F.2) that QIDO-RS and WADO-RS metadata answer with: every attribute is
// optional and typed loosely, so each reader returns undefined for what is absent or malformed.

export type DicomJsonObject = Readonly<Record<string, unknown>>;

const valuesOf = (object: DicomJsonObject, tag: string): readonly unknown[] | undefined => {
  const attribute = object[tag];
  if (typeof attribute !== 'object' || attribute === null || !('Value' in attribute)) return undefined;
  const value = (attribute as { Value: unknown }).Value;
  return Array.isArray(value) ? value : undefined;
};

export function jsonString(object: DicomJsonObject, tag: string): string | undefined {
  const first = valuesOf(object, tag)?.[0];
  if (typeof first === 'string') return first;
  if (typeof first === 'number') return String(first);
  // PN: { Alphabetic: 'Family^Given' }
  if (typeof first === 'object' && first !== null && 'Alphabetic' in first) {
    const alphabetic = (first as { Alphabetic: unknown }).Alphabetic;
    return typeof alphabetic === 'string' ? alphabetic : undefined;
  }
  return undefined;
}

export function jsonNumbers(object: DicomJsonObject, tag: string): number[] | undefined {
  const values = valuesOf(object, tag);
  if (!values || values.length === 0) return undefined;
  const numbers = values.map((v) => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN));
  return numbers.every(Number.isFinite) ? numbers : undefined;
}

export const jsonNumber = (object: DicomJsonObject, tag: string): number | undefined => jsonNumbers(object, tag)?.[0];

export const jsonStrings = (object: DicomJsonObject, tag: string): string[] =>
  (valuesOf(object, tag) ?? []).filter((v): v is string => typeof v === 'string');

export const isJsonObject = (value: unknown): value is DicomJsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The tags we read, by keyword. */
export const JSON_TAG = {
  studyDate: '00080020',
  accessionNumber: '00080050',
  modality: '00080060',
  modalitiesInStudy: '00080061',
  sopClassUid: '00080016',
  sopInstanceUid: '00080018',
  studyDescription: '00081030',
  seriesDescription: '0008103E',
  patientName: '00100010',
  patientId: '00100020',
  studyInstanceUid: '0020000D',
  seriesInstanceUid: '0020000E',
  seriesNumber: '00200011',
  instanceNumber: '00200013',
  imagePositionPatient: '00200032',
  imageOrientationPatient: '00200037',
  numberOfFrames: '00280008',
  numberOfStudyRelatedInstances: '00201208',
  numberOfSeriesRelatedInstances: '00201209',
  contentDate: '00080023',
  contentTime: '00080033',
} as const;
