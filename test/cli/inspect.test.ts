// `recist inspect` on the sample slice as other tools write it: every lossless transcode must report the same
// pixel statistics as the original, because the app decodes it to the same Hounsfield units.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

describe('recist inspect on folders, as "Open folder…" reads them', () => {
  let root: string;
  beforeAll(() => {
    // study/a.dcm, study/notes.txt, study/series2/b.dcm, and study/series2/loop: a link back up to study/.
    root = mkdtempSync(join(tmpdir(), 'recist-inspect-'));
    mkdirSync(join(root, 'study', 'series2'), { recursive: true });
    copyFileSync(SAMPLE, join(root, 'study', 'a.dcm'));
    copyFileSync(SAMPLE, join(root, 'study', 'series2', 'b.dcm'));
    writeFileSync(join(root, 'study', 'notes.txt'), 'read on Tuesday\n');
    symlinkSync(join(root, 'study'), join(root, 'study', 'series2', 'loop'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('walks folders recursively in name order, lists a non-DICOM file as skipped, and exits 0', async () => {
    const out = await runRecistCliAsync(['inspect', join(root, 'study')], io);
    const reports = JSON.parse(out.stdout) as (Report & { skipped?: boolean; code?: string })[];
    expect(reports.map((r) => [r.file.slice(root.length + 1), r.ok, r.skipped])).toEqual([
      ['study/a.dcm', true, undefined],
      ['study/notes.txt', false, true],
      // The link back to study/ is not walked again.
      ['study/series2/b.dcm', true, undefined],
    ]);
    expect(reports[1]?.code).toBe('NOT_DICOM');
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('recist inspect: skipped, as the app skips them: 1 not a DICOM file\n');
  });

  it('prints the same JSON array as before for named files (JSON.stringify of the whole array)', async () => {
    const files = [join(root, 'study', 'a.dcm'), join(root, 'study', 'notes.txt')];
    const out = await runRecistCliAsync(['inspect', ...files], io);
    expect(out.stdout).toBe(`${JSON.stringify(JSON.parse(out.stdout), null, 2)}\n`);
    // Named, a file that is not DICOM is a failure, not a skip.
    expect(out.exitCode).toBe(1);
  });

  it('prints each file before it reads the next, so no file is held after it is printed', async () => {
    const events: string[] = [];
    await runRecistCliAsync(['inspect', join(root, 'study')], {
      ...io,
      readBytes: (path) => {
        events.push(`read ${path.slice(root.length + 1)}`);
        return io.readBytes(path);
      },
      writeOut: (text) => {
        const file = /"file": "([^"]+)"/.exec(text)?.[1];
        events.push(file === undefined ? `write ${text.trim()}` : `write ${file.slice(root.length + 1)}`);
      },
    });
    expect(events).toEqual([
      'read study/a.dcm', 'write study/a.dcm',
      'read study/notes.txt', 'write study/notes.txt',
      'read study/series2/b.dcm', 'write study/series2/b.dcm',
      'write ]',
    ]);
  });

  it.skipIf(missingTools('dcmodify') !== undefined)('skips a DICOM file with no image in a folder (a report, a DICOMDIR), as the app does', async () => {
    const folder = join(root, 'with-report');
    mkdirSync(folder, { recursive: true });
    copyFileSync(SAMPLE, join(folder, 'image.dcm'));
    copyFileSync(SAMPLE, join(folder, 'report.dcm'));
    // No pixel data and no image size: a report's shape (an image header without pixels reads as cut short).
    execFileSync('dcmodify', ['--no-backup', '-ea', '(7fe0,0010)', '-ea', '(0028,0010)', '-ea', '(0028,0011)', join(folder, 'report.dcm')]);
    const out = await runRecistCliAsync(['inspect', folder], io);
    const reports = JSON.parse(out.stdout) as (Report & { skipped?: boolean; code?: string })[];
    expect(reports.map((r) => [r.ok, r.code, r.skipped])).toEqual([[true, undefined, undefined], [false, 'NO_PIXEL_DATA', true]]);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toContain('1 no image in the file (e.g. a report)');
  });

  it('says so, and exits 1, when the folders hold no file at all', async () => {
    const empty = join(root, 'empty');
    mkdirSync(empty, { recursive: true });
    const out = await runRecistCliAsync(['inspect', empty], io);
    expect(out.stdout).toBe('[]\n');
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('no files found');
  });
});
