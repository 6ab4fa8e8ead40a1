// Why an SR was not written or not read, in the reader's words, beside the codes: `recist sr` and the app's PACS
// panel say it alike.
import { assertNever } from '../shared/assertNever';
import type { SrReadError, SrWriteError } from './types';

export function describeSrWriteError(error: SrWriteError): string {
  switch (error.code) {
    case 'NO_SUCH_TIMEPOINT':
      return `No time point with study ${error.studyInstanceUid} in this patient's record.`;
    case 'REPORT_TIMEPOINT':
      return 'This time point was typed in from a radiology report: it has no CT study in the PACS to put an SR into.';
    case 'NOTHING_RECORDED':
      return 'Nothing is recorded at this time point yet: record the lesions (measured, or marked absent, not evaluable, ...) first.';
    case 'NO_DATE':
      return 'This time point has no valid date for its report: sign it off, then write the SR again.';
    default:
      return assertNever(error, 'SR write error');
  }
}

export function describeSrReadError(error: SrReadError): string {
  switch (error.code) {
    case 'NOT_DICOM':
      return `not a DICOM file (${error.detail}).`;
    case 'UNSUPPORTED_TRANSFER_SYNTAX':
      return `its transfer syntax ${error.transferSyntaxUid || '(none given)'} is not one an SR is read in here: convert it to explicit VR little endian (dcmconv +te) and try again.`;
    case 'NOT_SR':
      return `not a structured report (SOP Class ${error.sopClassUid || 'missing'}): give the SR files, not the images.`;
    case 'NOT_TID1500':
      return `a structured report, but not an Imaging Measurement Report (TID 1500): its title is "${error.title}".`;
    case 'DAMAGED':
      return `damaged: ${error.detail}.`;
    default:
      return assertNever(error, 'SR read error');
  }
}
