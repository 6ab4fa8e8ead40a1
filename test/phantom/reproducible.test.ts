import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDemoCohort } from '../../src/phantom/cohort';
import { writeDemoTwoReaders } from '../../src/phantom/twoReaders';
import { writeSampleStudies } from '../../src/phantom/writeSampleStudies';

const COMMITTED = join(import.meta.dirname, '../../sample-dicom');

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path)];
    })
    .sort();
}

describe('the committed sample is exactly what the generator writes', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'recist-sample-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('regenerates the same set of files, byte for byte', () => {
    writeSampleStudies(outDir);
    // The demo cohort of the survival screen has its own generator (npm run cohort:generate).
    writeDemoCohort(join(outDir, 'demo-cohort.csv'));
    // So has the double read of the cohort screen's reader agreement (npm run two-readers:generate).
    writeDemoTwoReaders(join(outDir, 'demo-two-readers.csv'));
    const generated = listFiles(outDir);
    expect(listFiles(COMMITTED)).toEqual(generated);
    const sameBytes = (file: string) => readFileSync(join(outDir, file)).equals(readFileSync(join(COMMITTED, file)));
    const differing = generated.filter((file) => !sameBytes(file));
    expect(differing, 'run "npm run sample:generate", "npm run cohort:generate" and "npm run two-readers:generate", and commit sample-dicom/').toEqual([]);
  }, 120_000);
});
