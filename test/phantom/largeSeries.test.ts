import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { largeGeometry } from '../../src/phantom/seriesGeometry';
import { writeSampleStudies } from '../../src/phantom/writeSampleStudies';
import { readCtSlice } from './readCtSlice';

describe('the large benchmark series', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'recist-large-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('is 512 x 512 at 0.75 mm, N contiguous slices over about 200 mm', () => {
    const geometry = largeGeometry(300);
    expect(geometry.pixelSpacingMm).toBe(0.75);
    expect(geometry.sliceThicknessMm).toBe(0.667);
    expect(geometry.sliceZ[299]).toBeCloseTo(100 - 299 * 0.667, 6);
  });

  it('writes N readable slices', () => {
    const summary = writeSampleStudies(outDir, { kind: 'large', slices: 3 });
    expect(summary.files).toBe(3);
    expect(readdirSync(outDir).sort()).toEqual(['IM0001.dcm', 'IM0002.dcm', 'IM0003.dcm']);
    const image = readCtSlice(join(outDir, 'IM0002.dcm'));
    expect([image.rows, image.columns, image.pixelSpacing]).toEqual([512, 512, 0.75]);
    expect(image.meanHu(-170, -170, 6)).toBeLessThan(-990);
  }, 60_000);
});
