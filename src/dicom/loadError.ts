import type { DicomError, DicomErrorCode } from './dicomError';

/** Why a study could not be opened at all. Closed set; worded in src/ui/messages.ts. */
export type LoadError =
  | { readonly code: 'MANIFEST_UNAVAILABLE'; readonly url: string; readonly detail: string }
  | { readonly code: 'MANIFEST_INVALID'; readonly url: string; readonly detail: string }
  | { readonly code: 'STUDY_NOT_IN_MANIFEST'; readonly folder: string }
  | { readonly code: 'FILE_UNAVAILABLE'; readonly file: string; readonly detail: string }
  | { readonly code: 'FILE_INVALID'; readonly file: string; readonly cause: DicomError }
  | { readonly code: 'NO_IMAGES'; readonly skipped: SkippedFiles };

/** How many chosen files were left out, per reason; only codes that occurred are present. */
export type SkippedFiles = Partial<Record<DicomErrorCode, number>>;
