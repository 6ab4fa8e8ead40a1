// A named reader's measurement CSV carries a `reader` column (issue 20): two readers' files put together are a double
// read for `recist agreement` and `recist assess`, and an import reads each line's reader back.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CSV_FORMAT } from '../../src/export/csvFormat';
import { buildExport } from '../../src/export/exportFiles';
import { readMeasurementLines } from '../../src/export/measurementImport';
import { runRecistCli } from '../../src/cli/run';
import { reading } from './fixtures';

const options = (reader?: string) => ({ format: DEFAULT_CSV_FORMAT, landmarkDays: 91, deidentify: undefined, reader });
const dates = ['2024-01-10', '2024-04-10'];

describe('the reader column of the measurement CSV', () => {
  it('is written after patient_id for a named reader, and not at all without one', () => {
    const patient = reading({ dates, targets: { T1: { sizes: [30, 18] } } });
    const named = buildExport('measurements', [patient], options('Dr A'));
    const unnamed = buildExport('measurements', [patient], options());
    if (!named.ok || !unnamed.ok) throw new Error('export refused');
    expect(named.value.text.split('\n')[0]).toMatch(/^patient_id,reader,timepoint,/);
    expect(named.value.text.split('\n')[1]).toMatch(/^P1,Dr A,/);
    expect(unnamed.value.text.split('\n')[0]).toMatch(/^patient_id,timepoint,/);
    const lines = readMeasurementLines(named.value.text);
    expect(lines.ok && lines.lines.every((l) => l.reader === 'Dr A')).toBe(true);
  });

  it('two readers\' exports, one header, are a double read for recist agreement', () => {
    const a = buildExport('measurements', [reading({ dates, targets: { T1: { sizes: [30, 18] } } })], options('A'));
    const b = buildExport('measurements', [reading({ dates, targets: { T1: { sizes: [30, 25] } } })], options('B'));
    if (!a.ok || !b.ok) throw new Error('export refused');
    const both = [...a.value.text.trimEnd().split('\n'), ...b.value.text.trimEnd().split('\n').slice(1)].join('\n');
    const out = runRecistCli(['agreement', 'both.csv', '--format', 'json'], { readFile: () => both, readBytes: () => new TextEncoder().encode(both) });
    expect(out.exitCode, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout) as { readers: string[]; discordant: { patientId: string }[] };
    expect(report.readers).toEqual(['A', 'B']);
    expect(report.discordant.map((p) => p.patientId)).toEqual(['P1']);
  });
});
