// Builders for export tests: a compact description of a reading -> the reader's stored rows (TrackedPatient), as
// the app would have written them (findings, measurements drawn at 1.5 mm pixels).
//
//   reading({ dates: ['2024-01-10', '2024-04-10'], targets: { T1: { sizes: [30, 18] } }, nonTargets: { NT1: { states: ['present', 'absent'] } } })
//
// Index i of `sizes` / `states` is time point i (0 = baseline); null: nothing recorded there.
import type { NewLesionState, NonTargetState } from '../../src/recist/types';
import type { TrackedPatient } from '../../src/tracking/toPatientRecord';
import type { FindingRow, FindingState, LesionRow, MeasurementRow, Organ, PatientRow, Segment, TimepointRow } from '../../src/tracking/types';

export type TargetSize = number | number[] | 'too_small' | 'absent' | 'not_evaluable' | null;

export interface ReadingSpec {
  readonly id?: string;
  readonly patient?: Partial<PatientRow>;
  readonly dates: readonly string[];
  /** Dates of studies left out of the assessment. */
  readonly excludedDates?: readonly string[];
  readonly targets?: Record<string, { organ?: Organ; sizes: readonly TargetSize[] }>;
  readonly nonTargets?: Record<string, { organ?: Organ; states: readonly (NonTargetState | null)[]; shortAxisMm?: number }>;
  readonly newLesions?: Record<string, { organ?: Organ; states: readonly (NewLesionState | null)[]; mm?: number }>;
}

const SPACING = { row: 1.5, column: 1.5 };
let serial = 0;

/** A horizontal long axis and, for a node, a vertical short axis, at 1.5 mm pixels. */
function drawn(patientId: string, lesion: LesionRow, study: string, longMm: number, shortMm: number | undefined): MeasurementRow {
  serial += 1;
  const longAxis: Segment = { start: { x: 10, y: 50 }, end: { x: 10 + longMm / 1.5, y: 50 } };
  const shortAxis: Segment | undefined = shortMm === undefined ? undefined : { start: { x: 20, y: 40 }, end: { x: 20, y: 40 + shortMm / 1.5 } };
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, 0, serial)).toISOString();
  return {
    id: `m${serial}`, patientId, lesionId: lesion.id, studyInstanceUid: study,
    image: { studyInstanceUid: study, seriesInstanceUid: `${study}.1`, sopInstanceUid: `${study}.1.${serial}`, frameNumber: 1 },
    tool: shortAxis ? 'bidirectional' : 'long-axis', longAxis, ...(shortAxis ? { shortAxis } : {}),
    pixelSpacingMm: SPACING, createdAt: at, updatedAt: at,
  };
}

export function reading(spec: ReadingSpec): TrackedPatient {
  const patientId = spec.id ?? 'P1';
  const uid = (i: number) => `${patientId}.study.${i}`;
  const timepoints: TimepointRow[] = [
    ...spec.dates.map((studyDate, i) => ({ studyInstanceUid: uid(i), patientId, studyDate, studyDescription: 'CT', excluded: false })),
    ...(spec.excludedDates ?? []).map((studyDate, i) => ({ studyInstanceUid: `${patientId}.excluded.${i}`, patientId, studyDate, studyDescription: 'CT', excluded: true })),
  ];
  const lesions: LesionRow[] = [];
  const findings: FindingRow[] = [];
  const measurements: MeasurementRow[] = [];
  const addLesion = (label: string, category: LesionRow['category'], organ: Organ, first: number): LesionRow => {
    const lesion: LesionRow = {
      id: `${patientId}-${label}`, patientId, label, category, organ, nodal: organ === 'lymph node', location: '',
      firstStudyInstanceUid: uid(first), createdAt: `2026-01-01T00:00:00.${String(lesions.length).padStart(3, '0')}Z`,
    };
    lesions.push(lesion);
    return lesion;
  };
  const find = (lesion: LesionRow, i: number, state: FindingState) =>
    findings.push({ id: `${lesion.id}|${uid(i)}`, patientId, lesionId: lesion.id, studyInstanceUid: uid(i), state, updatedAt: '2026-01-01T00:00:00.000Z' });

  for (const [label, t] of Object.entries(spec.targets ?? {})) {
    const lesion = addLesion(label, 'target', t.organ ?? 'liver', 0);
    t.sizes.forEach((size, i) => {
      if (size === null) return;
      if (typeof size === 'string') return void find(lesion, i, size);
      find(lesion, i, 'measured');
      for (const mm of typeof size === 'number' ? [size] : size) {
        measurements.push(lesion.nodal ? drawn(patientId, lesion, uid(i), mm + 5, mm) : drawn(patientId, lesion, uid(i), mm, undefined));
      }
    });
  }
  for (const [label, n] of Object.entries(spec.nonTargets ?? {})) {
    const lesion = addLesion(label, 'non-target', n.organ ?? 'liver', 0);
    n.states.forEach((state, i) => {
      if (state === null) return;
      find(lesion, i, state);
      if (lesion.nodal && n.shortAxisMm !== undefined) measurements.push(drawn(patientId, lesion, uid(i), n.shortAxisMm + 4, n.shortAxisMm));
    });
  }
  for (const [label, n] of Object.entries(spec.newLesions ?? {})) {
    const first = n.states.findIndex((s) => s !== null);
    const lesion = addLesion(label, 'new', n.organ ?? 'liver', first);
    n.states.forEach((state, i) => {
      if (state === null) return;
      find(lesion, i, state);
      const mm = n.mm ?? 12;
      measurements.push(lesion.nodal ? drawn(patientId, lesion, uid(i), mm + 4, mm) : drawn(patientId, lesion, uid(i), mm, undefined));
    });
  }
  return { patient: { id: patientId, name: 'DOE^JANE', ...spec.patient }, timepoints, lesions, findings, measurements };
}

/** The sample-like reading: 4 targets (one node), a non-target; PR at 3 months, PD (new lesion) at 6 months. */
export const SAMPLE_LIKE: ReadingSpec = {
  patient: { treatmentDate: '2023-01-16' },
  dates: ['2023-01-09', '2023-04-17', '2023-07-17'],
  targets: {
    T1: { organ: 'liver', sizes: [32, 20, 26] },
    T2: { organ: 'liver', sizes: [22, 14, 18] },
    T3: { organ: 'lung', sizes: [18, 11, 14] },
    T4: { organ: 'lymph node', sizes: [14, 9, 13] },
  },
  nonTargets: { NT1: { organ: 'peritoneum', states: ['present', 'present', 'present'] } },
  newLesions: { N1: { organ: 'liver', states: [null, null, 'unequivocal'], mm: 15 } },
};
