// The PACS's failures in the reader's words: what happened, and what to do (the local studies always go on).
import { assertNever } from '../../shared/assertNever';
import type { PacsError } from '../../pacs/pacsError';

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
