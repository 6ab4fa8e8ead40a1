// Why a file could not be used, in the reader's words: the app's import report and `recist inspect` say it alike.
// Here, beside the codes they describe, so neither the screen nor the command line owns them (src/ui/messages.ts
// passes them on to the screen).
import { assertNever } from '../shared/assertNever';
import type { DicomErrorCode } from './dicomError';
import type { SkippedFiles } from './loadError';
import type { SeriesNote } from './seriesNotes';

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

/** What is odd about a series that was loaded, as a short phrase for the import report and the series itself. */
export function describeSeriesNote(note: SeriesNote): string {
  switch (note.kind) {
    case 'SPLIT_BY_ORIENTATION':
      return `its slices lie in ${note.stacks} orientations: split into one series per orientation (this one ${note.plane})`;
    case 'DUPLICATE_POSITIONS':
      return `${note.slices} slices share their position with another slice (a slice repeated, or two series in one)`;
    case 'UNEVEN_SPACING':
      return `uneven slice spacing (${note.minMm}–${note.maxMm} mm between neighbouring slices): ` +
        'distances and sizes across slices are not uniform';
    case 'EXTRA_PIXEL_DATA':
      return `${note.files.length === 1 ? 'a file holds' : `${note.files.length} files hold`} more pixel data than ` +
        `Rows × Columns × frames (${note.files.join(', ')}): the header may not describe the image`;
    default:
      return assertNever(note, 'series note');
  }
}

/** The same, in a few words, over the image where the reader measures (only notes that bear on measuring). */
export function describeSeriesNoteBriefly(note: SeriesNote): string {
  switch (note.kind) {
    case 'SPLIT_BY_ORIENTATION': return `${note.plane} part of a mixed series`;
    case 'DUPLICATE_POSITIONS': return `${note.slices} slices at repeated positions`;
    case 'UNEVEN_SPACING': return `uneven slice spacing ${note.minMm}–${note.maxMm} mm`;
    case 'EXTRA_PIXEL_DATA': return 'more pixel data than the header describes';
    default: return assertNever(note, 'series note');
  }
}
