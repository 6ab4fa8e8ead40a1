// Input that would give a wrong answer without a word is refused with the line and what to do (issue 17):
// text that is not UTF-8, a column named twice, a baseline target that is not measurable.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from './harness';

const HEADER = 'patient_id,timepoint,scan_date,lesion_id,category,organ,nodal,long_axis_mm,short_axis_mm,state';

describe('text that is not UTF-8 is refused, naming the first bad line', () => {
  const latin1 = Buffer.from(
    `${HEADER}\nP\u00e9,BL,2024-01-01,T1,target,liver,no,30,,\nP\u00e8,BL,2024-01-01,T1,target,liver,no,20,,\n`,
    'latin1',
  );
  const dir = mkdtempSync(join(tmpdir(), 'recist-encoding-'));

  it('Latin-1 bytes read as UTF-8 (as Node, TextDecoder and File.text() read them) are refused at line 2', () => {
    const run = assess(latin1.toString('utf8'));
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/line 2: the file is not UTF-8 text.*save it as UTF-8/);
  });

  it('UTF-16 is named as UTF-16', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\nP1,BL,2024-01-01,T1,target,liver,no,30,,\n`, 'utf16le')]);
    const run = assess(utf16.toString('utf8'));
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/line 1: the file is UTF-16 text, not UTF-8/);
  });

  it('UTF-8 with or without a byte-order mark reads "Pé" and "Pè" as two patients', () => {
    const text = `${HEADER}\nP\u00e9,BL,2024-01-01,T1,target,liver,no,30,,\nP\u00e8,BL,2024-01-01,T1,target,liver,no,20,,\n`;
    for (const input of [text, `\uFEFF${text}`]) {
      const run = assess(input, '--per-patient');
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout.split('\n').filter((l) => /^P/.test(l)).map((l) => l.split(',')[0])).toEqual(['P\u00e9', 'P\u00e8']);
    }
  });

  it('the command as a process refuses a Latin-1 file with exit code 2', () => {
    const file = join(dir, 'latin1.csv');
    writeFileSync(file, latin1);
    const run = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'assess', file], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/line 2: the file is not UTF-8/);
  }, 60_000);
});

describe('a header that names a column twice is refused', () => {
  it('names the column and both places', () => {
    const run = assess(`${HEADER},state\nP1,BL,2024-01-01,T1,target,liver,no,30,,,absent\n`);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('line 1: column state is named twice in the header (columns 10 and 11); keep one');
  });
});

describe('a baseline target must be measurable', () => {
  it.each([
    ['recorded absent', 'P1,BL,2024-01-01,T1,target,liver,no,,,absent', /state absent is not possible for baseline target T1/],
    ['measured 0 mm', 'P1,BL,2024-01-01,T1,target,liver,no,0,,', /long_axis_mm 0: baseline target T1 measures 0 mm/],
    ['a node measured 0 mm short axis', 'P1,BL,2024-01-01,T1,target,lymph node,yes,12,0,', /short_axis_mm 0: baseline target T1 measures 0 mm/],
  ])('%s is refused, instead of reading CR at every follow-up', (_what, row, message) => {
    const run = assess(`${HEADER}\n${row}\nP1,FU1,2024-03-01,T1,target,liver,no,,,absent\n`);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
