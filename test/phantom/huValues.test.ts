import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GroundTruth } from '../../src/phantom/groundTruth';
import { readCtSlice } from './readCtSlice';

// The committed files, read back through dcmjs: the pixels a viewer shows carry the tissue values we meant.
const COMMITTED = join(import.meta.dirname, '../../sample-dicom');
const groundTruth = JSON.parse(readFileSync(join(COMMITTED, 'ground-truth.json'), 'utf8')) as GroundTruth;
const slice = (folder: string, instance: number) =>
  readCtSlice(join(COMMITTED, folder, `IM${String(instance).padStart(4, '0')}.dcm`));

/** A patch of right-lobe liver clear of vessels and lesions, on the slice at z = 40 mm (instance 13). */
const LIVER_PATCH = { x: -112, y: 30, instance: 13 };

describe('tissue values in the sample (HU = stored * slope + intercept)', () => {
  it('air outside the body is about -1000 HU', () => {
    const image = slice('baseline', 20);
    expect(image.meanHu(-170, -170, 6)).toBeGreaterThan(-1010);
    expect(image.meanHu(-170, -170, 6)).toBeLessThan(-990);
  });

  it('liver parenchyma is about 60 HU', () => {
    const liver = slice('baseline', LIVER_PATCH.instance).meanHu(LIVER_PATCH.x, LIVER_PATCH.y, 3);
    expect(Math.abs(liver - 60)).toBeLessThan(8);
  });

  it('every liver lesion is hypodense to the liver at its centre, in every study', () => {
    for (const study of groundTruth.studies) {
      const liver = slice(study.folder, LIVER_PATCH.instance).meanHu(LIVER_PATCH.x, LIVER_PATCH.y, 3);
      for (const lesion of study.lesions.filter((l) => l.organ === 'liver')) {
        const centre = slice(study.folder, lesion.instanceNumber).meanHu(lesion.centreMm.x, lesion.centreMm.y, 1);
        expect(centre, `${study.folder} ${lesion.id}`).toBeLessThan(liver - 20);
      }
    }
  });

  it('the lung nodule is soft tissue surrounded by aerated lung', () => {
    const nodule = groundTruth.studies[0]?.lesions.find((l) => l.organ === 'lung');
    if (nodule === undefined) throw new Error('No lung nodule in the baseline');
    const image = slice('baseline', nodule.instanceNumber);
    expect(image.meanHu(nodule.centreMm.x, nodule.centreMm.y, 1)).toBeGreaterThan(-100);
    expect(image.meanHu(nodule.centreMm.x + 25, nodule.centreMm.y - 10, 1)).toBeLessThan(-600);
  });

  it('bone is dense: the sclerotic metastasis and the spinous process are above 300 HU', () => {
    const metastasis = groundTruth.studies[0]?.lesions.find((l) => l.organ === 'bone');
    if (metastasis === undefined) throw new Error('No bone lesion in the baseline');
    const image = slice('baseline', metastasis.instanceNumber);
    expect(image.meanHu(metastasis.centreMm.x, metastasis.centreMm.y, 1)).toBeGreaterThan(600);
    expect(image.meanHu(0, 100, 1)).toBeGreaterThan(300);
  });

  it('the image noise has a standard deviation of roughly 10-15 HU', () => {
    const image = slice('baseline', 20);
    const values: number[] = [];
    for (let j = 4; j < 24; j++) for (let i = 4; i < 24; i++) values.push(image.huAtPixel(i, j));
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
    expect(sd).toBeGreaterThan(8);
    expect(sd).toBeLessThan(16);
  });
});

describe('ground-truth lesion centres', () => {
  it('lie inside the volume, on the centre of the slice the ground truth names', () => {
    for (const study of groundTruth.studies) {
      for (const lesion of study.lesions) {
        const image = slice(study.folder, lesion.instanceNumber);
        const [x0, y0, z] = image.imagePosition;
        const extent = (image.columns - 1) * image.pixelSpacing;
        expect(z, `${study.folder} ${lesion.id}`).toBe(lesion.centreMm.z);
        expect(image.sopInstanceUid).toBe(lesion.sopInstanceUid);
        expect(lesion.centreMm.x).toBeGreaterThan(x0);
        expect(lesion.centreMm.x).toBeLessThan(x0 + extent);
        expect(lesion.centreMm.y).toBeGreaterThan(y0);
        expect(lesion.centreMm.y).toBeLessThan(y0 + extent);
        expect(z).toBeLessThanOrEqual(study.firstSliceZMm);
        expect(z).toBeGreaterThanOrEqual(study.lastSliceZMm);
      }
    }
  });
});
