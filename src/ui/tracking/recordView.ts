// What both record panels (TrackingPanel for images, ReportReading for reports) show of a patient's record. The app
// derives it once per read of the record (app/tracking/deriveRecord), so the panels compute none of it again.
import type { PatientAssessment } from '../../recist/types';
import type { RecordIndex } from '../../tracking/lesionValue';
import type { OrderedTimepoint } from '../../tracking/timepoints';
import type { TrackedPatient, TrackingProblem } from '../../tracking/toPatientRecord';
import type { Notice } from './trackingIntent';

export interface RecordView {
  readonly tracked: TrackedPatient;
  /** Every time point, included first in date order (labels from tracking/timepoints). */
  readonly timepoints: readonly OrderedTimepoint[];
  readonly assessment: PatientAssessment | undefined;
  readonly problems: readonly TrackingProblem[];
  readonly unread: readonly OrderedTimepoint[];
  /** The record's findings and measurements by lesion and time point (tracking/lesionValue). */
  readonly index: RecordIndex;
  /** The study whose findings the panel edits. */
  readonly readingStudyUid: string | undefined;
  readonly notice: Notice | undefined;
}
