// The `recist` command as a user runs it: the built JavaScript (dist-cli/, through bin/recist.mjs, the package's
// bin) started as a process, not the TypeScript in-process. Builds it first when a source is newer than the build.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../../src/cli/inspectFile';
import { runRecistCli } from '../../src/cli/run';
import { SUBCOMMANDS } from '../../src/cli/subcommands';

const ROOT = resolve(__dirname, '../..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
const BIN = join(ROOT, PACKAGE.bin.recist ?? 'missing');

const recist = (args: string[], cwd = ROOT) => {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { stdout: run.stdout, stderr: run.stderr, exitCode: run.status };
};

interface Report { file: string; ok: boolean; code?: string; skipped?: boolean; min?: number; max?: number; mean?: number }

const MEASUREMENTS = [
  'patient_id,timepoint,scan_date,lesion_id,category,organ,nodal,long_axis_mm,short_axis_mm,state',
  'P1,baseline,2024-01-10,T1,target,liver,no,40,25,',
  'P1,baseline,2024-01-10,T2,target,lung,no,20,12,',
  'P1,week 8,2024-03-06,T1,target,liver,no,25,15,',
  'P1,week 8,2024-03-06,T2,target,lung,no,12,8,',
  '',
].join('\n');

let work: string;
beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  work = mkdtempSync(join(tmpdir(), 'recist-built-'));
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the built recist command', { timeout: 60_000 }, () => {
  it('is the package bin, a plain JavaScript file', () => {
    expect(PACKAGE.bin.recist).toBe('bin/recist.mjs');
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints its help, naming every subcommand', () => {
    const out = recist(['--help']);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('Usage: recist <subcommand>');
    for (const name of Object.keys(SUBCOMMANDS)) expect(out.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('loads no subcommand to start: the entry imports only Node built-ins, each subcommand a chunk of its own', () => {
    const entry = readFileSync(join(ROOT, 'dist-cli', 'recist.mjs'), 'utf8');
    const staticImports = [...entry.matchAll(/^import\b[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(staticImports.every((spec) => spec?.startsWith('node:'))).toBe(true);
    const lazy = [...entry.matchAll(/import\("(\.\/chunks\/[^"]+)"\)/g)].map((m) => m[1]);
    expect(lazy.length).toBe(Object.keys(SUBCOMMANDS).length);
    expect(entry).not.toContain('parseDicom');
  });

  it('refuses an unknown subcommand with usage words and exit code 2', () => {
    const out = recist(['asess', 'x.csv']);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('unknown subcommand "asess"');
  });

  it('inspects the sample-dicom folder recursively: every slice, the notes beside them skipped as the app skips them', async () => {
    const out = recist(['inspect', 'sample-dicom']);
    expect(out.exitCode).toBe(0);
    const reports = JSON.parse(out.stdout) as Report[];
    expect(reports).toHaveLength(125);
    expect(reports.filter((r) => r.ok)).toHaveLength(120);
    expect(reports.filter((r) => !r.ok).map((r) => [r.file, r.code, r.skipped])).toEqual(
      ['README.md', 'demo-cohort.csv', 'demo-two-readers.csv', 'ground-truth.json', 'manifest.json'].map((f) => [`sample-dicom/${f}`, 'NOT_DICOM', true]));
    // Entries in name order (code points, so README.md before baseline/), folders walked where they fall.
    expect(reports.map((r) => r.file)).toEqual([...reports.map((r) => r.file)].sort());
    expect(reports.find((r) => r.ok)?.file).toBe('sample-dicom/baseline/IM0001.dcm');
    expect(out.stderr).toBe('recist inspect: skipped, as the app skips them: 5 not a DICOM file\n');
    // The worker threads report what the same code reports in-process.
    const path = 'sample-dicom/followup-6m/IM0020.dcm';
    const here = await inspectFile(path, new Uint8Array(readFileSync(join(ROOT, path))));
    expect(reports.find((r) => r.file === path)).toEqual(here);
  });

  it('fails (exit 1) on a damaged DICOM file in a folder, and on a named file that is not DICOM', () => {
    const folder = join(work, 'series', 'nested');
    mkdirSync(folder, { recursive: true });
    const whole = readFileSync(join(ROOT, 'sample-dicom/baseline/IM0012.dcm'));
    copyFileSync(join(ROOT, 'sample-dicom/baseline/IM0012.dcm'), join(folder, 'a.dcm'));
    writeFileSync(join(folder, 'b.dcm'), whole.subarray(0, whole.length - 1000));
    const cut = recist(['inspect', join(work, 'series')]);
    expect(cut.exitCode).toBe(1);
    const reports = JSON.parse(cut.stdout) as Report[];
    expect(reports.map((r) => [r.ok, r.code])).toEqual([[true, undefined], [false, 'TRUNCATED']]);
    expect(cut.stderr).toContain('1 of 2 files could not be read');

    const named = recist(['inspect', join(ROOT, 'README.md')]);
    expect(named.exitCode).toBe(1);
    expect(JSON.parse(named.stdout)).toMatchObject([{ ok: false, code: 'NOT_DICOM' }]);
  });

  it('assesses a measurement CSV exactly as the in-process command does', () => {
    writeFileSync(join(work, 'measurements.csv'), MEASUREMENTS);
    const out = recist(['assess', join(work, 'measurements.csv')]);
    expect(out.stderr).toBe('');
    expect(out.exitCode).toBe(0);
    const here = runRecistCli(['assess', 'm.csv'], { readFile: () => MEASUREMENTS, readBytes: () => new Uint8Array() });
    expect(out.stdout).toBe(here.stdout);
    // Sum 60 -> 37 mm is -38.3 %: partial response (RECIST 1.1, >= 30 % decrease).
    expect(out.stdout.split('\n').find((line) => line.startsWith('P1,week 8'))).toContain(',PR,');
  });

  it('says how to build it when its build is missing and cannot be made', () => {
    const lone = join(work, 'lone');
    mkdirSync(join(lone, 'bin'), { recursive: true });
    copyFileSync(BIN, join(lone, 'bin', 'recist.mjs'));
    const run = spawnSync(process.execPath, [join(lone, 'bin', 'recist.mjs'), '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the command is not built and cannot be built here');
    expect(run.stderr).toContain('npm install');
  });

  it('goes into the package: npm pack carries the launcher and the build', () => {
    const packed = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    const files = (JSON.parse(packed) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
    expect(files).toEqual(expect.arrayContaining(['bin/recist.mjs', 'dist-cli/recist.mjs', 'dist-cli/inspectWorker.mjs', 'scripts/build-cli.mjs', 'package.json']));
    expect(files.some((f) => f.startsWith('src/'))).toBe(false);
  });
});
