import { expect, it } from 'vitest';
import { countSkipped, totalSkipped } from '../../src/dicom/loadError';
import { parseFiles } from '../../src/dicom/parseFiles';
import { ctSliceElements, without, T } from './fixtures/ctSlice';
import { TS, writeDicom } from './fixtures/writeDicom';

it('parseFiles keeps the images, and counts what it skipped per reason', () => {
  const slice = (sop: string, z: number) =>
    writeDicom(ctSliceElements({ sopInstanceUid: sop, position: [0, 0, z] }), { transferSyntaxUid: TS.explicitLittle });
  const noPixels = writeDicom(without(ctSliceElements(), T.PixelData), { transferSyntaxUid: TS.explicitLittle });
  const text = new TextEncoder().encode('not an image');

  const { series, skipped } = parseFiles([
    { name: 'a.dcm', bytes: slice('1.1', 0) },
    { name: 'notes.txt', bytes: text },
    { name: 'b.dcm', bytes: slice('1.2', 5) },
    { name: 'Thumbs.db', bytes: text },
    { name: 'sr.dcm', bytes: noPixels },
  ]);

  expect(series.map((s) => s.slices.map((x) => x.file))).toEqual([['b.dcm', 'a.dcm']]);
  expect(countSkipped(skipped)).toEqual({ NOT_DICOM: 2, NO_PIXEL_DATA: 1 });
  expect(totalSkipped(countSkipped(skipped))).toBe(3);
});
