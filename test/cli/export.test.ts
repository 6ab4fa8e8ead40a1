// `recist export BACKUP.json --what ...`: the Export menu's files from a backup, the same bytes as the app writes.
import '../store/backupEnvironment';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRecistCli } from '../../src/cli/run';
import { DEFAULT_CSV_FORMAT } from '../../src/export/csvFormat';
import { keyMap } from '../../src/export/deidentify';
import { buildExport, type ExportKind, type ExportOptions } from '../../src/export/exportFiles';
import { backupDatabase } from '../../src/store/backup';
import { setClinicalData } from '../../src/store/clinicalRepository';
import { putMeasurement } from '../../src/store/measurementRepository';
import { readAllRecords } from '../../src/store/readAllRecords';
import { readStudyKeys } from '../../src/store/studyKeyRepository';
import { BASELINE, FOLLOW_UP, PATIENT, databaseWithPatient, lesion, measurement, value } from '../store/fixtures';

let backup = '';
let appFiles: Record<ExportKind | 'deidentified', string> = { measurements: '', timepoints: '', patients: '', assigned: '', deidentified: '' };

beforeAll(async () => {
  const db = await databaseWithPatient();
  const t1 = await lesion(db);
  value(await putMeasurement(db, measurement(t1, BASELINE), { replaceOthers: false }));
  value(await putMeasurement(db, measurement(t1, FOLLOW_UP, { longAxis: { start: { x: 0, y: 0 }, end: { x: 20, y: 0 } } }), { replaceOthers: false }));
  value(await setClinicalData(db, PATIENT, { treatmentDate: '2024-01-15', lastKnownAliveDate: '2024-09-01', covariates: { ecog: 1 } }));
  backup = await value(await backupDatabase(db, { includeImages: true })).text();
  // What the app's Export menu writes from the same database.
  const patients = value(await readAllRecords(db)).patients;
  const options: ExportOptions = { format: DEFAULT_CSV_FORMAT, landmarkDays: 91, deidentify: undefined };
  const text = (kind: ExportKind, o = options) => {
    const file = buildExport(kind, patients, o);
    if (!file.ok) throw new Error('export failed');
    return file.value.text;
  };
  const keys = keyMap(value(await readStudyKeys(db)));
  appFiles = {
    measurements: text('measurements'), timepoints: text('timepoints'), patients: text('patients'), assigned: text('assigned'),
    deidentified: text('patients', { ...options, deidentify: { keys, shiftDates: true } }),
  };
});

const run = (...args: string[]) => runRecistCli(['export', 'backup.json', ...args], { readFile: () => backup, readBytes: () => new Uint8Array() });

describe('recist export', () => {
  it('--reader writes the reader column of a reader\'s measurements, as the app does for a named reader', () => {
    const out = run('--what', 'measurements', '--reader', 'Dr A');
    expect(out.exitCode, out.stderr).toBe(0);
    const [header, first] = out.stdout.split('\n');
    expect(header).toMatch(/^patient_id,reader,timepoint,/);
    expect(first).toMatch(new RegExp(`^${PATIENT},Dr A,`));
    expect(run('--what', 'patients', '--reader', 'Dr A')).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('--reader goes with --what measurements') });
  });

  it.each(['measurements', 'timepoints', 'patients', 'assigned'] as const)('--what %s writes what the app\'s Export menu writes', (kind) => {
    expect(run('--what', kind)).toEqual({ stdout: appFiles[kind], stderr: '', exitCode: 0 });
  });

  it('--deidentify --shift-dates uses the key kept in the backup', () => {
    const out = run('--what', 'patients', '--deidentify', '--shift-dates');
    expect(out.stdout).toBe(appFiles.deidentified);
    expect(out.stdout).not.toContain(PATIENT);
  });

  it('--landmark-days, --crlf and --bom', () => {
    const out = run('--what', 'patients', '--landmark-days', '180', '--crlf', '--bom');
    expect(out.stdout.startsWith('\uFEFFpatient_id,')).toBe(true);
    expect(out.stdout).toContain('\r\n');
    expect(out.stdout.split('\r\n')[1]?.split(',')[12]).toBe('180');
  });

  it.each([
    [['--what', 'lesions'], /--what must be one of measurements, timepoints, patients/],
    [[], /--what must be one of/],
    [['--what', 'patients', '--landmark-days', 'soon'], /--landmark-days "soon" is not a whole number/],
    [['--what', 'patients', '--shift-dates'], /--shift-dates goes with --deidentify/],
    [['--what', 'patients', '--frobnicate'], /unknown option --frobnicate/],
  ])('refuses %j as usage (exit 2)', (args, message) => {
    const out = run(...args);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it('refuses a backup from a newer schema, and a file that is not a backup', () => {
    const newer = backup.replace(/"databaseVersion":\d+/, '"databaseVersion":99');
    const out = runRecistCli(['export', 'b.json', '--what', 'patients'], { readFile: () => newer, readBytes: () => new Uint8Array() });
    expect(out).toMatchObject({ stdout: '', exitCode: 2 });
    expect(out.stderr).toMatch(/made by a newer version of recist-reader \(database version 99/);
    const csv = runRecistCli(['export', 'm.csv', '--what', 'patients'], { readFile: () => 'a,b\n1,2\n', readBytes: () => new Uint8Array() });
    expect(csv.stderr).toMatch(/not a recist-reader backup/);
  });

  it('refuses --deidentify when a patient of the backup has no study code', () => {
    // A backup made before the patient had a code: no study key rows, and its head declares none.
    const keyless = backup.replace(/"tableName":"studyKeys","inbound":true,"rows":\[[^\]]*\]/, '"tableName":"studyKeys","inbound":true,"rows":[]')
      .replace(/("name":"studyKeys","schema":"[^"]*","rowCount":)\d+/, (_all, head: string) => `${head}0`);
    const out = runRecistCli(['export', 'b.json', '--what', 'patients', '--deidentify'], { readFile: () => keyless, readBytes: () => new Uint8Array() });
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/No study code for P1/);
  });

  it('runs as a process: `npm run recist -- export` reads a backup without a browser', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recist-export-'));
    const file = join(dir, 'backup.json');
    writeFileSync(file, backup);
    const root = resolve(__dirname, '../..');
    const out = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/main.ts'), 'export', file, '--what', 'patients'], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe(appFiles.patients);
  }, 30_000);
});
