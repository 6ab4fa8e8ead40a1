// The viewer's side of the record: what the reader drew, moved, selected or asked to delete in a pane becomes an
// undoable edit or a selection; an image that cannot be measured is refused in words.
import { useCallback } from 'react';
import type { MeasuredAxis } from '../../tracking/measurementFloor';
import { axesMm } from '../../tracking/measurementValues';
import type { LesionRow, MeasurementRow } from '../../tracking/types';
import { collapseQuestion } from '../../ui/tracking/collapseQuestion';
import type { ComparisonViewerProps } from '../../ui/viewer/ComparisonViewer';
import type { MeasurementAxes, MeasurementDraft } from '../../viewer/measurementShape';
import { drawMeasurement } from './drawMeasurement';
import { changeFinding, moveMeasurement, removeMeasurement } from './measurementEdits';
import type { RecordSession } from './recordSession';

export type ViewerCallbacks = Omit<ComparisonViewerProps, 'panes' | 'measurements' | 'ref'>;

const measurementWords = (lesion: LesionRow | undefined) => lesion?.label ?? 'the lesion';

export function useViewerCallbacks(session: RecordSession): ViewerCallbacks {
  const { latest, setSelectedLesionId, setNotice } = session;
  const lesionOf = (id: string | undefined): LesionRow | undefined => latest.current.tracked?.lesions.find((l) => l.id === id);

  const onMeasurementDrawn = useCallback((_paneKey: string, draft: MeasurementDraft) => {
    void drawMeasurement(draft, session);
  }, [session]);

  const onMeasurementEdited = useCallback((_paneKey: string, id: string, axes: { longAxis: MeasurementRow['longAxis']; shortAxis?: MeasurementRow['shortAxis'] }) => {
    const before = latest.current.tracked?.measurements.find((m) => m.id === id);
    if (!before) return;
    const { shortAxis: _old, ...rest } = before;
    const after: MeasurementRow = { ...rest, longAxis: axes.longAxis, ...(axes.shortAxis ? { shortAxis: axes.shortAxis } : {}), updatedAt: new Date().toISOString() };
    void session.run(moveMeasurement(session.db, before, after, `Adjust ${measurementWords(lesionOf(before.lesionId))}`));
  }, [session]);

  const onMeasurementSelected = useCallback((id: string) => {
    const m = latest.current.tracked?.measurements.find((x) => x.id === id);
    if (m) setSelectedLesionId(m.lesionId);
  }, [latest, setSelectedLesionId]);

  const onMeasurementDeleteRequested = useCallback((id: string) => {
    const m = latest.current.tracked?.measurements.find((x) => x.id === id);
    if (!m) return;
    const lesion = lesionOf(m.lesionId);
    if (!window.confirm(`Delete this measurement of ${measurementWords(lesion)}?`)) return;
    void session.run(removeMeasurement(session.db, id, `Delete ${measurementWords(lesion)}'s measurement`));
  }, [session]);

  // A handle dragged down to nothing: the viewer reverted it; the reader says whether the lesion has gone.
  const onMeasurementCollapsed = useCallback((id: string, axis: MeasuredAxis, axes: MeasurementAxes) => {
    const { tracked: t, derived: d } = latest.current;
    const m = t?.measurements.find((x) => x.id === id);
    const lesion = lesionOf(m?.lesionId);
    if (!m || !lesion || !d) return;
    const fragments = d.index.measurements(lesion.id, m.studyInstanceUid);
    const timepoint = d.ordered.find((o) => o.row.studyInstanceUid === m.studyInstanceUid);
    const lengths = axesMm({ ...axes, pixelSpacingMm: m.pixelSpacingMm });
    const answer = collapseQuestion({
      label: lesion.label, category: lesion.category, nodal: lesion.nodal, atBaseline: timepoint?.ordinal === 0,
      fragments: fragments.length, axis, lengthMm: (axis === 'longAxis' ? lengths.longAxisMm : lengths.shortAxisMm) ?? 0,
    });
    if (answer.kind === 'tell') return setNotice({ tone: 'info', text: answer.text });
    const ask = () => {
      if (!window.confirm(answer.text)) return;
      if (answer.onYes === 'delete-measurement') {
        void session.run(removeMeasurement(session.db, id, `Delete ${lesion.label}'s measurement`));
        return;
      }
      void session.run(changeFinding(session.db, lesion.id, m.studyInstanceUid, 'absent', undefined, fragments, `${lesion.label}: disappeared`));
    };
    // Asked once the pointer is let go and the measurement is painted back as it was: the question is modal, and the
    // reader should see what Cancel keeps.
    requestAnimationFrame(() => setTimeout(ask, 0));
  }, [session]);

  const onMeasureRefused = useCallback(() => {
    setNotice({ tone: 'error', text: 'This image has no PixelSpacing (it is uncalibrated or calibrated only at the detector), so it cannot be measured for RECIST. Measure on a CT image with PixelSpacing.' });
  }, [setNotice]);

  return { onMeasurementDrawn, onMeasurementEdited, onMeasurementSelected, onMeasurementDeleteRequested, onMeasureRefused, onMeasurementCollapsed };
}
