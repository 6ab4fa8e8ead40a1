// What the reader's intents (handleTrackingIntent) and the viewer's callbacks (useViewerCallbacks) share: the latest
// values of the screen, and the state changes and writes they may make. The panel and the viewer hold on to those
// callbacks across renders, so they read the values when they run, never from the render that made them.
import type { CtSeries } from '../../dicom/ctSeries';
import type { StudyNode } from '../../dicom/studyTree';
import type { RecistDatabase } from '../../store/database';
import type { StoreError } from '../../store/storeError';
import type { StoredStudy } from '../../store/studyImageRepository';
import type { TrackedPatient } from '../../tracking/toPatientRecord';
import type { Notice } from '../../ui/tracking/trackingIntent';
import type { ComparisonViewerHandle } from '../../ui/viewer/ComparisonViewer';
import type { NamedBlob } from '../loading/workerProtocol';
import type { DerivedRecord } from './deriveRecord';
import type { Edit } from './measurementEdits';
import type { FileBytes } from './studyImages';

/** A pane on screen, with the key the viewer knows it by. */
export interface RecordPane {
  readonly key: string;
  readonly series: CtSeries;
}

/** The values of the latest render. */
export interface RecordSnapshot {
  readonly tracked: TrackedPatient | undefined;
  readonly derived: DerivedRecord | undefined;
  readonly selectedLesionId: string | undefined;
  readonly splitNext: boolean;
  readonly panes: readonly RecordPane[];
  /** The patient's studies the import found. */
  readonly studies: readonly StudyNode[];
  readonly kept: readonly StoredStudy[];
  readonly fileBytes: FileBytes;
  readonly onOpenWithKept: (kept: readonly NamedBlob[]) => void;
}

export interface RecordSession {
  readonly db: RecistDatabase;
  readonly latest: { readonly current: RecordSnapshot };
  readonly viewer: React.RefObject<ComparisonViewerHandle | null>;
  readonly setSelectedLesionId: (lesionId: string | undefined) => void;
  readonly setSplitNext: (on: boolean) => void;
  readonly setNotice: (notice: Notice | undefined) => void;
  /** Tells the reader in words why the store refused a write. */
  readonly refused: (error: StoreError) => void;
  /** Reads the browser's storage estimate again, after a write that may have changed it. */
  readonly refreshStorage: () => void;
  /** Writes an undoable edit and records it; resolves to whether the store took it. */
  readonly run: (edit: Edit) => Promise<boolean>;
  readonly undoOrRedo: (which: 'undo' | 'redo') => Promise<void>;
  /** Forgets every step: for a write that undo entries cannot follow. */
  readonly clearHistory: () => void;
}
