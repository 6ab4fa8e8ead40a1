// `recist inspect` on the sample slice as other tools write it: every lossless transcode must report the same
// pixel statistics as the original, because the app decodes it to the same Hounsfield units.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecistCliAsync } from '../../src/cli/run';
import { missingTools, workdir, type Workdir } from '../dicom/codecs/fixtures/tools';

const SAMPLE = resolve(__dirname, '../../sample-dicom/baseline/IM0012.dcm');
const io = {
  readFile: (path: string) => readFileSync(path, 'utf8'),
  readBytes: (path: string) => new Uint8Array(readFileSync(path)),
};

interface Report {
  file: string;
  ok: boolean;
  transferSyntaxUid?: string;
  min?: number;
  max?: number;
  mean?: number;
  rows?: number;
  pixelSpacing?: [number, number];
  error?: string;
}

async function inspect(...files: string[]): Promise<{ reports: Report[]; exitCode: number; stderr: string }> {
  const out = await runRecistCliAsync(['inspect', ...files], io);
  return { reports: JSON.parse(out.stdout || '[]') as Report[], exitCode: out.exitCode, stderr: out.stderr };
}

const skip = missingTools('dcmconv', 'dcmcrle', 'dcmcjpls', 'dcmcjpeg', 'gdcmconv');

describe.skipIf(skip !== undefined)(`recist inspect on transcodes of the sample${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let dir: Workdir;
  const lossless: [string, string, string, string[]][] = [
    ['implicit VR little endian', '1.2.840.10008.1.2', 'dcmconv', ['+ti']],
    ['explicit VR big endian', '1.2.840.10008.1.2.2', 'dcmconv', ['+tb']],
    ['deflated', '1.2.840.10008.1.2.1.99', 'dcmconv', ['+td']],
    ['RLE', '1.2.840.10008.1.2.5', 'dcmcrle', []],
    ['JPEG-LS lossless', '1.2.840.10008.1.2.4.80', 'dcmcjpls', []],
    ['JPEG lossless SV1', '1.2.840.10008.1.2.4.70', 'dcmcjpeg', ['+e1']],
    ['JPEG 2000 lossless', '1.2.840.10008.1.2.4.90', 'gdcmconv', ['--j2k']],
  ];

  beforeAll(() => {
    dir = workdir();
    dir.write('original.dcm', new Uint8Array(readFileSync(SAMPLE)));
    for (const [name, , tool, args] of lossless) {
      const out = `${name.replace(/\W+/g, '-')}.dcm`;
      dir.run(tool, ...args, 'original.dcm', out);
    }
  }, 60_000);
  afterAll(() => dir?.remove());

  it.each(lossless)('%s (%s) reports the same HU statistics as the original', async (name, uid) => {
    const { reports, exitCode } = await inspect(dir.path('original.dcm'), dir.path(`${name.replace(/\W+/g, '-')}.dcm`));
    expect(exitCode).toBe(0);
    const [original, transcoded] = reports;
    expect(transcoded?.transferSyntaxUid).toBe(uid);
    expect({ ...transcoded, file: '', transferSyntaxUid: '' }).toEqual({ ...original, file: '', transferSyntaxUid: '' });
    expect(original?.min).toBe(-1024);
    expect(original?.max).toBeGreaterThan(300);
  });
});

describe('recist inspect, every file reported', () => {
  it('reports a non-DICOM file and a missing file after the good ones, and exits 1', async () => {
    const { reports, exitCode, stderr } = await inspect(SAMPLE, resolve(__dirname, '../../README.md'), '/no/such.dcm');
    expect(exitCode).toBe(1);
    expect(reports.map((r) => r.ok)).toEqual([true, false, false]);
    expect(reports[0]).toMatchObject({ rows: 256, pixelSpacing: [1.5, 1.5] });
    expect(reports[1]?.error).toContain('not a DICOM file');
    expect(reports[2]?.error).toContain('no such file');
    expect(stderr).toContain('2 of 3');
  });

  it('is a usage error without files', async () => {
    const out = await runRecistCliAsync(['inspect'], io);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
  });
});
