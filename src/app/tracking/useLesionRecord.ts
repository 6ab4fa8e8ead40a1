// The lesion record of the patient on screen, tied to the viewer and the panel: ensures the patient and its time
// points exist, reads the record live (this tab and others), runs the engine on it, and hands the reader's intents
// (handleTrackingIntent) and drawings (useViewerCallbacks) the writes they make, with undo. Everything is saved the
// moment it is done.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { PatientNode } from '../../dicom/studyTree';
import type { RecistDatabase } from '../../store/database';
import { storageEstimate } from '../../store/storageStatus';
import { usePatientRecord } from '../../store/usePatientRecord';
import { useStoredStudies } from '../../store/useStoredStudies';
import type { StorageView } from '../../ui/tracking/StorageLine';
import type { TrackingPanelProps } from '../../ui/tracking/TrackingPanel';
import type { TrackingIntent } from '../../ui/tracking/trackingIntent';
import type { ComparisonViewerHandle, ComparisonViewerProps } from '../../ui/viewer/ComparisonViewer';
import type { MeasurementShape } from '../../viewer/measurementShape';
import type { NamedBlob } from '../loading/workerProtocol';
import { useOneClick } from '../oneClick/useOneClick';
import { deriveRecord, recordView, trackedPatient } from './deriveRecord';
import { handleTrackingIntent } from './handleTrackingIntent';
import { measurementShapes } from './measurementShapes';
import { readingTimepoint } from './readingTimepoint';
import type { RecordPane, RecordSession, RecordSnapshot } from './recordSession';
import type { FileBytes } from './studyImages';
import { useEditHistory } from './useEditHistory';
import { useNextLesionKey } from './useNextLesionKey';
import { useEnsurePatient } from './useEnsurePatient';
import { useNotice } from './useNotice';
import { useViewerCallbacks } from './useViewerCallbacks';

export interface LesionRecordInput {
  readonly db: RecistDatabase;
  /** The patient of the left pane: whose record is shown. */
  readonly patient: { readonly key: string; readonly name: string };
  /** Every study of that patient the import found (each becomes a time point). */
  readonly tree: readonly PatientNode[];
  /** The panes on screen, left to right, with the keys the viewer knows them by. */
  readonly panes: readonly RecordPane[];
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

export function useLesionRecord(input: LesionRecordInput): LesionRecord {
  const { db, patient, tree, panes, defaultTreatmentDate, viewer, fileBytes, onOpenWithKept } = input;
  const stored = usePatientRecord(db, patient.key);
  const kept = useStoredStudies(db);
  const [selectedLesionId, setSelectedLesionId] = useState<string | undefined>(undefined);
  const [splitNext, setSplitNext] = useState(false);
  const [storage, setStorage] = useState<StorageView | undefined>(undefined);

  const { notice, setNotice, refused } = useNotice();
  const refreshStorage = useCallback(() => {
    void storageEstimate().then((e) => setStorage(e && { usedBytes: e.usedBytes, quotaBytes: e.quotaBytes, persisted: e.persisted }));
  }, []);

  const studies = useMemo(() => tree.find((p) => p.key === patient.key)?.studies ?? [], [tree, patient.key]);
  useEnsurePatient(db, patient, studies, defaultTreatmentDate, { setNotice, refused, refreshStorage });

  // `stored` is a new object exactly when the live query read something new: both follow it, so the shapes below
  // are worked out again only then (or when the panes or the selection change), not on every render.
  const tracked = useMemo(() => trackedPatient(stored), [stored]);
  const derived = useMemo(() => (tracked ? deriveRecord(tracked) : undefined), [tracked]);

  const latest = useRef<RecordSnapshot>({ tracked, derived, selectedLesionId, splitNext, panes, studies, kept, fileBytes, onOpenWithKept });
  latest.current = { tracked, derived, selectedLesionId, splitNext, panes, studies, kept, fileBytes, onOpenWithKept };

  const { canUndo, canRedo, run, undoOrRedo, clear } = useEditHistory({ setNotice, refused, refreshStorage });
  const session = useMemo((): RecordSession => ({
    db, latest, viewer, setSelectedLesionId, setSplitNext, setNotice, refused, refreshStorage, run, undoOrRedo, clearHistory: clear,
  }), [db, viewer, refused, refreshStorage, run, undoOrRedo, clear]);

  const oneClick = useOneClick(session);
  const { onSuggest } = oneClick;
  const onIntent = useCallback(
    (intent: TrackingIntent) => (intent.kind === 'suggest' ? onSuggest?.() : handleTrackingIntent(intent, session)),
    [session, onSuggest],
  );
  useNextLesionKey(() => onIntent({ kind: 'next-lesion' }));
  const callbacks = useViewerCallbacks(session);
  const shapes = useMemo(
    () => (tracked && derived ? measurementShapes(tracked, panes, selectedLesionId) : new Map<string, MeasurementShape[]>()),
    [tracked, derived, panes, selectedLesionId],
  );
  const viewerProps: Omit<ComparisonViewerProps, 'panes'> = { measurements: shapes, ...callbacks, ...oneClick };

  if (!tracked || !derived) return { panel: undefined, viewerProps };
  const reading = readingTimepoint(derived.ordered, panes);
  return {
    viewerProps,
    panel: {
      ...recordView(tracked, derived, reading?.row.studyInstanceUid, notice),
      selectedLesionId,
      splitNext,
      canUndo,
      canRedo,
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
