// The PACS's failures in the reader's words: what happened, and what to do (the local studies always go on).
import { assertNever } from '../../shared/assertNever';
import type { PacsError } from '../../pacs/pacsError';
import type { SrWriteError } from '../../sr/types';
import type { StoreError } from '../../store/storeError';
import { describeStoreError } from '../messages';

export function describePacsError(error: PacsError): { readonly message: string; readonly detail: string } {
  switch (error.code) {
    case 'PACS_UNREACHABLE':
      return {
        message: 'The PACS cannot be reached. Check its address in PACS settings, or ask IT whether it is running. Local studies work as before.',
        detail: `${error.url}: ${error.detail}`,
      };
    case 'PACS_UNAUTHORIZED':
      return error.status === 401
        ? { message: 'The PACS asked for a user name and password and did not accept them (401). Sign in to the PACS in this browser, or ask IT for access.', detail: error.url }
        : { message: 'The PACS does not allow this user to do that (403). Ask IT for access to these studies.', detail: error.url };
    case 'PACS_TIMEOUT':
      return {
        message: `The PACS did not answer within ${error.seconds} s. It may be busy: try again in a moment.`,
        detail: error.url,
      };
    case 'PACS_BAD_ANSWER':
      return {
        message: 'The PACS answered, but not in the form DICOMweb specifies. Check the address in PACS settings points to its DICOMweb root (it usually ends in /dicom-web).',
        detail: `${error.url}: ${error.detail}`,
      };
    default:
      return assertNever(error);
  }
}

/** Why a signed-off time point's SR could not be written (so nothing went to the outbox). */
export function describeSrQueueError(error: SrWriteError | StoreError | { readonly code: 'NO_SUCH_PATIENT'; readonly patientId: string }): string {
  switch (error.code) {
    case 'NO_SUCH_PATIENT':
      return `No record of patient ${error.patientId} in this browser: nothing to report to the PACS.`;
    case 'NO_SUCH_TIMEPOINT':
      return 'This time point is not in the record any more: nothing to report to the PACS.';
    case 'REPORT_TIMEPOINT':
      return 'This time point was typed in from a radiology report: it has no images in the PACS to attach a report to.';
    case 'NOTHING_RECORDED':
      return 'Nothing is recorded at this time point: no report was sent to the PACS. Record the lesions, then sign off again.';
    case 'NO_DATE':
      return 'The time point is not signed off: sign it off to send its report to the PACS.';
    default:
      return describeStoreError(error);
  }
}
