// The right column: the patient's time points, the lesion checklist for the time point being read, the selected
// lesion's details, the live RECIST response and the sign-off. It renders the record and sends intents; the app
// writes them.
import { formatPersonName } from '../../dicom/personName';
import type { OrderedTimepoint } from '../../tracking/timepoints';
import { lesionValue } from '../../tracking/lesionValue';
import { compareLabels } from '../../tracking/toPatientRecord';
import { LesionEditor } from './LesionEditor';
import { LesionTable } from './LesionTable';
import { RecistSummary } from './RecistSummary';
import { SignOffBar } from './SignOffBar';
import { StorageLine, type StorageView } from './StorageLine';
import { TimepointList } from './TimepointList';
import type { RecordView } from './recordView';
import type { StudyImagesView, TrackingIntent } from './trackingIntent';
import './tracking.css';

/** The image record's panel; it reads the follow-up in the right pane, else the baseline (`readingStudyUid`). */
export interface TrackingPanelProps extends RecordView {
  readonly selectedLesionId: string | undefined;
  readonly splitNext: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly storage: StorageView | undefined;
  /** Per time point (study UID): its images open now, and kept in the browser. */
  readonly images: ReadonlyMap<string, StudyImagesView>;
  /** Saved rows that could not be read (damaged or from another version): shown, never dropped. */
  readonly unreadable: readonly { readonly table: string; readonly id: string; readonly detail: string }[];
  readonly onIntent: (intent: TrackingIntent) => void;
}

export function TrackingPanel(props: TrackingPanelProps) {
  const { tracked, timepoints, assessment, problems, unread, index, readingStudyUid, selectedLesionId, splitNext, canUndo, canRedo, notice, storage, images, unreadable, onIntent } = props;
  const baseline = timepoints.find((t) => t.ordinal === 0);
  const readingTimepoint = timepoints.find((t) => t.row.studyInstanceUid === readingStudyUid);
  const followUp = readingTimepoint && readingTimepoint.ordinal !== undefined && readingTimepoint.ordinal > 0 ? readingTimepoint : undefined;
  const locked = (followUp ?? baseline)?.row.signOff !== undefined;
  const lesions = [...tracked.lesions].sort((a, b) => compareLabels(a.label, b.label));
  const selected = lesions.find((l) => l.id === selectedLesionId);
  // Targets the baseline sum leaves out, for want of a diameter there: said under the sum, not silently dropped.
  const unmeasuredTargets = baseline
    ? lesions.filter((l) => l.category === 'target' && lesionValue(l, baseline.row.studyInstanceUid, index).totalMm === undefined).map((l) => l.label)
    : [];
  const headline = followUp ? assessment?.timepoints.find((t) => t.label === followUp.label && !t.isBaseline) : undefined;
  const selectedLocked = selected !== undefined && timepoints.some((t) => t.row.signOff && t.row.studyInstanceUid === selected.firstStudyInstanceUid);

  return (
    <aside className="tracking-panel" aria-label="Lesions and response">
      <header className="tracking-panel__patient">
        <span className="tracking-panel__name">{formatPersonName(tracked.patient.name) || tracked.patient.id}</span>
        <span className="tracking__dim"> {tracked.patient.id}</span>
        {headline && (
          // The answer of the follow-up being read, at the top of the column and kept there while it scrolls.
          <p className="tracking-panel__headline" data-testid="headline-response">
            {headline.label}: <strong>{headline.overallResponse ?? '—'}</strong>
          </p>
        )}
      </header>
      {notice && (
        <div className={`tracking-notice tracking-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" className="tracking-notice__close" aria-label="Dismiss" onClick={() => onIntent({ kind: 'dismiss-notice' })}>×</button>
        </div>
      )}
      {unreadable.length > 0 && (
        <div className="tracking-notice tracking-notice--error" role="alert" data-testid="unreadable-rows">
          <span>
            {unreadable.length} saved item{unreadable.length === 1 ? '' : 's'} of this patient could not be read
            ({unreadable.slice(0, 3).map((u) => `${u.table}: ${u.detail}`).join('; ')}{unreadable.length > 3 ? '; …' : ''}).
            They are left untouched in the database; everything else is shown and can be edited. A backup keeps them.
          </span>
        </div>
      )}
      <h2 className="sidebar__heading">Time points</h2>
      <TimepointList timepoints={timepoints} readingStudyUid={readingStudyUid} treatmentDate={tracked.patient.treatmentDate} images={images} onIntent={onIntent} />

      <h2 className="sidebar__heading">
        Lesions{followUp ? <span className="tracking__dim"> · reading {followUp.label}, {followUp.row.studyDate}</span> : <span className="tracking__dim"> · baseline</span>}
      </h2>
      <div className="tracking-panel__actions">
        <button type="button" className="button" disabled={locked || !baseline} onClick={() => onIntent({ kind: 'add-lesion', category: 'target' })}>+ Target</button>
        <button type="button" className="button" disabled={locked || !baseline} onClick={() => onIntent({ kind: 'add-lesion', category: 'non-target' })}>+ Non-target</button>
        {followUp && <button type="button" className="button" disabled={locked} onClick={() => onIntent({ kind: 'add-lesion', category: 'new' })}>+ New lesion</button>}
        <button type="button" className="button" disabled={lesions.length === 0} onClick={() => onIntent({ kind: 'next-lesion' })} title="N: the next lesion not yet assessed here, shown in both panes">Next lesion</button>
        {followUp && <button type="button" className="button" disabled={locked} onClick={() => onIntent({ kind: 'suggest' })} title="S: find the selected lesion here, near where it was at baseline, and propose its measurement (Enter accepts it)">Suggest</button>}
        <span className="tracking__spacer" />
        <button type="button" className="button" disabled={!canUndo} onClick={() => onIntent({ kind: 'undo' })} title="Ctrl+Z">Undo</button>
        <button type="button" className="button" disabled={!canRedo} onClick={() => onIntent({ kind: 'redo' })} title="Ctrl+Shift+Z">Redo</button>
      </div>
      <LesionTable
        lesions={lesions}
        index={index}
        baseline={baseline}
        reading={followUp}
        selectedLesionId={selectedLesionId}
        locked={locked}
        onIntent={onIntent}
      />
      {selected && <LesionEditor lesion={selected} splitNext={splitNext} locked={selectedLocked} onIntent={onIntent} />}

      <h2 className="sidebar__heading">RECIST 1.1</h2>
      <RecistSummary assessment={assessment} readingLabel={followUp?.label} problems={problems} unread={unread} unmeasuredTargets={unmeasuredTargets} />
      {(followUp ?? baseline) && <SignOffBar key={(followUp ?? baseline)?.row.studyInstanceUid} timepoint={(followUp ?? baseline) as OrderedTimepoint} onIntent={onIntent} />}
      <StorageLine storage={storage} />
    </aside>
  );
}
