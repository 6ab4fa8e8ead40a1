// `recist measure` on the sample patient: the baseline liver metastasis T1 (32 x 24 mm, ground-truth.json) from one
// pixel inside it, and the refusal where there is no lesion.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRecistCliAsync } from '../../src/cli/run';

const SLICE = resolve(__dirname, '../../sample-dicom/baseline/IM0012.dcm');
const io = {
  readFile: (path: string) => readFileSync(path, 'utf8'),
  readBytes: (path: string) => new Uint8Array(readFileSync(path)),
  writeBytes: () => {
    throw new Error('recist measure writes no files');
  },
};
// T1's centre (x -100, y 0 mm) on the 256 x 256, 1.5 mm grid whose first pixel is at -191.25 mm.
const T1 = '127.5,60.8';

describe('recist measure', () => {
  it('prints the lesion at the point as JSON: axes in mm, their end points, area and contour', async () => {
    const out = await runRecistCliAsync(['measure', SLICE, '--at', T1, '--format', 'json'], io);
    expect(out.exitCode).toBe(0);
    const m = JSON.parse(out.stdout) as { longAxisMm: number; shortAxisMm: number; longAxis: number[][]; shortAxis: number[][]; areaMm2: number; contour: number[][] };
    expect(Math.abs(m.longAxisMm - 32)).toBeLessThan(1.5);
    expect(Math.abs(m.shortAxisMm - 24)).toBeLessThan(1.5);
    expect(m.longAxis).toHaveLength(2);
    expect(m.shortAxis[0]).toHaveLength(2);
    const [[r0, c0], [r1, c1]] = m.longAxis as [[number, number], [number, number]];
    expect(Math.hypot(r1 - r0, c1 - c0) * 1.5).toBeCloseTo(m.longAxisMm, 0);
    expect(m.areaMm2).toBeGreaterThan(500);
    expect(m.contour.length).toBeGreaterThan(20);
  });

  it('prints text by default', async () => {
    const out = await runRecistCliAsync(['measure', SLICE, '--at', T1], io);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^longAxisMm\s+3\d\.\d$/m);
    expect(out.stdout).toMatch(/^shortAxis\s+\[\[/m);
  });

  it('exits 1 with the reason where no lesion can be separated', async () => {
    const out = await runRecistCliAsync(['measure', SLICE, '--at', '20,20'], io);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toMatch(/no lesion at row 20, column 20/);
    expect(out.stderr).toMatch(/\[(LEAKS|NO_EDGE|TOO_SMALL)\]/);
  });

  it.each([
    [['measure', SLICE], /--at ROW,COL is needed/],
    [['measure', SLICE, '--at', '12'], /is not ROW,COL/],
    [['measure', SLICE, '--at', T1, '--format', 'xml'], /--format xml is not text or json/],
    [['measure', '--at', T1], /give one DICOM file/],
  ])('refuses bad usage with exit 2: %j', async (argv, message) => {
    const out = await runRecistCliAsync(argv, io);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(message);
  });
});
