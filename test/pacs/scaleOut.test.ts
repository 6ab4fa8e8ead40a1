// Scale-out: two Orthancs on one PostgreSQL index and storage. What one stores, the other finds (QIDO-RS) and
// returns byte for byte (WADO-RS), with both writing at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dicomFilesUnder, stowFiles } from '../../scripts/pacs/stow';
import { SAMPLE_DICOM_DIR, startOrthanc, type RunningOrthanc } from './orthancProcess';
import { startPostgres, type RunningPostgres } from './postgresProcess';

async function json(url: string): Promise<Record<string, { Value?: unknown[] }>[]> {
  const answer = await fetch(url, { headers: { Accept: 'application/dicom+json' } });
  expect(answer.status).toBe(200);
  return (await answer.json()) as Record<string, { Value?: unknown[] }>[];
}

const value = (item: Record<string, { Value?: unknown[] }> | undefined, tag: string) => String(item?.[tag]?.Value?.[0] ?? '');

describe('two Orthancs on one PostgreSQL', () => {
  let postgres: RunningPostgres;
  let first: RunningOrthanc;
  let second: RunningOrthanc;

  beforeAll(async () => {
    postgres = await startPostgres();
    // One after the other: the first creates the schema, the second finds it.
    first = await startOrthanc({ postgres });
    second = await startOrthanc({ postgres });
  }, 90_000);

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await postgres?.stop();
  }, 60_000);

  it('are two processes on two ports with the same PostgreSQL database plugin', async () => {
    expect(first.pid).not.toBe(second.pid);
    for (const orthanc of [first, second]) {
      const system = (await (await fetch(`${orthanc.url}/system`)).json()) as { DatabaseBackendPlugin: string | null };
      expect(system.DatabaseBackendPlugin).toContain('PostgreSQLIndex');
    }
  });

  it('finds through the second (QIDO-RS) and reads back byte for byte (WADO-RS) what was stored through the first', async () => {
    const file = join(SAMPLE_DICOM_DIR, 'baseline', 'IM0001.dcm');
    const sent = readFileSync(file);
    expect(await stowFiles(first.dicomWebUrl, [file])).toEqual({ stored: 1, failed: [] });

    const found = await json(`${second.dicomWebUrl}/instances?PatientID=RR-0001`);
    expect(found).toHaveLength(1);
    const study = value(found[0], '0020000D');
    const series = value(found[0], '0020000E');
    const instance = value(found[0], '00080018');
    expect(sent.includes(Buffer.from(instance, 'latin1'))).toBe(true);

    const retrieved = await fetch(`${second.dicomWebUrl}/studies/${study}/series/${series}/instances/${instance}`, {
      headers: { Accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' },
    });
    expect(retrieved.status).toBe(200);
    const body = Buffer.from(await retrieved.arrayBuffer());
    // The one part of the multipart answer is the file as stored: its bytes appear whole in the body.
    expect(body.length).toBeGreaterThanOrEqual(sent.length);
    expect(body.indexOf(sent)).toBeGreaterThan(0);
  });

  it('takes writes through both at once, and each then sees every study', async () => {
    const threeMonths = dicomFilesUnder(join(SAMPLE_DICOM_DIR, 'followup-3m')).slice(0, 10);
    const sixMonths = dicomFilesUnder(join(SAMPLE_DICOM_DIR, 'followup-6m')).slice(0, 10);
    const [a, b] = await Promise.all([stowFiles(first.dicomWebUrl, threeMonths, { batchSize: 1 }), stowFiles(second.dicomWebUrl, sixMonths, { batchSize: 1 })]);
    expect(a.failed).toEqual([]);
    expect(b.failed).toEqual([]);
    for (const orthanc of [first, second]) {
      const studies = await json(`${orthanc.dicomWebUrl}/studies?PatientID=RR-0001`);
      expect(studies).toHaveLength(3);
      const instances = await json(`${orthanc.dicomWebUrl}/instances?PatientID=RR-0001`);
      expect(instances).toHaveLength(21);
    }
  }, 60_000);
});
