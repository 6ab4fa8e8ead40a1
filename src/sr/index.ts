// The DICOM SR module's public face: TID 1500 measurement reports out of and back into the reader's record.
// The contract and its types: types.ts; every content item and code: docs/sr.md.
export { buildMeasurementReport, COMPREHENSIVE_SR } from './buildMeasurementReport';
export { readMeasurementReport } from './readMeasurementReport';
export { impliedPixelSpacing, trackedPatientsFromReports } from './recordFromReports';
export { describeSrReadError, describeSrWriteError } from './srMessages';
export { trackingUidOfLesion } from './trackingUid';
export type * from './types';
