// What the reader asks of a record read from reports; src/app/tracking/useReportRecord turns each into a write.
import type { AssignedOverallResponse } from '../../recist/types';
import type { LesionCategory } from '../../recist/types';
import type { ReportTimepointInput } from '../../store/reportRules';
import type { FindingState, Organ } from '../../tracking/types';

export type ReportIntent =
  | { readonly kind: 'add-report-timepoint'; readonly input: Omit<ReportTimepointInput, 'patientId'> }
  | { readonly kind: 'add-lesion'; readonly category: LesionCategory; readonly studyInstanceUid: string }
  | { readonly kind: 'set-organ'; readonly lesionId: string; readonly organ: Organ }
  /** Typed axes as text: checked by tracking/typedMeasurement before anything is written. */
  | { readonly kind: 'save-axes'; readonly lesionId: string; readonly studyInstanceUid: string; readonly longText: string; readonly shortText: string }
  | { readonly kind: 'set-state'; readonly lesionId: string; readonly studyInstanceUid: string; readonly state: FindingState | undefined }
  | { readonly kind: 'assign'; readonly studyInstanceUid: string; readonly response: AssignedOverallResponse; readonly reason: string }
  | { readonly kind: 'unassign'; readonly studyInstanceUid: string };
