// One-click measurement and Suggest in the reader's words: what was found, what happened when nothing was, and what
// to do then. The one place these sentences live.
import { assertNever } from '../../shared/assertNever';
import type { SegmentFailure } from '../../segment/types';

const BY_HAND = 'click inside the lesion, or draw it by hand (B)';

/** Why no lesion was separated, and what to do: the segmentation's own figures stay out (they are for the bench). */
export function segmentRefusalWords(failure: SegmentFailure): string {
  switch (failure.code) {
    case 'NO_EDGE': return `No lesion could be separated here: nothing round the point stands out from it. To measure, ${BY_HAND}.`;
    case 'LEAKS': return `No lesion could be separated here: the region runs on into an organ or a vessel of the same density. To measure, ${BY_HAND}.`;
    case 'TOO_SMALL': return `No lesion could be separated here: what stands out is too small to measure. To measure, ${BY_HAND}.`;
    case 'OUTSIDE_IMAGE': return 'No lesion could be separated here: the point is not on the image. Click inside the lesion on the image.';
    case 'NO_SPACING': return 'This image has no PixelSpacing, so nothing on it can be measured in millimetres: measure on a CT image with PixelSpacing.';
    default: return assertNever(failure.code, 'segment failure');
  }
}

/** `label` is the lesion's ("T1") or the one a drawing would make ("new target"). */
export const proposalWords = (label: string, lengths: string, suggested: boolean): string =>
  `${suggested ? 'Suggested' : 'Proposed'} for ${/^new /.test(label) ? `a ${label}` : label}: ${lengths}. Enter accepts it, Esc discards it, drag a handle to adjust; a click elsewhere also accepts it.`;

export type SuggestRefusalCode = 'NO_LESION_SELECTED' | 'NOT_AT_FOLLOW_UP' | 'NO_BASELINE_MEASUREMENT' | 'BASELINE_IMAGE_NOT_OPEN' | 'NO_SLICE_LOCATION';

export function suggestRefusalWords(code: SuggestRefusalCode, label: string | undefined): string {
  const lesion = label ?? 'the lesion';
  switch (code) {
    case 'NO_LESION_SELECTED': return 'Suggest needs a lesion measured at baseline: select it in the lesion list, then press Suggest (S).';
    case 'NOT_AT_FOLLOW_UP': return 'Suggest finds a baseline lesion on a follow-up: open a follow-up beside the baseline, then press Suggest (S).';
    case 'NO_BASELINE_MEASUREMENT': return `${lesion} has no measurement at baseline to look for: measure it on the baseline first.`;
    case 'BASELINE_IMAGE_NOT_OPEN': return `The baseline image ${lesion} was measured on is not open: open the baseline study, then press Suggest (S).`;
    case 'NO_SLICE_LOCATION': return 'These images do not say where they lie in the patient (ImagePositionPatient), so the same slice location cannot be found: scroll to the lesion and click inside it (C).';
    default: return assertNever(code, 'suggest refusal');
  }
}

export const notFoundWords = (label: string, windowMm: number): string =>
  `${label} was not found on the follow-up within ${windowMm} mm of where it was at baseline: scroll to it and click inside it (C), or draw it by hand (B).`;

/** The worker failed (a bug, or a browser that cannot run it): the reader can still measure by hand. */
export const brokenWords = (tool: 'Click to measure' | 'Suggest', thrown: unknown): string =>
  `${tool} is not working in this browser (${thrown instanceof Error ? thrown.message : String(thrown)}): measure by hand (B) meanwhile, and reload the page to try again.`;
