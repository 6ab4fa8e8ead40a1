// The attributes of an SR document we write or read, by keyword, with the VR an implicit-VR file leaves out.
import { tag, type NumberVr, type StringVr } from './dataSet';

type Vr = StringVr | NumberVr | 'SQ' | 'OB' | 'UN';

const t = <V extends Vr>(group: number, element: number, vr: V) => ({ tag: tag(group, element), vr });

export const TAGS = {
  // File Meta
  FileMetaInformationGroupLength: t(0x0002, 0x0000, 'UL'),
  FileMetaInformationVersion: t(0x0002, 0x0001, 'OB'),
  MediaStorageSOPClassUID: t(0x0002, 0x0002, 'UI'),
  MediaStorageSOPInstanceUID: t(0x0002, 0x0003, 'UI'),
  TransferSyntaxUID: t(0x0002, 0x0010, 'UI'),
  ImplementationClassUID: t(0x0002, 0x0012, 'UI'),
  ImplementationVersionName: t(0x0002, 0x0013, 'SH'),
  // SOP Common, patient, study, series, equipment
  SpecificCharacterSet: t(0x0008, 0x0005, 'CS'),
  InstanceCreationDate: t(0x0008, 0x0012, 'DA'),
  InstanceCreationTime: t(0x0008, 0x0013, 'TM'),
  SOPClassUID: t(0x0008, 0x0016, 'UI'),
  SOPInstanceUID: t(0x0008, 0x0018, 'UI'),
  StudyDate: t(0x0008, 0x0020, 'DA'),
  ContentDate: t(0x0008, 0x0023, 'DA'),
  StudyTime: t(0x0008, 0x0030, 'TM'),
  ContentTime: t(0x0008, 0x0033, 'TM'),
  AccessionNumber: t(0x0008, 0x0050, 'SH'),
  Modality: t(0x0008, 0x0060, 'CS'),
  Manufacturer: t(0x0008, 0x0070, 'LO'),
  ReferringPhysicianName: t(0x0008, 0x0090, 'PN'),
  CodeValue: t(0x0008, 0x0100, 'SH'),
  CodingSchemeDesignator: t(0x0008, 0x0102, 'SH'),
  CodeMeaning: t(0x0008, 0x0104, 'LO'),
  MappingResource: t(0x0008, 0x0105, 'CS'),
  CodingSchemeIdentificationSequence: t(0x0008, 0x0110, 'SQ'),
  CodingSchemeName: t(0x0008, 0x0115, 'ST'),
  CodingSchemeResponsibleOrganization: t(0x0008, 0x0116, 'ST'),
  TimezoneOffsetFromUTC: t(0x0008, 0x0201, 'SH'),
  StudyDescription: t(0x0008, 0x1030, 'LO'),
  SeriesDescription: t(0x0008, 0x103e, 'LO'),
  ReferencedPerformedProcedureStepSequence: t(0x0008, 0x1111, 'SQ'),
  ReferencedSeriesSequence: t(0x0008, 0x1115, 'SQ'),
  ReferencedSOPSequence: t(0x0008, 0x1199, 'SQ'),
  ReferencedSOPClassUID: t(0x0008, 0x1150, 'UI'),
  ReferencedSOPInstanceUID: t(0x0008, 0x1155, 'UI'),
  ReferencedFrameNumber: t(0x0008, 0x1160, 'IS'),
  ManufacturerModelName: t(0x0008, 0x1090, 'LO'),
  PatientName: t(0x0010, 0x0010, 'PN'),
  PatientID: t(0x0010, 0x0020, 'LO'),
  PatientBirthDate: t(0x0010, 0x0030, 'DA'),
  PatientSex: t(0x0010, 0x0040, 'CS'),
  SoftwareVersions: t(0x0018, 0x1020, 'LO'),
  StudyInstanceUID: t(0x0020, 0x000d, 'UI'),
  SeriesInstanceUID: t(0x0020, 0x000e, 'UI'),
  StudyID: t(0x0020, 0x0010, 'SH'),
  SeriesNumber: t(0x0020, 0x0011, 'IS'),
  InstanceNumber: t(0x0020, 0x0013, 'IS'),
  // SR document and content
  TemplateIdentifier: t(0x0040, 0xdb00, 'CS'),
  RelationshipType: t(0x0040, 0xa010, 'CS'),
  VerifyingOrganization: t(0x0040, 0xa027, 'LO'),
  VerificationDateTime: t(0x0040, 0xa030, 'DT'),
  VerifyingObserverSequence: t(0x0040, 0xa073, 'SQ'),
  VerifyingObserverName: t(0x0040, 0xa075, 'PN'),
  VerifyingObserverIdentificationCodeSequence: t(0x0040, 0xa088, 'SQ'),
  PersonName: t(0x0040, 0xa123, 'PN'),
  UID: t(0x0040, 0xa124, 'UI'),
  TextValue: t(0x0040, 0xa160, 'UT'),
  ConceptCodeSequence: t(0x0040, 0xa168, 'SQ'),
  CurrentRequestedProcedureEvidenceSequence: t(0x0040, 0xa375, 'SQ'),
  CompletionFlag: t(0x0040, 0xa491, 'CS'),
  VerificationFlag: t(0x0040, 0xa493, 'CS'),
  ContentTemplateSequence: t(0x0040, 0xa504, 'SQ'),
  PerformedProcedureCodeSequence: t(0x0040, 0xa372, 'SQ'),
  ValueType: t(0x0040, 0xa040, 'CS'),
  ConceptNameCodeSequence: t(0x0040, 0xa043, 'SQ'),
  ContinuityOfContent: t(0x0040, 0xa050, 'CS'),
  MeasuredValueSequence: t(0x0040, 0xa300, 'SQ'),
  NumericValue: t(0x0040, 0xa30a, 'DS'),
  MeasurementUnitsCodeSequence: t(0x0040, 0x08ea, 'SQ'),
  ContentSequence: t(0x0040, 0xa730, 'SQ'),
  GraphicData: t(0x0070, 0x0022, 'FL'),
  GraphicType: t(0x0070, 0x0023, 'CS'),
  // Items
  Item: t(0xfffe, 0xe000, 'UN'),
  ItemDelimitationItem: t(0xfffe, 0xe00d, 'UN'),
  SequenceDelimitationItem: t(0xfffe, 0xe0dd, 'UN'),
} as const;

export type Keyword = keyof typeof TAGS;

/** The VR of a tag we know, for implicit-VR files; undefined for the rest (read as bytes, or as a sequence if it is one). */
export const VR_OF: ReadonlyMap<number, Vr> = new Map(Object.values(TAGS).map((d) => [d.tag, d.vr]));
