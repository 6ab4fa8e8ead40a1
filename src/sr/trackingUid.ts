// The Tracking Unique Identifier (112040, DCM) of a lesion: a 2.25 UID derived from the lesion's stored id, so the
// same lesion carries the same UID in the SR of every time point, and a second workstation that reads the SRs back
// can tell the lesions apart and follow each one over time without any shared database.
import { uidFromName } from '../phantom/uid';

/** A DICOM UID (PS3.5 9.1): digits and dots, at most 64 characters. */
const DICOM_UID = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))+$/;

/**
 * A lesion read back from an SR keeps its Tracking UID as its id (recordFromReports.ts), so an id that already is a
 * DICOM UID is its own tracking UID: a lesion passed from workstation to workstation keeps one UID. The app's own
 * ids are UUIDs (hex and dashes), never mistaken for one.
 */
export const trackingUidOfLesion = (lesionId: string): string =>
  DICOM_UID.test(lesionId) && lesionId.length <= 64 ? lesionId : uidFromName(`recist-reader/lesion/${lesionId}`);
