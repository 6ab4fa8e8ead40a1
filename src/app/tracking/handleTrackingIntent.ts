// The reader's intents from the panel, each turned into a repository write or a change of what is selected; every
// write is saved at once, and the edits of measurements and findings go through the undo history.
import { createLesion, deleteLesion, updateLesion } from '../../store/lesionRepository';
import { setTimepointExcluded, setTreatmentDate } from '../../store/patientRepository';
import { signOffTimepoint, unlockTimepoint } from '../../store/signOffRepository';
import { deleteStudyImages } from '../../store/studyImageRepository';
import { formatBytes } from '../../ui/tracking/StorageLine';
import type { TrackingIntent } from '../../ui/tracking/trackingIntent';
import { nextLesionToAssess } from '../../tracking/nextLesionToAssess';
import { changeFinding } from './measurementEdits';
import { readingTimepoint } from './readingTimepoint';
import type { RecordSession } from './recordSession';
import { revealTargets } from './revealTargets';
import { keepStudyImages, keptFiles } from './studyImages';

export function handleTrackingIntent(intent: TrackingIntent, session: RecordSession): void {
  const { db, setSelectedLesionId, setSplitNext, setNotice, refused, refreshStorage, run } = session;
  const current = session.latest.current;
  const t = current.tracked;
  switch (intent.kind) {
    case 'select-lesion':
      setSelectedLesionId(intent.lesionId);
      setSplitNext(false);
      if (intent.lesionId) reveal(session, intent.lesionId);
      return;
    case 'next-lesion': {
      const reading = current.derived && readingTimepoint(current.derived.ordered, current.panes);
      if (!t || !current.derived || !reading) return;
      const next = nextLesionToAssess(t.lesions, current.selectedLesionId, reading.row.studyInstanceUid, current.derived.index);
      if (!next) {
        setNotice({ tone: 'info', text: `Every lesion has a finding at ${reading.label}: check the response, then sign off.` });
        return;
      }
      setSelectedLesionId(next.id);
      setSplitNext(false);
      reveal(session, next.id);
      return;
    }
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
        session.clearHistory();
        setNotice({ tone: 'info', text: `${r.value.label} deleted with its measurements.` });
      });
      return;
    case 'set-finding': {
      const lesion = t?.lesions.find((l) => l.id === intent.lesionId);
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
        at: new Date().toISOString(),
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
    // One-click's: useLesionRecord hands it to useOneClick, which holds the proposal.
    case 'suggest':
      return;
    case 'undo': case 'redo':
      void session.undoOrRedo(intent.kind);
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
}

/** Shows a lesion in every pane on screen (revealTargets says where). */
function reveal({ latest, viewer }: RecordSession, lesionId: string): void {
  const measurements = latest.current.tracked?.measurements.filter((m) => m.lesionId === lesionId) ?? [];
  for (const target of revealTargets(latest.current.panes, measurements)) viewer.current?.reveal(target.paneKey, target.image, target.centre);
}
