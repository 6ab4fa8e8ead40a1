// A measurement the reader drew becomes a row of the selected lesion at the time point of the image, or of a new
// lesion when none is selected; what cannot be a RECIST measurement is refused with what to do instead.
import { createLesion } from '../../store/lesionRepository';
import type { MeasurementRow } from '../../tracking/types';
import type { MeasurementDraft } from '../../viewer/measurementShape';
import { addMeasurement } from './measurementEdits';
import type { RecordSession } from './recordSession';

export async function drawMeasurement({ slice, tool, longAxis, shortAxis }: MeasurementDraft, session: RecordSession): Promise<void> {
  const { db, setNotice, setSelectedLesionId, setSplitNext, refused, run } = session;
  const { tracked: t, derived: d, selectedLesionId: selected, splitNext: split } = session.latest.current;
  if (!t || !d) return;
  if (slice.calibration.kind !== 'pixel-spacing' || !slice.pixelSpacingMm) {
    setNotice({ tone: 'error', text: 'This image has no PixelSpacing, so lengths on it are not millimetres: RECIST measurements need a calibrated CT image.' });
    return;
  }
  const timepoint = d.ordered.find((o) => o.row.studyInstanceUid === slice.studyInstanceUid);
  if (!timepoint) {
    setNotice({ tone: 'error', text: `This image is not one of ${t.patient.name || t.patient.id}'s time points (another patient, or a study without a date). Open this patient's studies to measure.` });
    return;
  }
  if (timepoint.ordinal === undefined) {
    setNotice({ tone: 'error', text: `${timepoint.row.studyDate} is excluded from the assessment: include it again (Time points) to measure on it.` });
    return;
  }
  let lesion = t.lesions.find((l) => l.id === selected);
  if (lesion && lesion.category === 'new' && timepoint.ordinal === 0) {
    setNotice({ tone: 'error', text: `${lesion.label} is a new lesion: it cannot be measured on the baseline.` });
    return;
  }
  if (!lesion) {
    // Nothing selected: a new lesion, a target at baseline or a new lesion at a follow-up, to be named next.
    const category = timepoint.ordinal === 0 ? 'target' : 'new';
    const created = await createLesion(db, { patientId: t.patient.id, category, organ: 'other', location: '', firstStudyInstanceUid: timepoint.row.studyInstanceUid });
    if (!created.ok) return refused(created.error);
    lesion = created.value;
    setSelectedLesionId(lesion.id);
  }
  const others: MeasurementRow[] = d.index.measurements(lesion.id, timepoint.row.studyInstanceUid).slice();
  const at = new Date().toISOString();
  const row: MeasurementRow = {
    id: crypto.randomUUID(),
    patientId: t.patient.id,
    lesionId: lesion.id,
    studyInstanceUid: slice.studyInstanceUid,
    image: { studyInstanceUid: slice.studyInstanceUid, seriesInstanceUid: slice.seriesInstanceUid, sopInstanceUid: slice.sopInstanceUid, frameNumber: slice.frameNumber },
    tool,
    longAxis,
    ...(shortAxis ? { shortAxis } : {}),
    pixelSpacingMm: { row: slice.pixelSpacingMm.row, column: slice.pixelSpacingMm.column },
    createdAt: at,
    updatedAt: at,
  };
  const saved = await run(addMeasurement(db, row, others, !split, `Measure ${lesion.label}`));
  if (saved) {
    setSplitNext(false);
    if (lesion.nodal && !shortAxis) {
      setNotice({ tone: 'info', text: `${lesion.label} is a lymph node: its RECIST diameter is the short axis. Measure it with the bidirectional tool (B).` });
    }
  }
}
