// Where Suggest looks: the selected lesion's baseline measurement (the longest, when it was split), the baseline
// slice it lies on, the follow-up pane and its slice at the same location along the slice normal, and the point there
// at the same place in the patient. Pure: the record and the panes in, a plan or why there is none out.
import type { CtInstance } from '../../dicom/ctInstance';
import type { CtSeries } from '../../dicom/ctSeries';
import { sliceLocationMm } from '../../dicom/geometry';
import { err, ok, type Result } from '../../shared/result';
import { axesMm } from '../../tracking/measurementValues';
import type { OrderedTimepoint } from '../../tracking/timepoints';
import type { ImagePointPx, MeasurementRow } from '../../tracking/types';
import { samePlacePoint } from './proposal';

export interface SuggestPlan {
  readonly baselineSlice: CtInstance;
  readonly baselineCentre: ImagePointPx;
  readonly longAxisMm: number;
  readonly shortAxisMm: number | undefined;
  readonly followUpPaneKey: string;
  readonly followUpSlice: CtInstance;
  readonly followUpCentre: ImagePointPx;
}

export type SuggestRefusal =
  | { readonly code: 'NO_LESION_SELECTED' }
  | { readonly code: 'NOT_AT_FOLLOW_UP' }
  | { readonly code: 'NO_BASELINE_MEASUREMENT' }
  | { readonly code: 'BASELINE_IMAGE_NOT_OPEN' }
  | { readonly code: 'NO_SLICE_LOCATION' };

export interface SuggestContext {
  readonly lesionId: string | undefined;
  readonly ordered: readonly OrderedTimepoint[];
  /** The panes on screen, left to right. */
  readonly panes: readonly { readonly key: string; readonly series: CtSeries }[];
  /** The lesion's measurements at baseline. */
  readonly baselineMeasurements: (lesionId: string, studyInstanceUid: string) => readonly MeasurementRow[];
}

const centreOf = (m: MeasurementRow): ImagePointPx => ({ x: (m.longAxis.start.x + m.longAxis.end.x) / 2, y: (m.longAxis.start.y + m.longAxis.end.y) / 2 });

export function suggestTarget({ lesionId, ordered, panes, baselineMeasurements }: SuggestContext): Result<SuggestPlan, SuggestRefusal> {
  if (lesionId === undefined) return err({ code: 'NO_LESION_SELECTED' });
  const baseline = ordered.find((o) => o.ordinal === 0);
  // The follow-up being read: the rightmost pane whose study is a follow-up.
  const followUpPane = [...panes].reverse().find((p) => {
    const tp = ordered.find((o) => o.row.studyInstanceUid === p.series.studyInstanceUid);
    return tp?.ordinal !== undefined && tp.ordinal > 0;
  });
  if (!baseline || !followUpPane) return err({ code: 'NOT_AT_FOLLOW_UP' });
  const measured = baselineMeasurements(lesionId, baseline.row.studyInstanceUid);
  const longest = [...measured].sort((a, b) => axesMm(b).longAxisMm - axesMm(a).longAxisMm)[0];
  if (!longest) return err({ code: 'NO_BASELINE_MEASUREMENT' });
  const baselineSlice = panes.flatMap((p) => p.series.slices)
    .find((s) => s.sopInstanceUid === longest.image.sopInstanceUid && s.frameNumber === longest.image.frameNumber);
  if (!baselineSlice) return err({ code: 'BASELINE_IMAGE_NOT_OPEN' });
  const location = sliceLocationMm(baselineSlice);
  let followUpSlice: CtInstance | undefined;
  let distance = Infinity;
  for (const slice of followUpPane.series.slices) {
    const here = sliceLocationMm(slice);
    if (location !== undefined && here !== undefined && Math.abs(here - location) < distance) {
      distance = Math.abs(here - location);
      followUpSlice = slice;
    }
  }
  if (!followUpSlice) return err({ code: 'NO_SLICE_LOCATION' });
  const baselineCentre = centreOf(longest);
  const { longAxisMm, shortAxisMm } = axesMm(longest);
  return ok({
    baselineSlice,
    baselineCentre,
    longAxisMm,
    shortAxisMm,
    followUpPaneKey: followUpPane.key,
    followUpSlice,
    followUpCentre: samePlacePoint(baselineSlice, baselineCentre, followUpSlice),
  });
}
