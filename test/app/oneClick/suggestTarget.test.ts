import { describe, expect, it } from 'vitest';
import { suggestTarget, type SuggestContext } from '../../../src/app/oneClick/suggestTarget';
import type { CtInstance } from '../../../src/dicom/ctInstance';
import type { CtSeries } from '../../../src/dicom/ctSeries';
import type { OrderedTimepoint } from '../../../src/tracking/timepoints';
import type { MeasurementRow } from '../../../src/tracking/types';
import { ctInstance } from '../../dicom/fixtures/instance';

const axial = { row: [1, 0, 0] as const, column: [0, 1, 0] as const };
const slice = (study: string, uid: string, z: number, x0 = -100): CtInstance =>
  ctInstance({ studyInstanceUid: study, sopInstanceUid: uid, imagePositionPatientMm: [x0, -100, z], imageOrientationPatient: axial, pixelSpacingMm: { row: 1, column: 1 } });
const series = (study: string, slices: CtInstance[]): CtSeries =>
  ({ seriesInstanceUid: `${study}.1`, studyInstanceUid: study, description: '', seriesNumber: 1, modality: 'CT', slices, orderedBy: 'imagePosition', notes: [] });
const timepoint = (study: string, ordinal: number | undefined): OrderedTimepoint => ({
  row: { studyInstanceUid: study, patientId: 'P', studyDate: '2023-01-09' as never, studyDescription: '', excluded: ordinal === undefined },
  label: ordinal === 0 ? 'Baseline' : `Follow-up ${ordinal ?? ''}`, ordinal, daysSinceBaseline: 0, daysSinceTreatment: undefined,
});
const measurement = (sop: string, longFrom: [number, number], longTo: [number, number]): MeasurementRow => ({
  id: sop, patientId: 'P', lesionId: 'L1', studyInstanceUid: 'B', image: { studyInstanceUid: 'B', seriesInstanceUid: 'B.1', sopInstanceUid: sop, frameNumber: 1 },
  tool: 'long-axis', longAxis: { start: { x: longFrom[0], y: longFrom[1] }, end: { x: longTo[0], y: longTo[1] } },
  pixelSpacingMm: { row: 1, column: 1 }, createdAt: '', updatedAt: '',
});

const baselineSlices = [slice('B', 'b1', 10), slice('B', 'b2', 5), slice('B', 'b3', 0)];
// The follow-up's slices lie 2 mm off the baseline's, and its image starts 5 mm further right.
const followUpSlices = [slice('F', 'f1', 12, -95), slice('F', 'f2', 7, -95), slice('F', 'f3', 2, -95)];
const context = (over: Partial<SuggestContext> = {}): SuggestContext => ({
  lesionId: 'L1',
  ordered: [timepoint('B', 0), timepoint('F', 1)],
  panes: [{ key: 'left', series: series('B', baselineSlices) }, { key: 'right', series: series('F', followUpSlices) }],
  baselineMeasurements: () => [measurement('b2', [40, 50], [60, 50])],
  ...over,
});

describe('where Suggest looks', () => {
  it('on the follow-up slice nearest the baseline one along the normal, at the same place in the patient', () => {
    const plan = suggestTarget(context());
    if (!plan.ok) throw new Error(plan.error.code);
    expect(plan.value.followUpPaneKey).toBe('right');
    expect(plan.value.followUpSlice.sopInstanceUid).toBe('f2');
    expect(plan.value.baselineCentre).toEqual({ x: 50, y: 50 });
    expect(plan.value.followUpCentre).toEqual({ x: 45, y: 50 });
    expect(plan.value.longAxisMm).toBe(20);
  });

  it('from the longest of a split lesion\'s baseline measurements', () => {
    const plan = suggestTarget(context({ baselineMeasurements: () => [measurement('b1', [0, 0], [10, 0]), measurement('b3', [0, 0], [30, 0])] }));
    expect(plan.ok && plan.value.followUpSlice.sopInstanceUid).toBe('f3');
  });

  it.each<[string, Partial<SuggestContext>, string]>([
    ['no lesion selected', { lesionId: undefined }, 'NO_LESION_SELECTED'],
    ['the baseline alone on screen', { panes: [{ key: 'left', series: series('B', baselineSlices) }] }, 'NOT_AT_FOLLOW_UP'],
    ['a follow-up that is excluded', { ordered: [timepoint('B', 0), timepoint('F', undefined)] }, 'NOT_AT_FOLLOW_UP'],
    ['no baseline measurement', { baselineMeasurements: () => [] }, 'NO_BASELINE_MEASUREMENT'],
    ['the baseline image not open', { baselineMeasurements: () => [measurement('elsewhere', [0, 0], [10, 0])] }, 'BASELINE_IMAGE_NOT_OPEN'],
  ])('refuses with %s', (_name, over, code) => {
    const plan = suggestTarget(context(over));
    expect(plan.ok ? 'planned' : plan.error.code).toBe(code);
  });

  it('refuses when the slices do not say where they lie', () => {
    const unplaced = followUpSlices.map((s) => ({ ...s, imagePositionPatientMm: undefined }));
    const plan = suggestTarget(context({ panes: [{ key: 'left', series: series('B', baselineSlices) }, { key: 'right', series: series('F', unplaced) }] }));
    expect(plan.ok ? 'planned' : plan.error.code).toBe('NO_SLICE_LOCATION');
  });
});
