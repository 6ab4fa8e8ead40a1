// A patient's record read from reports, tied to the ReportReading panel: reads it live, runs the engine (deriveRecord,
// as the image panel does), and turns the reader's intents into repository writes. Typed millimetres
// are checked first (tracking/typedMeasurement) and a refusal is shown next to the field; nothing saved is lost.
import { useCallback, useMemo, useState } from 'react';
import type { RecistDatabase } from '../../store/database';
import { createLesion, updateLesion } from '../../store/lesionRepository';
import { addReportTimepoint, setAssignedResponse } from '../../store/reportRepository';
import { checkReportTimepoint, type ReportProblem } from '../../store/reportRules';
import { usePatientRecord } from '../../store/usePatientRecord';
import { checkTypedAxes, typedMeasurement } from '../../tracking/typedMeasurement';
import { describeTypedAxesError } from '../../ui/messages';
import type { ReportIntent } from '../../ui/tracking/reportIntent';
import type { ReportReadingProps } from '../../ui/tracking/ReportReading';
import { deriveRecord, recordView, trackedPatient } from './deriveRecord';
import { addMeasurement, changeFinding } from './measurementEdits';
import { useNotice } from './useNotice';

export function useReportRecord(db: RecistDatabase, patientId: string): ReportReadingProps | undefined {
  const stored = usePatientRecord(db, patientId);
  const [readingUid, setReadingUid] = useState<string | undefined>(undefined);
  const [reportProblems, setReportProblems] = useState<readonly ReportProblem[]>([]);
  const [axesErrors, setAxesErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const { notice, setNotice, refused } = useNotice();

  const derived = useMemo(() => {
    const tracked = trackedPatient(stored);
    return tracked && { tracked, ...deriveRecord(tracked) };
  }, [stored]);

  const onIntent = useCallback((intent: ReportIntent) => {
    if (!derived) return;
    const { tracked, index } = derived;
    const setAxesError = (key: string, text: string | undefined) => setAxesErrors((m) => {
      const next = new Map(m);
      if (text === undefined) next.delete(key); else next.set(key, text);
      return next;
    });
    switch (intent.kind) {
      case 'add-report-timepoint': {
        const input = { ...intent.input, patientId: tracked.patient.id };
        const problems = checkReportTimepoint(input);
        setReportProblems(problems);
        if (problems.length > 0) return;
        void addReportTimepoint(db, input).then((r) => {
          if (!r.ok) return refused(r.error);
          setReadingUid(r.value.studyInstanceUid);
          setNotice({ tone: 'info', text: `Time point of ${r.value.studyDate} added from report ${r.value.report?.accessionNumber ?? ''}.` });
        });
        return;
      }
      case 'add-lesion':
        void createLesion(db, { patientId: tracked.patient.id, category: intent.category, organ: 'other', location: '', firstStudyInstanceUid: intent.studyInstanceUid })
          .then((r) => (r.ok ? setNotice({ tone: 'info', text: `${r.value.label} added: choose its organ and type its size from the report.` }) : refused(r.error)));
        return;
      case 'set-organ':
        void updateLesion(db, intent.lesionId, { organ: intent.organ }).then((r) => { if (!r.ok) refused(r.error); });
        return;
      case 'save-axes': {
        const lesion = tracked.lesions.find((l) => l.id === intent.lesionId);
        if (!lesion) return;
        const key = `${lesion.id}|${intent.studyInstanceUid}`;
        const checked = checkTypedAxes(lesion, intent.longText, intent.shortText);
        if (!checked.ok) return setAxesError(key, describeTypedAxesError(checked.error));
        setAxesError(key, undefined);
        const others = index.measurements(lesion.id, intent.studyInstanceUid);
        const row = typedMeasurement(lesion, intent.studyInstanceUid, checked.value, crypto.randomUUID(), new Date().toISOString());
        void addMeasurement(db, row, others, true, `Type ${lesion.label}`).then((r) => { if (!r.ok) refused(r.error); });
        return;
      }
      case 'set-state': {
        const lesion = tracked.lesions.find((l) => l.id === intent.lesionId);
        if (!lesion) return;
        const measured = lesion.category === 'target' ? index.measurements(lesion.id, intent.studyInstanceUid) : [];
        void changeFinding(db, lesion.id, intent.studyInstanceUid, intent.state, undefined, measured, `${lesion.label}: ${intent.state ?? 'not assessed'}`)
          .then((r) => { if (!r.ok) refused(r.error); });
        return;
      }
      case 'assign':
        void setAssignedResponse(db, intent.studyInstanceUid, { response: intent.response, reason: intent.reason })
          .then((r) => (r.ok ? setNotice({ tone: 'info', text: `${intent.response} assigned from the report.` }) : refused(r.error)));
        return;
      case 'unassign':
        void setAssignedResponse(db, intent.studyInstanceUid, undefined).then((r) => { if (!r.ok) refused(r.error); });
        return;
    }
  }, [db, derived, refused, setNotice]);

  if (!derived) return undefined;
  const reading = derived.ordered.find((o) => o.row.studyInstanceUid === readingUid) ?? derived.ordered.find((o) => o.ordinal !== undefined);
  return {
    ...recordView(derived.tracked, derived, reading?.row.studyInstanceUid, notice),
    onRead: setReadingUid,
    reportProblems,
    axesErrors,
    onIntent,
  };
}
