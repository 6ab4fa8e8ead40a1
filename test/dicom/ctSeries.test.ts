import { describe, expect, it } from 'vitest';
import { groupIntoSeries, largestSeries } from '../../src/dicom/ctSeries';
import { ctInstance } from './fixtures/instance';

describe('groupIntoSeries', () => {
  const slice = (series: string, sop: string, z: number, seriesNumber = 2) =>
    ctInstance({ seriesInstanceUid: series, sopInstanceUid: sop, imagePositionPatientMm: [0, 0, z], seriesNumber, file: sop });

  it('puts each SeriesInstanceUID in its own series, each spatially ordered', () => {
    const series = groupIntoSeries([slice('A', 'a1', 0), slice('B', 'b1', 5, 3), slice('A', 'a2', 10), slice('A', 'a3', 5)]);
    expect(series.map((s) => [s.seriesInstanceUid, s.slices.map((x) => x.file)])).toEqual([
      ['A', ['a2', 'a3', 'a1']],
      ['B', ['b1']],
    ]);
  });

  it('counts a SOPInstanceUID once when the same file is chosen twice', () => {
    const [series] = groupIntoSeries([slice('A', 'a1', 0), slice('A', 'a1', 0), slice('A', 'a2', 5)]);
    expect(series?.slices).toHaveLength(2);
  });

  it('orders series by SeriesNumber', () => {
    const series = groupIntoSeries([slice('C', 'c', 0, 9), slice('A', 'a', 0, 1), slice('B', 'b', 0, 4)]);
    expect(series.map((s) => s.seriesInstanceUid)).toEqual(['A', 'B', 'C']);
  });

  it('returns nothing for nothing', () => expect(groupIntoSeries([])).toEqual([]));
});

describe('largestSeries', () => {
  it('picks the series with the most slices (the thin axial stack over the scout)', () => {
    const series = groupIntoSeries([
      ctInstance({ seriesInstanceUid: 'scout', sopInstanceUid: 's1', seriesNumber: 1 }),
      ...[1, 2, 3].map((i) => ctInstance({ seriesInstanceUid: 'axial', sopInstanceUid: `x${i}`, seriesNumber: 2 })),
    ]);
    expect(largestSeries(series)?.seriesInstanceUid).toBe('axial');
  });

  it('is undefined for no series', () => expect(largestSeries([])).toBeUndefined());
});
