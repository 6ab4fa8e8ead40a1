// The reading screen with the lesion record beside it: the viewer draws the patient's measurements and reports new
// ones, the right column shows lesions and the live response. Rendered once the database is open and a patient's
// series is on screen; until then the plain reading screen stands in.
import { useRef } from 'react';
import type { PatientNode } from '../../dicom/studyTree';
import type { RecistDatabase } from '../../store/database';
import { primaryPaneKey, ReadingScreen, type ReadingScreenProps } from '../../ui/ReadingScreen';
import { RecordLoading } from '../../ui/tracking/RecordLoading';
import { TrackingPanel } from '../../ui/tracking/TrackingPanel';
import type { ComparisonViewerHandle } from '../../ui/viewer/ComparisonViewer';
import type { NamedBlob } from '../loading/workerProtocol';
import type { FileBytes } from './studyImages';
import { useLesionRecord } from './useLesionRecord';

export interface RecordedReadingScreenProps extends ReadingScreenProps {
  readonly db: RecistDatabase;
  readonly patient: { readonly key: string; readonly name: string };
  readonly tree: readonly PatientNode[];
  readonly defaultTreatmentDate: string | undefined;
  /** The bytes of a file of the import on screen, to keep a study's images in the database. */
  readonly fileBytes: FileBytes;
  /** Opens kept studies together with what is on screen. */
  readonly onOpenWithKept: (kept: readonly NamedBlob[]) => void;
}

export function RecordedReadingScreen({ db, patient, tree, defaultTreatmentDate, fileBytes, onOpenWithKept, ...screen }: RecordedReadingScreenProps) {
  const viewer = useRef<ComparisonViewerHandle>(null);
  const loaded = screen.state.status === 'ready' ? screen.state.loaded : undefined;
  const panes = [
    ...(loaded ? [{ key: primaryPaneKey(loaded.series), series: loaded.series }] : []),
    ...(screen.comparePanes ?? []).map((p) => ({ key: p.key, series: p.series })),
  ];
  const record = useLesionRecord({ db, patient, tree, panes, defaultTreatmentDate, viewer, fileBytes, onOpenWithKept });
  return (
    <ReadingScreen
      {...screen}
      viewerProps={{ ...record.viewerProps, ref: viewer }}
      sidePanel={record.panel ? <TrackingPanel {...record.panel} /> : <RecordLoading />}
    />
  );
}
