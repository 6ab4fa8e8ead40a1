// What each pane draws: the record's measurements on that pane's series, labelled with their lesion, the selected
// lesion's highlighted, and those of signed-off time points not to be moved.
import type { TrackedPatient } from '../../tracking/toPatientRecord';
import type { MeasurementShape } from '../../viewer/measurementShape';
import type { RecordPane } from './recordSession';

export function measurementShapes(
  tracked: TrackedPatient, panes: readonly RecordPane[], selectedLesionId: string | undefined,
): Map<string, MeasurementShape[]> {
  const byPane = new Map<string, MeasurementShape[]>();
  const labels = new Map(tracked.lesions.map((l) => [l.id, l.label]));
  const locked = new Set(tracked.timepoints.filter((tp) => tp.signOff).map((tp) => tp.studyInstanceUid));
  for (const pane of panes) {
    byPane.set(pane.key, tracked.measurements
      .filter((m) => m.image.seriesInstanceUid === pane.series.seriesInstanceUid)
      .map((m): MeasurementShape => ({
        id: m.id,
        label: labels.get(m.lesionId) ?? '?',
        image: { sopInstanceUid: m.image.sopInstanceUid, frameNumber: m.image.frameNumber },
        tool: m.tool,
        longAxis: m.longAxis,
        ...(m.shortAxis ? { shortAxis: m.shortAxis } : {}),
        pixelSpacingMm: m.pixelSpacingMm,
        selected: m.lesionId === selectedLesionId,
        editable: !locked.has(m.studyInstanceUid),
      })));
  }
  return byPane;
}
