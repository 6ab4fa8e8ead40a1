// What can go wrong talking to the PACS, as values with a code (STYLE.md principle 3); ui/pacs words them.

export type PacsError =
  /** No answer at all: the server is down, the address is wrong, or the network is out. */
  | { readonly code: 'PACS_UNREACHABLE'; readonly url: string; readonly detail: string }
  /** 401 (no or wrong credentials) or 403 (this user may not do that). */
  | { readonly code: 'PACS_UNAUTHORIZED'; readonly url: string; readonly status: 401 | 403 }
  /** It did not answer within the time we wait. */
  | { readonly code: 'PACS_TIMEOUT'; readonly url: string; readonly seconds: number }
  /** It answered, but not with what DICOMweb says (another HTTP error, not JSON, a broken multipart body). */
  | { readonly code: 'PACS_BAD_ANSWER'; readonly url: string; readonly detail: string };

export type PacsErrorCode = PacsError['code'];

/** True for the failures worth trying again later (the SR outbox keeps its report for them). */
export const isTransient = (error: PacsError): boolean =>
  error.code === 'PACS_UNREACHABLE' || error.code === 'PACS_TIMEOUT'
  || (error.code === 'PACS_BAD_ANSWER' && /^HTTP 5\d\d/.test(error.detail));
