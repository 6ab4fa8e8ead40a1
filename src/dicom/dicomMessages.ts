// Why a file could not be used, in the reader's words: the app's import report and `recist inspect` say it alike.
// Here, beside the codes they describe, so neither the screen nor the command line owns them (src/ui/messages.ts
// passes them on to the screen).
import { assertNever } from '../shared/assertNever';
import type { DicomErrorCode } from './dicomError';
import type { SkippedFiles } from './loadError';

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
    case 'FRAME_COUNT_MISMATCH': return 'damaged: it declares more frames than its image data holds';
    case 'SIZE_MISMATCH': return 'damaged: its compressed image is not the size its header says';
    case 'UNREADABLE': return 'could not be read (moved, deleted or not permitted)';
    default: return assertNever(code, 'DICOM error code');
  }
}

/** "2 not a DICOM file, 1 no image in the file (e.g. a report)" */
export function describeSkipped(skipped: SkippedFiles): string {
  return (Object.entries(skipped) as [DicomErrorCode, number][])
    .map(([code, count]) => `${count} ${describeDicomErrorCode(code)}`)
    .join(', ');
}
