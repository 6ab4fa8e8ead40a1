import { describe, expect, it } from 'vitest';
import { storedValueRange, toCornerstoneImage } from '../../src/viewer/cornerstoneImage';
import { ctInstance } from '../dicom/fixtures/instance';

describe('toCornerstoneImage', () => {
  const pixels = new Int16Array([-2000, 0, 24, 3071, 1024, 1000]);
  const instance = ctInstance({
    rows: 2, columns: 3, pixels, pixelSpacingMm: { row: 0.6, column: 0.9 }, rescale: { slope: 1, intercept: -1024 },
  });
  const image = toCornerstoneImage('recist:1/0', instance);

  it.each<[string, unknown, unknown]>([
    ['pixel data is the decoded array itself, not a copy', image.getPixelData(), pixels],
    ['min and max are the stored range (cornerstone sizes its LUT with them)', [image.minPixelValue, image.maxPixelValue], [-2000, 3071]],
    ['rescale passes through', [image.slope, image.intercept], [1, -1024]],
    ['window from the file, in HU', [image.windowCenter, image.windowWidth], [40, 400]],
    ['rows are height, columns are width', [image.rows, image.height, image.columns, image.width], [2, 2, 3, 3]],
    ['row spacing is the vertical one', [image.rowPixelSpacing, image.columnPixelSpacing], [0.6, 0.9]],
    ['size in bytes is the 16-bit pixel data', image.sizeInBytes, 12],
    ['greyscale', [image.color, image.rgba], [false, false]],
    ['MONOCHROME2 is not inverted', image.invert, false],
  ])('%s', (_, actual, expected) => expect(actual).toEqual(expected));

  it('the pixel data keeps its typed-array class, so cornerstone takes its fast Int16 path', () => {
    expect(image.getPixelData()).toBeInstanceOf(Int16Array);
  });

  it('MONOCHROME1 is inverted', () => {
    expect(toCornerstoneImage('x', ctInstance({ photometricInterpretation: 'MONOCHROME1' })).invert).toBe(true);
  });

  it('without a window in the file, the window spans the rescaled range', () => {
    const noWindow = ctInstance({ window: undefined, pixels: new Int16Array([0, 100, 2000, 4000]), rescale: { slope: 2, intercept: -1000 } });
    const { windowCenter, windowWidth } = toCornerstoneImage('x', noWindow);
    // Stored 0..4000 -> HU -1000..7000.
    expect([windowCenter, windowWidth]).toEqual([3000, 8000]);
  });

  it('without PixelSpacing, displays square pixels (spacing is for aspect only)', () => {
    const image2 = toCornerstoneImage('x', ctInstance({ pixelSpacingMm: undefined }));
    expect([image2.rowPixelSpacing, image2.columnPixelSpacing]).toEqual([1, 1]);
  });
});

describe('storedValueRange', () => {
  it.each<[string, Int16Array | Uint16Array, { min: number; max: number }]>([
    ['signed', new Int16Array([5, -32768, 32767, 0]), { min: -32768, max: 32767 }],
    ['unsigned above 32767', new Uint16Array([40000, 3, 65535]), { min: 3, max: 65535 }],
    ['one value', new Int16Array([-7]), { min: -7, max: -7 }],
    ['empty', new Int16Array([]), { min: 0, max: 0 }],
  ])('%s', (_, pixels, expected) => expect(storedValueRange(pixels)).toEqual(expected));
});
