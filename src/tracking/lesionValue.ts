// What the record says of one lesion at one time point, for the checklist: its state, its measurements and the
// RECIST diameter they give (fragments of a split lesion added up).
import { axesMm, recistDiameterMm, type AxesMm } from './measurementValues';
import type { FindingRow, FindingState, LesionRow, MeasurementRow } from './types';

export interface LesionValue {
  /** Undefined: not assessed at this time point. */
  readonly state: FindingState | undefined;
  readonly mergedIntoLesionId: string | undefined;
  readonly measurements: readonly MeasurementRow[];
  readonly axes: readonly AxesMm[];
  /** The RECIST diameter of each measurement (undefined for a node without a short axis). */
  readonly diametersMm: readonly (number | undefined)[];
  /** Their sum, in tenths exact, when every one is known. */
  readonly totalMm: number | undefined;
}

export interface RecordIndex {
  readonly finding: (lesionId: string, studyUid: string) => FindingRow | undefined;
  readonly measurements: (lesionId: string, studyUid: string) => readonly MeasurementRow[];
}

const key = (lesionId: string, studyUid: string) => `${lesionId}|${studyUid}`;
const NONE: readonly MeasurementRow[] = [];

export function indexRecord(findings: readonly FindingRow[], measurements: readonly MeasurementRow[]): RecordIndex {
  const byFinding = new Map(findings.map((f) => [key(f.lesionId, f.studyInstanceUid), f]));
  const byMeasurement = new Map<string, MeasurementRow[]>();
  for (const m of [...measurements].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))) {
    const k = key(m.lesionId, m.studyInstanceUid);
    byMeasurement.set(k, [...(byMeasurement.get(k) ?? []), m]);
  }
  return {
    finding: (lesionId, studyUid) => byFinding.get(key(lesionId, studyUid)),
    measurements: (lesionId, studyUid) => byMeasurement.get(key(lesionId, studyUid)) ?? NONE,
  };
}

export function lesionValue(lesion: LesionRow, studyUid: string, index: RecordIndex): LesionValue {
  const finding = index.finding(lesion.id, studyUid);
  const measurements = index.measurements(lesion.id, studyUid);
  const axes = measurements.map(axesMm);
  const diametersMm = axes.map((a) => recistDiameterMm(lesion, a));
  const known = diametersMm.every((d) => d !== undefined) && diametersMm.length > 0;
  // Tenths as integers, so 12.3 + 7.7 is 20.0 and not 19.999999999999996.
  const totalMm = known ? diametersMm.reduce<number>((sum, d) => sum + Math.round((d ?? 0) * 10), 0) / 10 : undefined;
  return { state: finding?.state, mergedIntoLesionId: finding?.mergedIntoLesionId, measurements, axes, diametersMm, totalMm };
}
