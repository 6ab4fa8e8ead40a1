// Issue 18, "Odd series, loaded without a word today": a series mixing orientations is split (as other viewers do)
// and says so; duplicated slice positions, uneven spacing and files with more pixel data than their header describes
// are named on the series and in the import report.
import { describe, expect, it } from 'vitest';
import { importLibrary } from '../../src/app/loading/importLibrary';
import type { NamedBlob } from '../../src/app/loading/workerProtocol';
import { groupIntoSeries } from '../../src/dicom/ctSeries';
import { describeSeriesNote } from '../../src/dicom/dicomMessages';
import { readFileHeader } from '../../src/dicom/readFileHeader';
import { planeOf, spacingNotes } from '../../src/dicom/seriesNotes';
import type { Vec3 } from '../../src/dicom/vec3';
import { inProcessPipeline } from '../app/loading/inProcessWorker';
import { dcmjsImage } from './fixtures/dcmjsImage';
import { ctInstance } from './fixtures/instance';

const AXIAL = { row: [1, 0, 0] as Vec3, column: [0, 1, 0] as Vec3 };
const CORONAL = { row: [1, 0, 0] as Vec3, column: [0, 0, -1] as Vec3 };
const SAGITTAL = { row: [0, 1, 0] as Vec3, column: [0, 0, -1] as Vec3 };

const axialAt = (z: number, sop = `z${z}`) =>
  ctInstance({ seriesInstanceUid: 'S', sopInstanceUid: sop, file: `${sop}.dcm`, imagePositionPatientMm: [0, 0, z] });
const coronalAt = (y: number) =>
  ctInstance({ seriesInstanceUid: 'S', sopInstanceUid: `y${y}`, file: `y${y}.dcm`, imagePositionPatientMm: [0, y, 0], imageOrientationPatient: CORONAL });

describe('planeOf', () => {
  it.each([
    ['axial', AXIAL],
    ['coronal', CORONAL],
    ['sagittal', SAGITTAL],
    ['oblique', { row: [1, 0, 0] as Vec3, column: [0, Math.SQRT1_2, -Math.SQRT1_2] as Vec3 }],
  ])('%s', (plane, orientation) => expect(planeOf(orientation)).toBe(plane));
});

describe('a series mixing axial and coronal slices', () => {
  const series = groupIntoSeries([axialAt(0), coronalAt(10), axialAt(5), coronalAt(20), axialAt(10)]);

  it('is split by orientation, the larger stack keeping the SeriesInstanceUID, each in its own order', () => {
    expect(series.map((s) => [s.seriesInstanceUid, s.slices.map((x) => x.file)])).toEqual([
      ['S', ['z10.dcm', 'z5.dcm', 'z0.dcm']],
      ['S#coronal', ['y20.dcm', 'y10.dcm']],
    ]);
  });

  it('each part says it was split, and from how many orientations', () => {
    expect(series.map((s) => s.notes)).toEqual([
      [{ kind: 'SPLIT_BY_ORIENTATION', plane: 'axial', stacks: 2 }],
      [{ kind: 'SPLIT_BY_ORIENTATION', plane: 'coronal', stacks: 2 }],
    ]);
    expect(describeSeriesNote(series[1]?.notes[0] ?? { kind: 'DUPLICATE_POSITIONS', slices: 0 }))
      .toBe('its slices lie in 2 orientations: split into one series per orientation (this one coronal)');
  });
});

describe('spacing', () => {
  it('a regular stack has no notes', () => {
    expect(groupIntoSeries([axialAt(0), axialAt(5), axialAt(10), axialAt(15)])[0]?.notes).toEqual([]);
  });

  it('two slices at one position are named (how many share it)', () => {
    expect(groupIntoSeries([axialAt(0), axialAt(5, 'a'), axialAt(5, 'b'), axialAt(10)])[0]?.notes)
      .toEqual([{ kind: 'DUPLICATE_POSITIONS', slices: 2 }]);
  });

  it('a gap in the stack makes its spacing uneven, with the range of gaps', () => {
    expect(groupIntoSeries([axialAt(0), axialAt(5), axialAt(10), axialAt(20)])[0]?.notes)
      .toEqual([{ kind: 'UNEVEN_SPACING', minMm: 5, maxMm: 10 }]);
  });

  it('positions rounded by the scanner (a few micrometres) are not uneven', () => {
    const slices = [0, 2.5004, 4.9998, 7.5001].map((z) => axialAt(z));
    expect(spacingNotes([...slices].reverse())).toEqual([]);
  });

  it('a stack without positions (ordered by instance number) has no spacing notes', () => {
    const unplaced = [1, 2, 3].map((n) => ctInstance({ seriesInstanceUid: 'S', sopInstanceUid: `n${n}`, instanceNumber: n, imagePositionPatientMm: undefined }));
    expect(groupIntoSeries(unplaced)[0]?.notes).toEqual([]);
  });
});

describe('more pixel data than Rows x Columns x frames', () => {
  const rows = 4;
  const columns = 4;
  const oversized = dcmjsImage({ rows, columns, sopInstanceUid: '9.1', extra: { PixelData: [new Uint16Array(rows * columns + 8).buffer] } });

  it('the header says how many bytes are beyond the image; a file that fits says 0', () => {
    const read = (bytes: Uint8Array) => {
      const header = readFileHeader(bytes, bytes.length, 'x.dcm');
      return header.kind === 'done' && header.result.ok ? header.result.value.extraPixelBytes : 'not read';
    };
    expect(read(oversized)).toBe(16);
    expect(read(dcmjsImage({ rows, columns }))).toBe(0);
  });

  it('the import names the file on its series and in the report; the image is still shown', async () => {
    const files: NamedBlob[] = [
      { name: 'a/big.dcm', blob: new Blob([oversized as Uint8Array<ArrayBuffer>]) },
      { name: 'a/fine.dcm', blob: new Blob([dcmjsImage({ rows, columns, sopInstanceUid: '9.2', position: [0, 0, 5] }) as Uint8Array<ArrayBuffer>]) },
    ];
    const library = await importLibrary(files, { pipeline: inProcessPipeline() });
    expect(library.series.map((s) => [s.slices.length, s.notes])).toEqual([[2, [{ kind: 'EXTRA_PIXEL_DATA', files: ['a/big.dcm'] }]]]);
    expect(library.report.notices.map((n) => n.note.kind)).toEqual(['EXTRA_PIXEL_DATA']);
    expect(library.report.problems).toEqual([]);
  });
});

describe('the import report of a mixed series', () => {
  it('names the split and the duplicated positions, series by series', async () => {
    const file = (name: string, sop: string, position: [number, number, number], orientation?: number[]) => ({
      name,
      blob: new Blob([dcmjsImage({ rows: 2, columns: 2, sopInstanceUid: sop, seriesDescription: 'MIXED', position, extra: orientation ? { ImageOrientationPatient: orientation } : {} }) as Uint8Array<ArrayBuffer>]),
    });
    const library = await importLibrary([
      file('ax1.dcm', '8.1', [0, 0, 0]), file('ax2.dcm', '8.2', [0, 0, 5]), file('ax3.dcm', '8.3', [0, 0, 5]),
      file('cor1.dcm', '8.4', [0, 10, 0], [1, 0, 0, 0, 0, -1]), file('cor2.dcm', '8.5', [0, 20, 0], [1, 0, 0, 0, 0, -1]),
    ], { pipeline: inProcessPipeline() });
    expect(library.report.notices.map((n) => [n.description, n.note.kind, n.seriesInstanceUid.endsWith('#coronal')])).toEqual([
      ['MIXED', 'SPLIT_BY_ORIENTATION', false],
      ['MIXED', 'DUPLICATE_POSITIONS', false],
      ['MIXED', 'SPLIT_BY_ORIENTATION', true],
    ]);
  });
});
