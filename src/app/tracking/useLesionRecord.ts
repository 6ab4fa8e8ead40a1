// The lesion record of the patient on screen, tied to the viewer and the panel: ensures the patient and its time
// points exist, reads the record live (this tab and others), runs the engine on it, and turns the reader's intents
// and drawings into repository writes with undo. Everything is saved the moment it is done.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CtSeries } from '../../dicom/ctSeries';
import type { PatientNode } from '../../dicom/studyTree';
import { assessPatient } from '../../recist/assessPatient';
import { DEFAULT_ASSESS_OPTIONS, type PatientAssessment } from '../../recist/types';
import type { RecistDatabase } from '../../store/database';
import { createLesion, deleteLesion, updateLesion } from '../../store/lesionRepository';
import { ensurePatient, setTimepointExcluded, setTreatmentDate } from '../../store/patientRepository';
import { signOffTimepoint, unlockTimepoint } from '../../store/signOffRepository';
import { storageEstimate } from '../../store/storageStatus';
import type { StoreError } from '../../store/storeError';
import { usePatientRecord } from '../../store/usePatientRecord';
import { indexRecord } from '../../tracking/lesionValue';
import { orderTimepoints } from '../../tracking/timepoints';
import { toPatientRecord, type TrackedPatient } from '../../tracking/toPatientRecord';
import type { LesionRow, MeasurementRow } from '../../tracking/types';
import { describeStoreError } from '../../ui/messages';
import type { StorageView } from '../../ui/tracking/StorageLine';
import type { TrackingPanelProps } from '../../ui/tracking/TrackingPanel';
import type { Notice, TrackingIntent } from '../../ui/tracking/trackingIntent';
import type { ComparisonViewerHandle, ComparisonViewerProps } from '../../ui/viewer/ComparisonViewer';
import type { MeasurementDraft, MeasurementShape } from '../../viewer/measurementShape';
import { deleteStudyImages } from '../../store/studyImageRepository';
import { useStoredStudies } from '../../store/useStoredStudies';
import { formatBytes } from '../../ui/tracking/StorageLine';
import type { NamedBlob } from '../loading/workerProtocol';
import { addMeasurement, changeFinding, moveMeasurement, removeMeasurement } from './measurementEdits';
import { keepStudyImages, keptFiles, type FileBytes } from './studyImages';
import { revealTargets } from './revealTargets';
import { afterRedo, afterUndo, EMPTY_HISTORY, nextRedo, nextUndo, recordEdit, type UndoEntry, type UndoState } from './undoHistory';
import { useUndoKeys } from './useUndoKeys';

export interface LesionRecordInput {
  readonly db: RecistDatabase;
  /** The patient of the left pane: whose record is shown. */
  readonly patient: { readonly key: string; readonly name: string };
  /** Every study of that patient the import found (each becomes a time point). */
  readonly tree: readonly PatientNode[];
  /** The panes on screen, left to right, with the keys the viewer knows them by. */
  readonly panes: readonly { readonly key: string; readonly series: CtSeries }[];
  /** A start of treatment to fill in when the record has none (the sample's manifest gives one). */
  readonly defaultTreatmentDate: string | undefined;
  readonly viewer: React.RefObject<ComparisonViewerHandle | null>;
  readonly fileBytes: FileBytes;
  readonly onOpenWithKept: (kept: readonly NamedBlob[]) => void;
}

export interface LesionRecord {
  readonly panel: TrackingPanelProps | undefined;
  readonly viewerProps: Omit<ComparisonViewerProps, 'panes'>;
}

const now = () => new Date().toISOString();
const measurementWords = (lesion: LesionRow | undefined) => lesion?.label ?? 'the lesion';

export function useLesionRecord(input: LesionRecordInput): LesionRecord {
  const { db, patient, tree, panes, defaultTreatmentDate, viewer, fileBytes, onOpenWithKept } = input;
  const stored = usePatientRecord(db, patient.key);
  const kept = useStoredStudies(db);
  const [selectedLesionId, setSelectedLesionId] = useState<string | undefined>(undefined);
  const [splitNext, setSplitNext] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  // The history lives in a ref so that an undo pressed right after an edit sees that edit (state would lag a render);
  // the state copy re-renders the Undo and Redo buttons.
  const historyRef = useRef<UndoState>(EMPTY_HISTORY);
  const [history, setHistoryState] = useState<UndoState>(EMPTY_HISTORY);
  const setHistory = useCallback((next: (h: UndoState) => UndoState) => {
    historyRef.current = next(historyRef.current);
    setHistoryState(historyRef.current);
  }, []);
  // The edit being written: an undo waits for it, so it never undoes the edit before.
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  const [storage, setStorage] = useState<StorageView | undefined>(undefined);

  const refused = useCallback((error: StoreError) => setNotice({ tone: 'error', text: describeStoreError(error) }), []);
  const refreshStorage = useCallback(() => {
    void storageEstimate().then((e) => setStorage(e && { usedBytes: e.usedBytes, quotaBytes: e.quotaBytes, persisted: e.persisted }));
  }, []);

  // The patient and one time point per dated study; undated studies cannot be ordered, so the reader is told.
  const studies = useMemo(() => tree.find((p) => p.key === patient.key)?.studies ?? [], [tree, patient.key]);
  const studyKey = studies.map((s) => `${s.studyInstanceUid}:${s.date ?? ''}`).join('|');
  useEffect(() => {
    const dated = studies.filter((s): s is typeof s & { date: string } => s.date !== undefined);
    let live = true;
    void ensurePatient(db, {
      id: patient.key,
      name: patient.name,
      studies: dated.map((s) => ({ studyInstanceUid: s.studyInstanceUid, studyDate: s.date, studyDescription: s.description })),
    }).then(async (result) => {
      if (!live) return;
      if (!result.ok) return refused(result.error);
      if (dated.length < studies.length) {
        setNotice({ tone: 'info', text: `${studies.length - dated.length} study without a study date is not a time point: its date is needed to order the follow-ups.` });
      }
      if (result.value.treatmentDate === undefined && defaultTreatmentDate !== undefined) {
        const set = await setTreatmentDate(db, patient.key, defaultTreatmentDate);
        if (!set.ok) refused(set.error);
      }
      refreshStorage();
    });
    return () => { live = false; };
    // studyKey stands for `studies`: the same studies found again need no write.
  }, [db, patient.key, patient.name, studyKey, defaultTreatmentDate, refused, refreshStorage]);

  const tracked: TrackedPatient | undefined = stored?.patient
    ? { patient: stored.patient, timepoints: stored.timepoints, lesions: stored.lesions, findings: stored.findings, measurements: stored.measurements }
    : undefined;

  const derived = useMemo(() => {
    if (!tracked) return undefined;
    const engine = toPatientRecord(tracked);
    let assessment: PatientAssessment | undefined;
    if (engine.record.timepoints.length > 0 && (engine.record.timepoints[0]?.targets.length ?? 0) + (engine.record.timepoints[0]?.nonTargets.length ?? 0) > 0) {
      assessment = assessPatient(engine.record, DEFAULT_ASSESS_OPTIONS);
    }
    return { engine, assessment, ordered: orderTimepoints(tracked.timepoints, tracked.patient.treatmentDate), index: indexRecord(tracked.findings, tracked.measurements) };
    // `stored` is a new object exactly when the live query read something new.
  }, [stored]);

  // Latest values for the callbacks the viewer holds on to.
  const latest = useRef({ tracked, derived, selectedLesionId, splitNext, panes, studies, kept, fileBytes, onOpenWithKept });
  latest.current = { tracked, derived, selectedLesionId, splitNext, panes, studies, kept, fileBytes, onOpenWithKept };

  const record = useCallback((entry: UndoEntry) => {
    setHistory((h) => recordEdit(h, entry));
    setNotice(undefined);
    refreshStorage();
  }, [refreshStorage, setHistory]);

  const run = useCallback(async (edit: Promise<{ ok: true; value: UndoEntry } | { ok: false; error: StoreError }>) => {
    const recorded = edit.then((result) => {
      if (result.ok) record(result.value);
      else refused(result.error);
      return result.ok;
    });
    inFlight.current = recorded;
    return recorded;
  }, [record, refused]);

  const lesionOf = (id: string | undefined): LesionRow | undefined => latest.current.tracked?.lesions.find((l) => l.id === id);

  const reveal = useCallback((lesionId: string) => {
    const measurements = latest.current.tracked?.measurements.filter((m) => m.lesionId === lesionId) ?? [];
    for (const target of revealTargets(latest.current.panes, measurements)) viewer.current?.reveal(target.paneKey, target.image, target.centre);
  }, [viewer]);

  // Undo and redo queue behind the edit being written and behind each other: two quick presses undo two steps.
  const undoOrRedo = useCallback((which: 'undo' | 'redo') => {
    const step = inFlight.current.then(async () => {
      const entry = which === 'undo' ? nextUndo(historyRef.current) : nextRedo(historyRef.current);
      if (!entry) return;
      const done = await (which === 'undo' ? entry.undo() : entry.redo());
      if (done) setHistory((current) => (which === 'undo' ? afterUndo(current) : afterRedo(current)));
      else setNotice({ tone: 'error', text: `Could not ${which} "${entry.label}": the record has changed since (signed off, or edited in another tab). Nothing was lost.` });
    });
    inFlight.current = step;
    return step;
  }, [setHistory]);
  useUndoKeys(undoOrRedo);

  const onIntent = useCallback((intent: TrackingIntent) => {
    const current = latest.current;
    const t = current.tracked;
    switch (intent.kind) {
      case 'select-lesion':
        setSelectedLesionId(intent.lesionId);
        setSplitNext(false);
        if (intent.lesionId) reveal(intent.lesionId);
        return;
      case 'add-lesion': {
        if (!t || !current.derived) return;
        const baseline = current.derived.ordered.find((o) => o.ordinal === 0);
        const reading = readingTimepoint(current.derived.ordered, current.panes);
        const first = intent.category === 'new' ? reading : baseline;
        if (!first) return;
        void createLesion(db, { patientId: t.patient.id, category: intent.category, organ: 'other', location: '', firstStudyInstanceUid: first.row.studyInstanceUid })
          .then((result) => {
            if (!result.ok) return refused(result.error);
            setSelectedLesionId(result.value.id);
            setNotice({ tone: 'info', text: `${result.value.label} added: choose its organ, then measure it (M: long axis, B: bidirectional).` });
          });
        return;
      }
      case 'update-lesion': {
        const { lesionId, kind: _kind, ...changes } = intent;
        void updateLesion(db, lesionId, changes).then((r) => { if (!r.ok) refused(r.error); });
        return;
      }
      case 'delete-lesion':
        void deleteLesion(db, intent.lesionId).then((r) => {
          if (!r.ok) return refused(r.error);
          setSelectedLesionId(undefined);
          // Earlier steps may name the deleted lesion's rows: they can no longer be undone.
          setHistory(() => EMPTY_HISTORY);
          setNotice({ tone: 'info', text: `${r.value.label} deleted with its measurements.` });
        });
        return;
      case 'set-finding': {
        const lesion = lesionOf(intent.lesionId);
        const index = current.derived?.index;
        if (!lesion || !index) return;
        const measured = index.measurements(lesion.id, intent.studyInstanceUid);
        const dropsMeasurements = lesion.category === 'target' && intent.state !== 'measured' ? measured : [];
        if (dropsMeasurements.length > 0 && !window.confirm(`Remove ${lesion.label}'s measurement at this time point to record it as ${intent.state === undefined ? 'not assessed' : intent.state.replace('_', ' ')}?`)) return;
        void run(changeFinding(db, lesion.id, intent.studyInstanceUid, intent.state, intent.mergedIntoLesionId, dropsMeasurements, `${lesion.label}: ${intent.state ?? 'not assessed'}`));
        return;
      }
      case 'set-treatment-date':
        if (!t) return;
        void setTreatmentDate(db, t.patient.id, intent.date).then((r) => { if (!r.ok) refused(r.error); });
        return;
      case 'set-excluded':
        void setTimepointExcluded(db, intent.studyInstanceUid, intent.excluded).then((r) => { if (!r.ok) refused(r.error); });
        return;
      case 'sign-off': {
        const label = current.derived?.ordered.find((o) => o.row.studyInstanceUid === intent.studyInstanceUid)?.label;
        const assessed = current.derived?.assessment?.timepoints.find((a) => a.label === label);
        void signOffTimepoint(db, intent.studyInstanceUid, {
          reader: intent.reader,
          at: now(),
          overallResponse: assessed?.overallResponse ?? (assessed?.isBaseline ? 'baseline' : 'not assessed'),
          explanation: assessed?.explanation ?? '',
        }).then((r) => (r.ok ? setNotice({ tone: 'info', text: `${label ?? 'Time point'} signed off by ${intent.reader}.` }) : refused(r.error)));
        return;
      }
      case 'unlock':
        void unlockTimepoint(db, intent.studyInstanceUid).then((r) => { if (!r.ok) refused(r.error); });
        return;
      case 'set-split-next':
        setSplitNext(intent.on);
        return;
      case 'undo': case 'redo':
        void undoOrRedo(intent.kind);
        return;
      case 'dismiss-notice':
        setNotice(undefined);
        return;
      case 'keep-images': {
        const node = current.studies.find((st) => st.studyInstanceUid === intent.studyInstanceUid);
        if (!node) return;
        setNotice({ tone: 'info', text: 'Keeping the images in this browser…' });
        void keepStudyImages(db, node, current.fileBytes).then((r) => {
          if (r.ok) setNotice({ tone: 'info', text: `Images of ${node.date ?? 'the study'} kept in this browser (${formatBytes(r.value)}): they open again without the original files.` });
          else if (r.error.code === 'FILES_MISSING') setNotice({ tone: 'error', text: `${r.error.missing} file(s) of this study are no longer at hand: open the study's files again, then keep its images.` });
          else refused(r.error);
          refreshStorage();
        });
        return;
      }
      case 'forget-images':
        if (!window.confirm('Remove the images of this study from the browser? The measurements stay; the files will be needed to see the images again.')) return;
        void deleteStudyImages(db, intent.studyInstanceUid).then((r) => { if (!r.ok) refused(r.error); refreshStorage(); });
        return;
      case 'open-kept-images': {
        const open = new Set(current.studies.map((st) => st.studyInstanceUid));
        const wanted = (current.tracked?.timepoints ?? []).map((tp) => tp.studyInstanceUid)
          .filter((uid) => !open.has(uid) && current.kept.some((k) => k.studyInstanceUid === uid));
        void keptFiles(db, wanted).then((r) => (r.ok ? current.onOpenWithKept(r.value) : refused(r.error)));
        return;
      }
    }
  }, [db, refused, reveal, run, undoOrRedo]);

  // --- The viewer's side: shapes per pane, and what the reader drew or moved.
  const shapes = useMemo(() => {
    const byPane = new Map<string, MeasurementShape[]>();
    if (!tracked || !derived) return byPane;
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
  }, [tracked, derived, panes, selectedLesionId]);

  const onMeasurementDrawn = useCallback((_paneKey: string, draft: MeasurementDraft) => {
    void drawMeasurement(draft);
    async function drawMeasurement({ slice, tool, longAxis, shortAxis }: MeasurementDraft) {
      const { tracked: t, derived: d, selectedLesionId: selected, splitNext: split } = latest.current;
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
      const at = now();
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
  }, [db, refused, run]);

  const onMeasurementEdited = useCallback((_paneKey: string, id: string, axes: { longAxis: MeasurementRow['longAxis']; shortAxis?: MeasurementRow['shortAxis'] }) => {
    const before = latest.current.tracked?.measurements.find((m) => m.id === id);
    if (!before) return;
    const { shortAxis: _old, ...rest } = before;
    const after: MeasurementRow = { ...rest, longAxis: axes.longAxis, ...(axes.shortAxis ? { shortAxis: axes.shortAxis } : {}), updatedAt: now() };
    void run(moveMeasurement(db, before, after, `Adjust ${measurementWords(lesionOf(before.lesionId))}`));
  }, [db, run]);

  const onMeasurementSelected = useCallback((id: string) => {
    const m = latest.current.tracked?.measurements.find((x) => x.id === id);
    if (m) setSelectedLesionId(m.lesionId);
  }, []);

  const onMeasurementDeleteRequested = useCallback((id: string) => {
    const m = latest.current.tracked?.measurements.find((x) => x.id === id);
    if (!m) return;
    const lesion = lesionOf(m.lesionId);
    if (!window.confirm(`Delete this measurement of ${measurementWords(lesion)}?`)) return;
    void run(removeMeasurement(db, id, `Delete ${measurementWords(lesion)}'s measurement`));
  }, [db, run]);

  const onMeasureRefused = useCallback(() => {
    setNotice({ tone: 'error', text: 'This image has no PixelSpacing (it is uncalibrated or calibrated only at the detector), so it cannot be measured for RECIST. Measure on a CT image with PixelSpacing.' });
  }, []);

  const viewerProps: Omit<ComparisonViewerProps, 'panes'> = {
    measurements: shapes,
    onMeasurementDrawn,
    onMeasurementEdited,
    onMeasurementSelected,
    onMeasurementDeleteRequested,
    onMeasureRefused,
  };

  if (!tracked || !derived) return { panel: undefined, viewerProps };
  const reading = readingTimepoint(derived.ordered, panes);
  return {
    viewerProps,
    panel: {
      tracked,
      timepoints: derived.ordered,
      assessment: derived.assessment,
      problems: derived.engine.problems,
      unread: derived.engine.unread,
      readingStudyUid: reading?.row.studyInstanceUid,
      selectedLesionId,
      splitNext,
      canUndo: nextUndo(history) !== undefined,
      canRedo: nextRedo(history) !== undefined,
      notice,
      storage,
      images: new Map(tracked.timepoints.map((tp) => [tp.studyInstanceUid, {
        open: studies.some((st) => st.studyInstanceUid === tp.studyInstanceUid),
        keptBytes: kept.find((k) => k.studyInstanceUid === tp.studyInstanceUid)?.totalBytes,
      }])),
      unreadable: stored?.problems ?? [],
      onIntent,
    },
  };
}

/** The time point being read: the study in the rightmost pane (the follow-up), else the baseline. */
function readingTimepoint<T extends { readonly row: { readonly studyInstanceUid: string } }>(
  ordered: readonly T[], panes: readonly { readonly series: CtSeries }[],
): T | undefined {
  for (const pane of [...panes].reverse()) {
    const found = ordered.find((o) => o.row.studyInstanceUid === pane.series.studyInstanceUid);
    if (found) return found;
  }
  return undefined;
}
