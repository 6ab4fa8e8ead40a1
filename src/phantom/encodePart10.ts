// A naturalised dataset -> the bytes of a DICOM Part 10 file, through dcmjs. We build the File Meta ourselves
// (dcmjs's own helper stamps "dcmjs-0.0" and its own class UID), so the file names this generator.
import dcmjs, { type NaturalizedDataset } from 'dcmjs';
import { CT_IMAGE_STORAGE, EXPLICIT_VR_LITTLE_ENDIAN } from './ctDataset';
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './seriesIds';

const { DicomDict, DicomMetaDictionary } = dcmjs.data;

export function encodePart10(dataset: NaturalizedDataset): Uint8Array {
  const sopInstanceUid = dataset['SOPInstanceUID'];
  if (typeof sopInstanceUid !== 'string') throw new Error('A dataset to write needs a SOPInstanceUID');
  const meta = DicomMetaDictionary.denaturalizeDataset({
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: CT_IMAGE_STORAGE,
    MediaStorageSOPInstanceUID: sopInstanceUid,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
  });
  const dict = new DicomDict(meta);
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}
