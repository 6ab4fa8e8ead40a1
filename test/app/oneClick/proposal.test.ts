import { describe, expect, it } from 'vitest';
import { proposalFromOutline, samePlacePoint, toImagePoint, toPixelPoint } from '../../../src/app/oneClick/proposal';
import type { LesionOutline } from '../../../src/segment/types';
import { ctInstance } from '../../dicom/fixtures/instance';

describe('segmentation points and viewer points', () => {
  it('a pixel centre is a whole number for the segmentation and half a pixel on for the viewer', () => {
    expect(toImagePoint({ row: 10, col: 20 })).toEqual({ x: 20.5, y: 10.5 });
    expect(toPixelPoint({ x: 20.5, y: 10.5 })).toEqual({ row: 10, col: 20 });
  });

  it('an outline becomes a proposal on its slice: outline and axes moved half a pixel, the slice\'s spacing', () => {
    const outline: LesionOutline = {
      contour: [{ row: 0, col: 0 }, { row: 0, col: 4 }, { row: 3, col: 4 }],
      longAxisMm: 5, longAxis: [{ row: 0, col: 0 }, { row: 3, col: 4 }],
      shortAxisMm: 1, shortAxis: [{ row: 1, col: 2 }, { row: 2, col: 1 }],
      areaMm2: 6, lesionHu: 30, band: { lowerHu: 0, upperHu: 60 },
    };
    const slice = ctInstance({ sopInstanceUid: '1.2.9', frameNumber: 2, pixelSpacingMm: { row: 0.8, column: 0.7 } });
    const p = proposalFromOutline(outline, { ...slice, pixelSpacingMm: { row: 0.8, column: 0.7 } }, 'Proposed T1');
    expect(p).toEqual({
      image: { sopInstanceUid: '1.2.9', frameNumber: 2 },
      contour: [{ x: 0.5, y: 0.5 }, { x: 4.5, y: 0.5 }, { x: 4.5, y: 3.5 }],
      longAxis: { start: { x: 0.5, y: 0.5 }, end: { x: 4.5, y: 3.5 } },
      shortAxis: { start: { x: 2.5, y: 1.5 }, end: { x: 1.5, y: 2.5 } },
      pixelSpacingMm: { row: 0.8, column: 0.7 },
      label: 'Proposed T1',
    });
  });
});

describe('the same place on another study\'s slice', () => {
  const axial = { row: [1, 0, 0] as const, column: [0, 1, 0] as const };

  it('follows the patient position when the follow-up is shifted and has finer pixels', () => {
    const baseline = ctInstance({ imagePositionPatientMm: [-100, -100, 40], imageOrientationPatient: axial, pixelSpacingMm: { row: 1, column: 1 } });
    const followUp = ctInstance({ imagePositionPatientMm: [-90, -110, 41], imageOrientationPatient: axial, pixelSpacingMm: { row: 0.5, column: 0.5 } });
    // Pixel centre (row 30, col 20) at baseline is x -80, y -70 in the patient: on the follow-up col 20, row 80.
    expect(samePlacePoint(baseline, { x: 20.5, y: 30.5 }, followUp)).toEqual({ x: 20.5, y: 80.5 });
  });

  it('keeps the pixel position when a slice does not say where it lies', () => {
    const baseline = ctInstance({ imagePositionPatientMm: undefined });
    const followUp = ctInstance({ imagePositionPatientMm: [0, 0, 0], imageOrientationPatient: axial });
    expect(samePlacePoint(baseline, { x: 7.5, y: 9.5 }, followUp)).toEqual({ x: 7.5, y: 9.5 });
  });
});
