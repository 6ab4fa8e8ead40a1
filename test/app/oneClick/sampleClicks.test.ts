// One-click on the sample patient (issue 21), as the e2e reads it in the browser but in a second and by lesion: every
// lesion of every study, clicked at its centre, is outlined and measured within two pixels (3 mm) of the ground
// truth, long and short axis. A wild outline here is a wild outline on the reader's screen.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runOneClick } from '../../../src/app/oneClick/oneClickTasks';
import { parseDicomFile } from '../../../src/dicom/parseDicomFile';

const SAMPLE = fileURLToPath(new URL('../../../sample-dicom/', import.meta.url));
const truth = JSON.parse(readFileSync(`${SAMPLE}ground-truth.json`, 'utf8')) as {
  studies: { key: string; lesions: { id: string; file: string; longAxisMm: number; shortAxisMm: number; centreMm: { x: number; y: number } }[] }[];
};
const TWO_PIXELS_MM = 3;

describe('one click at the centre of each sample lesion', () => {
  const cases = truth.studies.flatMap((s) => s.lesions.map((l) => [`${l.id} at ${s.key}`, l] as const));
  it.each(cases)('%s', async (_name, lesion) => {
    const parsed = parseDicomFile(new Uint8Array(readFileSync(`${SAMPLE}${lesion.file}`)), lesion.file);
    const slice = parsed.ok ? parsed.value[0] : undefined;
    const decoded = slice ? await slice.pixels.load() : undefined;
    if (!slice?.pixelSpacingMm || !decoded?.ok || decoded.value.kind !== 'greyscale') throw new Error(`cannot read ${lesion.file}`);
    // The sample's first pixel centre is at -191.25 mm, pixels 1.5 mm (ground-truth.json, "coordinates").
    const found = runOneClick({
      kind: 'segment',
      slice: {
        values: decoded.value.pixels, rows: slice.rows, cols: slice.columns, rowSpacingMm: slice.pixelSpacingMm.row,
        colSpacingMm: slice.pixelSpacingMm.column, slope: slice.rescale.slope, intercept: slice.rescale.intercept,
      },
      seed: { row: (lesion.centreMm.y + 191.25) / 1.5, col: (lesion.centreMm.x + 191.25) / 1.5 },
    });
    if (!found.ok) throw new Error(`${lesion.id}: no lesion (${found.error.code}: ${found.error.detail})`);
    const measured = `${found.value.longAxisMm.toFixed(1)} x ${found.value.shortAxisMm.toFixed(1)} mm for ${lesion.longAxisMm} x ${lesion.shortAxisMm}`;
    expect(Math.abs(found.value.longAxisMm - lesion.longAxisMm), measured).toBeLessThanOrEqual(TWO_PIXELS_MM);
    expect(Math.abs(found.value.shortAxisMm - lesion.shortAxisMm), measured).toBeLessThanOrEqual(TWO_PIXELS_MM);
  });
});
