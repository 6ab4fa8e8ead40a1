import { describe, expect, it } from 'vitest';
import { axisLengthsMm, measurementCaption } from '../../src/viewer/measurementLabel';
import { measuringSpacing } from '../../src/viewer/measurementShape';
import { ctInstance } from '../dicom/fixtures/instance';
import { seg, TALL } from './measurementFixtures';

describe('labels: lesion, long axis × short axis, in mm with one decimal', () => {
  it.each<[string, string, Parameters<typeof measurementCaption>[1], Parameters<typeof measurementCaption>[2], string]>([
    ['a long axis on 0.8 mm pixels', 'T1', { longAxis: seg(0, 0, 40, 0) }, { row: 0.8, column: 0.8 }, 'T1 32.0 mm'],
    ['bidirectional', 'T2', { longAxis: seg(0, 0, 40, 0), shortAxis: seg(20, -15, 20, 15) }, { row: 0.8, column: 0.8 }, 'T2 32.0 × 24.0 mm'],
    ['non-square pixels: down a column is row spacing', 'T1', { longAxis: seg(0, 0, 0, 30) }, TALL, 'T1 30.0 mm'],
    ['non-square pixels: along a row is column spacing', 'T1', { longAxis: seg(0, 0, 30, 0) }, TALL, 'T1 15.0 mm'],
    ['non-square pixels: a diagonal takes each axis its own spacing', 'N1', { longAxis: seg(0, 0, 6, 4) }, TALL, 'N1 5.0 mm'],
    ['rounded to the tenth shown', 'T3', { longAxis: seg(0, 0, 10, 0) }, { row: 1.2345, column: 1.2345 }, 'T3 12.3 mm'],
    ['without a lesion label (being drawn), lengths only', '', { longAxis: seg(0, 0, 10, 0) }, { row: 1, column: 1 }, '10.0 mm'],
  ])('%s', (_, label, axes, spacing, expected) => expect(measurementCaption(label, axes, spacing)).toBe(expected));

  it('lengths are numbers in mm, for the app and for tests', () => {
    expect(axisLengthsMm({ longAxis: seg(0, 0, 6, 4), shortAxis: seg(0, 0, 2, 0) }, TALL)).toEqual({ longAxisMm: 5, shortAxisMm: 1 });
  });
});

describe('which slices can be measured (lengths never fall back to pixels)', () => {
  it.each<[string, Parameters<typeof ctInstance>[0], unknown]>([
    ['PixelSpacing: its spacing', { pixelSpacingMm: { row: 0.7, column: 0.8 } }, { row: 0.7, column: 0.8 }],
    ['no spacing at all: none', { pixelSpacingMm: undefined }, undefined],
    ['ImagerPixelSpacing only (detector, magnified): none', {
      calibration: { kind: 'imager-pixel-spacing', rowMm: 0.2, columnMm: 0.2 }, pixelSpacingMm: { row: 0.2, column: 0.2 },
    }, undefined],
  ])('%s', (_, overrides, expected) => expect(measuringSpacing(ctInstance(overrides))).toEqual(expected));
});
