// The corner overlays as static HTML (react-dom/server in Node): what the reader sees for each kind of image.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CtInstance } from '../../../src/dicom/ctInstance';
import { ViewportOverlay } from '../../../src/ui/viewer/ViewportOverlay';
import type { ViewState } from '../../../src/viewer/viewState';
import { ctInstance } from '../../dicom/fixtures/instance';

const VIEW: ViewState = { windowCentre: 40.4, windowWidth: 399.6, scale: 2.4312, pan: { x: 0, y: 0 }, invert: false };

function overlayText(slice: CtInstance, options: { view?: ViewState | undefined; timePoint?: string | undefined } = {}): string {
  const { view, timePoint } = { view: VIEW, timePoint: 'Baseline', ...options };
  const html = renderToStaticMarkup(createElement(ViewportOverlay, { slice, index: 11, count: 40, timePoint, view }));
  return html.replace(/<[^>]+>/g, '\n').split('\n').map((s) => s.trim()).filter(Boolean).join(' | ');
}

describe('ViewportOverlay', () => {
  const slice = ctInstance({
    imagePositionPatientMm: [-192, -192, 45], pixelSpacingMm: { row: 1.5, column: 1.5 }, rows: 256, columns: 256,
  });

  it('shows patient, time point and date, series, slice n / N, location and thickness, WW/WL and zoom', () => {
    expect(overlayText(slice)).toBe([
      'SAMPLE, ABDOMEN', 'ID RR-0001', 'Baseline', '·', '2023-01-09',
      'AXIAL 5mm', 'CT · Series 2', '256 × 256', '·', '1.50 × 1.50 mm',
      'Slice 12 / 40', 'Loc 45.0 mm · Thk 5.0 mm',
      'WW 400 / WL 40', 'Zoom 243%',
    ].join(' | '));
  });

  it('on a stack with uneven spacing or repeated positions, says so where the reader measures; other notes stay off the image', () => {
    const html = renderToStaticMarkup(createElement(ViewportOverlay, {
      slice, index: 0, count: 3, timePoint: undefined, view: VIEW,
      notes: [
        { kind: 'SPLIT_BY_ORIENTATION', plane: 'axial', stacks: 2 },
        { kind: 'DUPLICATE_POSITIONS', slices: 2 },
        { kind: 'UNEVEN_SPACING', minMm: 5, maxMm: 10 },
      ],
    }));
    expect([...html.matchAll(/data-testid="series-warning">([^<]*)</g)].map((m) => m[1])).toEqual([
      '2 slices at repeated positions', 'uneven slice spacing 5–10 mm',
    ]);
    expect(overlayText(slice)).not.toContain('spacing 5');
  });

  it('without PixelSpacing says "uncalibrated" instead of millimetres', () => {
    expect(overlayText(ctInstance({ pixelSpacingMm: undefined, rows: 2, columns: 2 }))).toContain('2 × 2 | · | uncalibrated');
  });

  it('with ImagerPixelSpacing only, says the millimetres are a detector calibration', () => {
    const projection = ctInstance({ pixelSpacingMm: { row: 0.2, column: 0.2 }, rows: 2, columns: 2 });
    const detector = { ...projection, calibration: { kind: 'imager-pixel-spacing', rowMm: 0.2, columnMm: 0.2 } } as const;
    expect(overlayText(detector)).toContain('2 × 2 | · | 0.20 × 0.20 mm | · detector calibration');
    expect(overlayText(projection)).not.toContain('detector calibration');
  });

  it('marks an inverted display', () => {
    expect(overlayText(slice, { view: { ...VIEW, invert: true } })).toContain('Inverted');
    expect(overlayText(slice)).not.toContain('Inverted');
  });

  it('marks MONOCHROME1; shown as the file intends (low values white), it is not "inverted"', () => {
    const m1 = ctInstance({ photometricInterpretation: 'MONOCHROME1' });
    expect(overlayText(m1, { view: { ...VIEW, invert: true } })).toContain('MONOCHROME1');
    expect(overlayText(m1, { view: { ...VIEW, invert: true } })).not.toContain('Inverted');
    expect(overlayText(m1, { view: { ...VIEW, invert: false } })).toContain('MONOCHROME1 · Inverted');
  });

  it('without a time point shows the date alone; without a view yet, no window or zoom', () => {
    const text = overlayText(slice, { view: undefined, timePoint: undefined });
    expect(text).toContain('ID RR-0001 | 2023-01-09');
    expect(text).not.toMatch(/WW|Zoom/);
  });
});
