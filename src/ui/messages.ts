// Every word the user reads about a failure lives here (STYLE.md, principle 3).
import { assertNever } from '../shared/assertNever';
import type { DicomErrorCode } from '../dicom/dicomError';
import type { LoadError, SkippedFiles } from '../dicom/loadError';
import type { InvalidReason, StoreError } from '../store/storeError';

/** Why one file could not be used, as a short phrase ("not a DICOM file"). */
export function describeDicomErrorCode(code: DicomErrorCode): string {
  switch (code) {
    case 'NOT_DICOM': return 'not a DICOM file';
    case 'TRUNCATED': return 'incomplete (the file is cut short)';
    case 'MALFORMED': return 'damaged DICOM';
    case 'NO_PIXEL_DATA': return 'no image in the file (e.g. a report)';
    case 'UNSUPPORTED_TRANSFER_SYNTAX': return 'compressed in a format not supported yet';
    case 'UNSUPPORTED_PIXEL_FORMAT': return 'an image format not supported (e.g. palette colour or 32-bit pixels)';
    case 'MISSING_ATTRIBUTE': return 'missing a required DICOM attribute';
    case 'CORRUPT_PIXEL_DATA': return 'damaged image data (the frame does not decode)';
    case 'UNREADABLE': return 'could not be read (moved, deleted or not permitted)';
    default: return assertNever(code, 'DICOM error code');
  }
}

export interface ErrorWords {
  readonly title: string;
  readonly message: string;
  /** Technical detail for a disclosure, not for the headline. */
  readonly detail: string | undefined;
}

export function describeLoadError(error: LoadError): ErrorWords {
  switch (error.code) {
    case 'MANIFEST_UNAVAILABLE':
      return {
        title: 'The sample study is not available',
        message: 'The list of sample images could not be fetched. You can still open DICOM files from this computer.',
        detail: `${error.url}: ${error.detail}`,
      };
    case 'MANIFEST_INVALID':
      return {
        title: 'The sample study is damaged',
        message: 'The list of sample images is not in the expected form. You can still open DICOM files from this computer.',
        detail: `${error.url}: ${error.detail}`,
      };
    case 'STUDY_NOT_IN_MANIFEST':
      return {
        title: 'The sample study is incomplete',
        message: `The sample does not contain the study "${error.folder}".`,
        detail: undefined,
      };
    case 'FILE_UNAVAILABLE':
      return {
        title: 'An image of the study could not be loaded',
        message: `The file ${error.file} could not be fetched, so the series would have a gap. Nothing is shown.`,
        detail: error.detail,
      };
    case 'FILE_INVALID':
      return {
        title: 'An image of the study could not be read',
        message: `The file ${error.file} is ${describeDicomErrorCode(error.cause.code)}.`,
        detail: error.cause.detail,
      };
    case 'NO_IMAGES':
      return {
        title: 'No images found',
        message: totalOf(error.skipped) === 0
          ? 'No files were chosen.'
          : `None of the chosen files is an image we can show. Skipped: ${describeSkipped(error.skipped)}.`,
        detail: undefined,
      };
    default:
      return assertNever(error, 'load error');
  }
}

const totalOf = (skipped: SkippedFiles) => Object.values(skipped).reduce((sum, n) => sum + (n ?? 0), 0);

/** "2 not a DICOM file, 1 no image in the file (e.g. a report)" */
export function describeSkipped(skipped: SkippedFiles): string {
  return (Object.entries(skipped) as [DicomErrorCode, number][])
    .map(([code, count]) => `${count} ${describeDicomErrorCode(code)}`)
    .join(', ');
}

/** A refused or failed save of the lesion record, in words: what happened, that nothing saved was lost, what to do. */
export function describeStoreError(error: StoreError): string {
  switch (error.code) {
    case 'TIMEPOINT_LOCKED':
      return 'This time point is signed off, so it cannot be changed. Unlock it below the response table first.';
    case 'QUOTA_EXCEEDED':
      return 'The browser has no more room for this record, so the last change was not saved; everything saved before is intact. Free space (e.g. remove images kept in the browser) and try again.';
    case 'STORAGE_UNAVAILABLE':
      return `This browser does not let the app save (${error.detail}). Nothing can be kept until it does: leave private browsing or allow site data, then reload.`;
    case 'NOT_FOUND':
      return 'That item no longer exists: it was probably deleted in another tab. The screen now shows what is saved.';
    case 'INVALID':
      return describeInvalid(error.reason, error.detail);
    default:
      return assertNever(error, 'store error');
  }
}

function describeInvalid(reason: InvalidReason, detail: string): string {
  switch (reason) {
    case 'MEASURED_WITHOUT_MEASUREMENT': return 'A target counts as measured only once a measurement is drawn on it: draw one with M or B.';
    case 'MEASUREMENTS_PRESENT': return 'This target still has measurements at this time point: delete them (select, then Delete) before recording another state.';
    case 'MERGE_TARGET': return 'A merged target must name another target lesion of the same patient that it coalesced into.';
    case 'STATE_NOT_IN_CATEGORY': return `That state does not belong to this kind of lesion (${detail}).`;
    case 'PATIENT_MISMATCH': return `That image belongs to another patient than the lesion (${detail}). Open the patient's own studies.`;
    case 'MALFORMED_INPUT': case 'MALFORMED_ROW': case 'ROW_MISMATCH':
      return `The change could not be saved because it is not valid (${detail}). Nothing saved was changed.`;
    default: return assertNever(reason, 'invalid reason');
  }
}
