import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessPatient } from '../../src/recist/assessPatient';
import { DEFAULT_ASSESS_OPTIONS } from '../../src/recist/types';
import { compareLabels, toPatientRecord, type TrackedPatient } from '../../src/tracking/toPatientRecord';
import type { FindingRow, FindingState, LesionRow, MeasurementRow, Organ, Segment, TimepointRow } from '../../src/tracking/types';

const PATIENT = { id: 'P1', name: 'TEST^PATIENT' };
const SPACING = { row: 1.5, column: 1.5 };
const at = '2026-01-01T00:00:00.000Z';

const timepoint = (studyInstanceUid: string, studyDate: string, excluded = false): TimepointRow =>
  ({ studyInstanceUid, patientId: 'P1', studyDate, studyDescription: 'CT', excluded });
const lesion = (label: string, category: LesionRow['category'], organ: Organ): LesionRow => ({
  id: `id-${label}`, patientId: 'P1', label, category, organ, nodal: organ === 'lymph node', location: '', firstStudyInstanceUid: 'S0', createdAt: at,
});
const finding = (label: string, study: string, state: FindingState): FindingRow =>
  ({ id: `id-${label}|${study}`, patientId: 'P1', lesionId: `id-${label}`, studyInstanceUid: study, state, updatedAt: at });
/** A horizontal long axis of `longMm` and, when given, a vertical short axis of `shortMm`, at 1.5 mm pixels. */
let serial = 0;
const measurement = (label: string, study: string, longMm: number, shortMm?: number): MeasurementRow => {
  const horizontal: Segment = { start: { x: 10, y: 50 }, end: { x: 10 + longMm / 1.5, y: 50 } };
  const vertical: Segment | undefined = shortMm === undefined ? undefined : { start: { x: 20, y: 40 }, end: { x: 20, y: 40 + shortMm / 1.5 } };
  serial += 1;
  return {
    id: `m${serial}`, patientId: 'P1', lesionId: `id-${label}`, studyInstanceUid: study,
    image: { studyInstanceUid: study, seriesInstanceUid: `${study}.1`, sopInstanceUid: `${study}.1.${serial}`, frameNumber: 1 },
    tool: shortMm === undefined ? 'long-axis' : 'bidirectional', longAxis: horizontal, ...(vertical ? { shortAxis: vertical } : {}),
    pixelSpacingMm: SPACING, createdAt: `2026-01-01T00:00:${String(serial % 60).padStart(2, '0')}.000Z`, updatedAt: at,
  };
};

interface GroundTruthLesion { id: string; role: string; organ: string; nodal: boolean; longAxisMm: number; shortAxisMm: number }
interface GroundTruth { studies: { key: string; studyDate: string; lesions: GroundTruthLesion[] }[] }

describe('toPatientRecord: the sample patient, recorded as a reader would, gives the sample\'s responses', () => {
  const truth = JSON.parse(readFileSync(resolve(__dirname, '../../sample-dicom/ground-truth.json'), 'utf8')) as GroundTruth;
  const organ = (name: string): Organ => (name === 'lymph node' ? 'lymph node' : (name as Organ));
  const categoryOf = (role: string): LesionRow['category'] => (role === 'non-target' ? 'non-target' : role === 'new' ? 'new' : 'target');
  const tracked: TrackedPatient = {
    patient: PATIENT,
    timepoints: truth.studies.map((s) => timepoint(s.key, s.studyDate)),
    lesions: [...new Map(truth.studies.flatMap((s) => s.lesions).map((l) => [l.id, lesion(l.id, categoryOf(l.role), organ(l.organ))])).values()],
    findings: truth.studies.flatMap((s) => s.lesions.map((l) =>
      finding(l.id, s.key, l.role === 'target' ? 'measured' : l.role === 'new' ? 'unequivocal' : 'present'))),
    measurements: truth.studies.flatMap((s) => s.lesions.filter((l) => l.role === 'target')
      .map((l) => measurement(l.id, s.key, l.longAxisMm, l.nodal ? l.shortAxisMm : undefined))),
  };

  it('every time point drawn on images is measurement_source image; a value typed from a report makes it image+report', () => {
    const drawn = toPatientRecord(tracked).record.timepoints.map((t) => t.measurementSource);
    expect(drawn).toEqual(['image', 'image', 'image']);
    const [first, ...rest] = tracked.measurements.filter((m) => m.studyInstanceUid === truth.studies[1]?.key);
    const typed = { ...first!, image: { ...first!.image, seriesInstanceUid: 'typed-from-report' } };
    const others = tracked.measurements.filter((m) => m !== first);
    const mixed = toPatientRecord({ ...tracked, measurements: [...others, typed] });
    expect(mixed.record.timepoints.map((t) => t.measurementSource)).toEqual(['image', 'image+report', 'image']);
    expect(assessPatient(mixed.record, DEFAULT_ASSESS_OPTIONS).measurementSource).toBe('image+report');
    expect(rest.length).toBeGreaterThan(0);
  });

  it('PR at 3 months (86 -> 54 mm), PD at 6 months', () => {
    const { record, problems } = toPatientRecord(tracked);
    expect(problems).toEqual([]);
    const result = assessPatient(record, DEFAULT_ASSESS_OPTIONS);
    expect(result.timepoints.map((t) => [t.label, t.targetSum, t.overallResponse])).toEqual([
      ['Baseline', 86_000, null],
      ['Follow-up 1', 54_000, 'PR'],
      ['Follow-up 2', 71_000, 'PD'],
    ]);
  });

  it('uses the short axis of a node and the long axis of anything else', () => {
    const { record } = toPatientRecord(tracked);
    const baseline = record.timepoints[0];
    expect(baseline?.targets.map((t) => [t.lesionId, t.fragments[0]?.diameter])).toEqual([
      ['T1', 32_000], ['T2', 22_000], ['T3', 18_000], ['T4', 14_000],
    ]);
  });
});

describe('toPatientRecord: rules of the mapping', () => {
  const base: TrackedPatient = {
    patient: PATIENT,
    timepoints: [timepoint('S1', '2023-04-01'), timepoint('S0', '2023-01-01')],
    lesions: [lesion('T1', 'target', 'liver')],
    findings: [finding('T1', 'S0', 'measured'), finding('T1', 'S1', 'measured')],
    measurements: [measurement('T1', 'S0', 30), measurement('T1', 'S1', 12.3), measurement('T1', 'S1', 7.65)],
  };

  it('adds the fragments of a split lesion, each rounded to the tenth shown', () => {
    const { record } = toPatientRecord(base);
    expect(record.timepoints[1]?.targets[0]?.fragments.map((f) => f.diameter)).toEqual([12_300, 7_700]);
  });

  it('orders time points by study date, whatever order they are stored in', () => {
    expect(toPatientRecord(base).record.timepoints.map((t) => t.scanDate)).toEqual(['2023-01-01', '2023-04-01']);
  });

  it('leaves an excluded study out of the assessment and renumbers the rest', () => {
    const withExtra = { ...base, timepoints: [...base.timepoints, timepoint('SX', '2023-02-01', true)] };
    expect(toPatientRecord(withExtra).record.timepoints.map((t) => t.label)).toEqual(['Baseline', 'Follow-up 1']);
  });

  it('a target state other than measured becomes one fragment with that state', () => {
    const tooSmall = { ...base, findings: [finding('T1', 'S0', 'measured'), finding('T1', 'S1', 'too_small')] };
    expect(toPatientRecord(tooSmall).record.timepoints[1]?.targets[0]?.fragments).toEqual([{ state: 'too_small' }]);
  });

  it('a baseline target must be measured: another state there is a problem, and the target is left out', () => {
    const notEvaluable = { ...base, findings: [finding('T1', 'S0', 'not_evaluable'), finding('T1', 'S1', 'measured')] };
    const { record, problems } = toPatientRecord(notEvaluable);
    expect(record.timepoints[0]?.targets).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual(['T1 is a target: measure it at baseline, or make it a non-target.']);
  });

  it('a lesion with no finding at a time point is not assessed there', () => {
    const withNonTarget = {
      ...base,
      lesions: [...base.lesions, lesion('NT1', 'non-target', 'bone')],
      findings: [finding('T1', 'S0', 'measured'), finding('NT1', 'S0', 'present'), finding('NT1', 'S1', 'present')],
    };
    expect(toPatientRecord(withNonTarget).record.timepoints[1]?.targets).toEqual([]);
  });

  it('a follow-up with nothing recorded is not read yet, and stays out of the engine (not NE)', () => {
    const { record, unread } = toPatientRecord({ ...base, findings: [finding('T1', 'S0', 'measured')] });
    expect(record.timepoints.map((t) => t.label)).toEqual(['Baseline']);
    expect(unread.map((t) => t.label)).toEqual(['Follow-up 1']);
  });

  it('a node measured without a short axis is a problem in words, not a diameter', () => {
    const node = {
      ...base,
      lesions: [lesion('T1', 'target', 'lymph node')],
      measurements: [measurement('T1', 'S0', 30), measurement('T1', 'S1', 20, 9)],
    };
    const { record, problems } = toPatientRecord(node);
    expect(record.timepoints[0]?.targets).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('short axis')]);
    expect(record.timepoints[1]?.targets[0]?.fragments).toEqual([{ state: 'measured', diameter: 9_000 }]);
  });

  it('passes a nodal non-target\'s short axis, so a node below 10 mm counts as normal', () => {
    const node = {
      ...base,
      lesions: [lesion('NT1', 'non-target', 'lymph node')],
      findings: [finding('NT1', 'S0', 'present'), finding('NT1', 'S1', 'present')],
      measurements: [measurement('NT1', 'S1', 14, 8.2)],
    };
    const { record } = toPatientRecord(node);
    expect(record.timepoints[1]?.nonTargets).toEqual([{ lesionId: 'NT1', organ: 'lymph node', nodal: true, state: 'present', shortAxis: 8_200 }]);
  });
});

describe('compareLabels', () => {
  it('sorts T2 before T10, targets before non-targets before new lesions', () => {
    expect(['N1', 'T10', 'NT2', 'T2', 'NT1', 'T1'].sort(compareLabels)).toEqual(['T1', 'T2', 'T10', 'NT1', 'NT2', 'N1']);
  });
});
