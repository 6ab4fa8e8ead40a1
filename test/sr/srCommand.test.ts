// `recist sr write BACKUP.json --out DIR` and `recist sr read FILE...`: SR files from a backup of the app's
// database, and back to the measurement CSV `recist export --what measurements` writes from the same backup.
import '../store/backupEnvironment';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { runRecistCli, runRecistCliAsync } from '../../src/cli/run';
import { backupDatabase } from '../../src/store/backup';
import { RecistDatabase } from '../../src/store/database';
import { uniqueName, value } from '../store/fixtures';
import { dciodvfyErrors } from './dicomTools';
import { sampleRecord, SAMPLE_DIR } from './sampleRecord';

const io: CliIo = {
  readFile: (path) => readFileSync(path, 'utf8'),
  readBytes: (path) => new Uint8Array(readFileSync(path)),
  writeBytes: (path, bytes) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  },
};
const dir = mkdtempSync(join(tmpdir(), 'recist-sr-cli-'));
const backupPath = join(dir, 'backup.json');
const sr = (...args: string[]) => runRecistCliAsync(['sr', ...args], io);

beforeAll(async () => {
  const db = new RecistDatabase(uniqueName());
  const record = sampleRecord();
  await db.transaction('rw', [db.patients, db.timepoints, db.lesions, db.findings, db.measurements], async () => {
    await db.patients.put(record.patient);
    await db.timepoints.bulkPut([...record.timepoints]);
    await db.lesions.bulkPut([...record.lesions]);
    await db.findings.bulkPut([...record.findings]);
    await db.measurements.bulkPut([...record.measurements]);
  });
  writeFileSync(backupPath, await value(await backupDatabase(db, { includeImages: false })).text());
});

describe('recist sr', () => {
  it('write: one SR per patient and time point, each without a dciodvfy error; read: the CSV recist export writes', async () => {
    const out = join(dir, 'out');
    const written = await sr('write', backupPath, '--out', out);
    expect(written.stderr).toBe('');
    expect(written.exitCode).toBe(0);
    const files = written.stdout.trim().split('\n').map((line) => line.split('\t')[0] ?? '');
    expect(files.map((f) => f.slice(out.length + 1))).toEqual([
      'RR-0001_2023-01-09_Baseline.dcm', 'RR-0001_2023-04-17_Follow-up_1.dcm', 'RR-0001_2023-07-17_Follow-up_2.dcm',
    ]);
    for (const f of files) expect(dciodvfyErrors(new Uint8Array(readFileSync(f)))).toEqual([]);

    const exported = runRecistCli(['export', backupPath, '--what', 'measurements'], io);
    expect(exported.exitCode).toBe(0);
    // In any order: the rows follow the time points' dates, not the order of the files.
    expect(await sr('read', ...[...files].reverse())).toEqual({ stdout: exported.stdout, stderr: '', exitCode: 0 });

    const json = await sr('read', '--format', 'json', files[2] ?? '');
    const reports = JSON.parse(json.stdout) as { lesions: { label: string }[]; responses: { overall: string } }[];
    expect(reports[0]?.lesions.map((l) => l.label)).toEqual(['T1', 'T2', 'T3', 'T4', 'NT1', 'N1']);
    expect(reports[0]?.responses.overall).toBe('PD');
  });

  it('refuses the whole read when one file is not an SR, naming it and saying why (exit 2)', async () => {
    const image = resolve(SAMPLE_DIR, 'baseline/IM0001.dcm');
    const out = await sr('read', backupPath, image, join(dir, 'missing.dcm'));
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`${backupPath}: not a DICOM file`);
    expect(out.stderr).toContain(`${image}: not a structured report (SOP Class 1.2.840.10008.5.1.4.1.1.2): give the SR files, not the images.`);
    expect(out.stderr).toContain('cannot read');
    expect(out.stderr).toContain('no such file');
  });

  it.each([
    [['write', 'backup.json'], /give the folder to write the SR files to: --out DIR/],
    [['write', '--out', 'x'], /give the backup file/],
    [['read'], /give the SR files to read/],
    [['read', 'a.dcm', '--format', 'xml'], /--format must be csv or json \(got "xml"\)/],
    [['rewrite'], /unknown action "rewrite" \(write or read\)/],
    [[], /say write or read/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const out = await sr(...args);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it('write refuses a file that is not a backup, with the backup gate\'s words', async () => {
    const out = await sr('write', resolve(SAMPLE_DIR, 'demo-cohort.csv'), '--out', join(dir, 'none'));
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/^recist sr write: .*demo-cohort\.csv: /);
  });
});
