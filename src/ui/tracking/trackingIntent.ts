// What the reader asks of the lesion record from the panels; src/app turns each into a repository write.
import type { LesionCategory } from '../../recist/types';
import type { FindingState, IsoDate, Organ } from '../../tracking/types';

export type TrackingIntent =
  | { readonly kind: 'select-lesion'; readonly lesionId: string | undefined }
  /** Select the next lesion not yet assessed at the time point being read, and show it in both panes (key N). */
  | { readonly kind: 'next-lesion' }
  /** Find the selected lesion on the follow-up near where it was at baseline and propose its measurement (key S). */
  | { readonly kind: 'suggest' }
  | { readonly kind: 'add-lesion'; readonly category: LesionCategory }
  | { readonly kind: 'update-lesion'; readonly lesionId: string; readonly organ?: Organ; readonly location?: string; readonly category?: LesionCategory }
  | { readonly kind: 'delete-lesion'; readonly lesionId: string }
  /** `state` undefined: not assessed at that time point. */
  | { readonly kind: 'set-finding'; readonly lesionId: string; readonly studyInstanceUid: string; readonly state: FindingState | undefined; readonly mergedIntoLesionId?: string }
  | { readonly kind: 'set-treatment-date'; readonly date: IsoDate | undefined }
  | { readonly kind: 'set-excluded'; readonly studyInstanceUid: string; readonly excluded: boolean }
  | { readonly kind: 'sign-off'; readonly studyInstanceUid: string; readonly reader: string }
  | { readonly kind: 'unlock'; readonly studyInstanceUid: string }
  /** The next measurement of the selected lesion is another fragment of a split lesion, not a re-measurement. */
  | { readonly kind: 'set-split-next'; readonly on: boolean }
  | { readonly kind: 'undo' }
  | { readonly kind: 'redo' }
  | { readonly kind: 'dismiss-notice' }
  /** Keep the study's DICOM files in the browser, so it opens again without them. */
  | { readonly kind: 'keep-images'; readonly studyInstanceUid: string }
  | { readonly kind: 'forget-images'; readonly studyInstanceUid: string }
  /** Open the kept studies that are not on screen, together with those that are. */
  | { readonly kind: 'open-kept-images' };

/** Whether a time point's images are open now, and kept in the browser (with their size). */
export interface StudyImagesView {
  readonly open: boolean;
  readonly keptBytes: number | undefined;
}

/** A message for the reader: what happened or what is wrong and what to do. */
export interface Notice {
  readonly tone: 'info' | 'error';
  readonly text: string;
}
