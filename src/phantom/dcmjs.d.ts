// dcmjs ships no type declarations. This declares only the part of its API the phantom uses (writing a DICOM
// Part 10 file from a naturalised dataset, and reading one back in tests), so the rest of the code stays typed.
declare module 'dcmjs' {
  /** One element as dcmjs stores it before writing: the VR and the list of values. */
  export interface DicomElement {
    vr: string;
    Value: unknown[];
  }
  /** A dataset keyed by 8-digit hex tag ("00100010"). */
  export type DenaturalizedDataset = Record<string, DicomElement>;
  /** A dataset keyed by DICOM keyword ("PatientName"); `_vrMap` pins the VR of ambiguous elements. */
  export type NaturalizedDataset = Record<string, unknown>;

  export interface DicomDict {
    meta: DenaturalizedDataset;
    dict: DenaturalizedDataset;
    write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer;
  }

  export interface DcmjsData {
    DicomDict: new (meta: DenaturalizedDataset) => DicomDict;
    DicomMetaDictionary: {
      denaturalizeDataset(dataset: NaturalizedDataset): DenaturalizedDataset;
      naturalizeDataset(dataset: DenaturalizedDataset): NaturalizedDataset;
    };
    DicomMessage: {
      readFile(buffer: ArrayBuffer): DicomDict;
    };
  }

  export const data: DcmjsData;
  const dcmjs: { data: DcmjsData };
  export default dcmjs;
}
