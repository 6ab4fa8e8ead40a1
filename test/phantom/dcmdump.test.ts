import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_STUDIES } from '../../src/phantom/studies';

// Debian's dcmtk is the independent reader: every sample file must parse without a warning or an error.
const DCMDUMP = '/usr/bin/dcmdump';
const COMMITTED = join(import.meta.dirname, '../../sample-dicom');
const hasDcmdump = existsSync(DCMDUMP);

if (!hasDcmdump) console.warn(`Skipping the dcmdump checks: ${DCMDUMP} is missing (apt-get install dcmtk).`);

describe.skipIf(!hasDcmdump)('dcmtk reads every sample file cleanly (dcmdump)', () => {
  it.each(SAMPLE_STUDIES.map((s) => s.folder))('%s: exit 0, no W: or E: lines', (folder) => {
    const dir = join(COMMITTED, folder);
    const files = readdirSync(dir).filter((name) => name.endsWith('.dcm')).map((name) => join(dir, name));
    expect(files.length).toBeGreaterThan(0);
    const run = spawnSync(DCMDUMP, files, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const problems = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => /^\s*[WE]:/.test(line));
    expect(problems).toEqual([]);
    expect(run.status).toBe(0);
    // The file meta and the key attributes are what dcmtk sees.
    expect(run.stdout).toContain('=LittleEndianExplicit');
    expect(run.stdout).toContain('=CTImageStorage');
    expect(run.stdout).toContain('(0020,0037) DS [1\\0\\0\\0\\1\\0]');
  });
});
