// Scale-out: two Orthancs on one PostgreSQL index and storage. A RECIST SR (TID 1500) written through one is found
// (QIDO-RS) and read back through the other (WADO-RS, byte for byte, and by the SR reader), with both writing at once.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dicomFilesUnder, stowFiles, stowParts } from '../../scripts/pacs/stow';
import { parseMultipart } from '../../src/pacs/multipart';
import { buildMeasurementReport, readMeasurementReport } from '../../src/sr';
import { sampleRecord, truth } from '../sr/sampleRecord';
import { SAMPLE_DICOM_DIR, startOrthanc, type RunningOrthanc } from './orthancProcess';
import { startPostgres, type RunningPostgres } from './postgresProcess';

async function json(url: string): Promise<Record<string, { Value?: unknown[] }>[]> {
  const answer = await fetch(url, { headers: { Accept: 'application/dicom+json' } });
  expect(answer.status).toBe(200);
  return (await answer.json()) as Record<string, { Value?: unknown[] }>[];
}

const value = (item: Record<string, { Value?: unknown[] }> | undefined, tag: string) => String(item?.[tag]?.Value?.[0] ?? '');

// Real servers on a shared machine: a request can take seconds when other work holds the cores.
describe('two Orthancs on one PostgreSQL', { timeout: 30_000 }, () => {
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

  it('finds through the second (QIDO-RS) and reads back (WADO-RS) the RECIST SR stored through the first', async () => {
    const baseline = truth.studies[0]?.studyInstanceUid ?? '';
    const written = buildMeasurementReport({ patient: sampleRecord(), studyInstanceUid: baseline });
    if (!written.ok) throw new Error(`the SR module refused the sample record: ${JSON.stringify(written.error)}`);
    const sr = written.value;
    expect(await stowParts(first.dicomWebUrl, [sr.bytes])).toEqual({ stored: 1, failed: [] });

    const series = await json(`${second.dicomWebUrl}/studies/${baseline}/series?Modality=SR`);
    expect(series.map((s) => value(s, '0020000E'))).toEqual([sr.seriesInstanceUid]);
    const instances = await json(`${second.dicomWebUrl}/studies/${baseline}/series/${sr.seriesInstanceUid}/instances`);
    expect(instances.map((i) => value(i, '00080018'))).toEqual([sr.sopInstanceUid]);

    const retrieved = await fetch(`${second.dicomWebUrl}/studies/${baseline}/series/${sr.seriesInstanceUid}/instances/${sr.sopInstanceUid}`, {
      headers: { Accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' },
    });
    expect(retrieved.status).toBe(200);
    const parts = parseMultipart(retrieved.headers.get('content-type') ?? '', new Uint8Array(await retrieved.arrayBuffer()));
    if (typeof parts === 'string') throw new Error(parts);
    expect(parts).toHaveLength(1);
    const bytes = parts[0]?.bytes ?? new Uint8Array();
    expect(Buffer.from(bytes).equals(Buffer.from(sr.bytes))).toBe(true);
    const read = readMeasurementReport(bytes);
    if (!read.ok) throw new Error(`the SR read back does not read: ${JSON.stringify(read.error)}`);
    expect(read.value.sopInstanceUid).toBe(sr.sopInstanceUid);
    expect(read.value.lesions.length).toBe(truth.studies[0]?.lesions.length);
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
      expect(instances).toHaveLength(21); // 20 CT slices and the SR
    }
  }, 60_000);
});
