// The reader's record -> the engine's input (recist/types.ts), for the live RECIST panel and the export: the same
// mapping for both, so the response on screen is the response written out.
import {
  type MeasurementSource, type NewLesionObservation, type NewLesionState, type NonTargetObservation, type NonTargetState,
  type PatientRecord, type TargetFragment, type TargetObservation, type TargetState, type TimepointRecord,
  combineMeasurementSources,
} from '../recist/types';
import { isReportTimepoint, measurementSource } from './source';
import { mmToMicrometres, type Micrometres } from '../recist/units';
import { axesMm, recistDiameterMm } from './measurementValues';
import { orderTimepoints, type OrderedTimepoint } from './timepoints';
import type { FindingRow, LesionRow, MeasurementRow, PatientRow, TimepointRow } from './types';

export interface TrackedPatient {
  readonly patient: PatientRow;
  readonly timepoints: readonly TimepointRow[];
  readonly lesions: readonly LesionRow[];
  readonly findings: readonly FindingRow[];
  readonly measurements: readonly MeasurementRow[];
}

/** Something in the record the engine cannot use, in words the reader can act on. */
export interface TrackingProblem {
  readonly lesionId: string;
  readonly studyInstanceUid: string;
  readonly message: string;
}

export interface EngineInput {
  readonly record: PatientRecord;
  /** The included time points in engine order; their labels are the engine's time point labels. */
  readonly timepoints: readonly OrderedTimepoint[];
  readonly problems: readonly TrackingProblem[];
  /** Follow-ups with nothing recorded yet: not read is not "not evaluable", so they are left out of the engine. */
  readonly unread: readonly OrderedTimepoint[];
}

const TARGET_STATES = new Set<string>(['measured', 'too_small', 'absent', 'not_evaluable', 'merged']);
const NON_TARGET_STATES = new Set<string>(['present', 'absent', 'progression', 'not_evaluable']);
const NEW_STATES = new Set<string>(['unequivocal', 'equivocal']);

const findingKey = (lesionId: string, studyUid: string) => `${lesionId}|${studyUid}`;
const um = (mm: number): Micrometres => mmToMicrometres(mm);

export function toPatientRecord(tracked: TrackedPatient): EngineInput {
  const ordered = orderTimepoints(tracked.timepoints, tracked.patient.treatmentDate).filter((t) => t.ordinal !== undefined);
  const findings = new Map(tracked.findings.map((f) => [findingKey(f.lesionId, f.studyInstanceUid), f]));
  const measurementsOf = new Map<string, MeasurementRow[]>();
  for (const m of tracked.measurements) {
    const key = findingKey(m.lesionId, m.studyInstanceUid);
    measurementsOf.set(key, [...(measurementsOf.get(key) ?? []), m]);
  }
  // Fragments in the order they were drawn, so explanations list them the same way every time.
  for (const list of measurementsOf.values()) list.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const lesions = [...tracked.lesions].sort((a, b) => compareLabels(a.label, b.label));
  const problems: TrackingProblem[] = [];

  const timepoints = ordered.map(({ row, label, ordinal }): TimepointRecord => {
    const study = row.studyInstanceUid;
    const targets: TargetObservation[] = [];
    const nonTargets: NonTargetObservation[] = [];
    const newLesions: NewLesionObservation[] = [];
    const sources: MeasurementSource[] = [];
    for (const lesion of lesions) {
      const finding = findings.get(findingKey(lesion.id, study));
      if (!finding) continue;
      const identity = { lesionId: lesion.label, organ: lesion.organ, nodal: lesion.nodal };
      const measured = measurementsOf.get(findingKey(lesion.id, study)) ?? [];
      // A state without a drawing (disappeared, present...) was read where the time point was read.
      if (measured.length === 0) sources.push(isReportTimepoint(row) ? 'report' : 'image');
      else for (const m of measured) sources.push(measurementSource(m));
      switch (lesion.category) {
        case 'target': {
          if (!TARGET_STATES.has(finding.state)) continue;
          // A baseline target is chosen because it can be measured: any other state there has no sum to start from.
          if (ordinal === 0 && finding.state !== 'measured') {
            problems.push({ lesionId: lesion.id, studyInstanceUid: study, message: `${lesion.label} is a target: measure it at baseline, or make it a non-target.` });
            continue;
          }
          const fragments = targetFragments(lesion, finding.state as TargetState, measured, (message) =>
            problems.push({ lesionId: lesion.id, studyInstanceUid: study, message }));
          if (fragments.length > 0) targets.push({ ...identity, fragments });
          break;
        }
        case 'non-target': {
          if (!NON_TARGET_STATES.has(finding.state)) continue;
          nonTargets.push({ ...identity, state: finding.state as NonTargetState, ...nodeShortAxis(lesion, measured) });
          break;
        }
        case 'new': {
          if (!NEW_STATES.has(finding.state)) continue;
          newLesions.push({ ...identity, state: finding.state as NewLesionState, ...nodeShortAxis(lesion, measured) });
          break;
        }
      }
    }
    // The baseline has no response to assign: an assignment there (only by a stale row) is ignored, not passed on.
    const assigned = ordinal !== undefined && ordinal > 0 && row.assigned !== undefined ? { assigned: row.assigned } : {};
    const measurementSourceOf = combineMeasurementSources(sources);
    const source = measurementSourceOf === null ? {} : { measurementSource: measurementSourceOf };
    return { label, scanDate: row.studyDate, targets, nonTargets, newLesions, ...assigned, ...source };
  });

  const read = timepoints.map((t, i) => i === 0 || t.assigned !== undefined || t.targets.length + t.nonTargets.length + t.newLesions.length > 0);
  return {
    record: { patientId: tracked.patient.id, timepoints: timepoints.filter((_, i) => read[i]) },
    timepoints: ordered.filter((_, i) => read[i]),
    problems,
    unread: ordered.filter((_, i) => !read[i]),
  };
}

function targetFragments(
  lesion: LesionRow, state: TargetState, measured: readonly MeasurementRow[], problem: (message: string) => void,
): TargetFragment[] {
  if (state !== 'measured') return [{ state }];
  const fragments: TargetFragment[] = [];
  for (const m of measured) {
    const diameter = recistDiameterMm(lesion, axesMm(m));
    if (diameter === undefined) {
      problem(`${lesion.label} is a lymph node: its RECIST diameter is the short axis. Measure it with the bidirectional tool.`);
      return [];
    }
    fragments.push({ state: 'measured', diameter: um(diameter) });
  }
  return fragments;
}

/** A node's short axis, when it was measured bidirectionally: below 10 mm it counts as normal. */
function nodeShortAxis(lesion: LesionRow, measured: readonly MeasurementRow[]): { shortAxis?: Micrometres } {
  if (!lesion.nodal) return {};
  const shortAxes = measured.map((m) => axesMm(m).shortAxisMm).filter((v): v is number => v !== undefined);
  return shortAxes.length > 0 ? { shortAxis: um(Math.max(...shortAxes)) } : {};
}

/** T2 before T10; targets, then non-targets, then new lesions when labels share a number. */
export function compareLabels(a: string, b: string): number {
  const pa = /^([A-Z]+)(\d+)$/.exec(a);
  const pb = /^([A-Z]+)(\d+)$/.exec(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  const order = (prefix: string) => ({ T: 0, NT: 1, N: 2 })[prefix] ?? 3;
  const byPrefix = order(pa[1] ?? '') - order(pb[1] ?? '');
  return byPrefix !== 0 ? byPrefix : Number(pa[2]) - Number(pb[2]);
}
