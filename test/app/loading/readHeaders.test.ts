// The header scan as a loading worker runs it, in Node (Blob, and fs.openAsBlob for a file deleted after it was chosen).
import { describe, expect, it } from 'vitest';
import { FIRST_PREFIX_BYTES, importFiles } from '../../../src/app/loading/importFiles';
import { PixelStore } from '../../../src/app/loading/pixelStore';
import { readHeaders } from '../../../src/app/loading/readHeaders';
import { dcmjsImage } from '../../dicom/fixtures/dcmjsImage';
import { blobOf, goneFile } from './fileFixtures';
import { inProcessPipeline } from './inProcessWorker';

const scanOne = async (name: string, bytes: Uint8Array) => (await readHeaders([{ name, blob: blobOf(bytes) }], FIRST_PREFIX_BYTES)).headers[0];

describe('readHeaders reads headers from the first bytes of each file, in the worker', () => {
  it('a header longer than the first read (a big private block) is read again, larger, and later scans start there', async () => {
    const bytes = dcmjsImage({ privateBytes: 9 * FIRST_PREFIX_BYTES });
    const read = await readHeaders([{ name: 'IM1.dcm', blob: blobOf(bytes) }], FIRST_PREFIX_BYTES);
    expect(read.headers[0]?.ok && read.headers[0].value.slices[0]?.sopInstanceUid).toBe('1.2.826.0.1.3680043.10.9.1');
    expect(read.prefixBytes).toBeGreaterThan(9 * FIRST_PREFIX_BYTES);
  });

  it('importFiles reads many headers in one request, and the long ones again', async () => {
    const files = [0, 1, 2].map((i) => ({
      name: `IM${i}.dcm`, blob: blobOf(dcmjsImage({ sopInstanceUid: `1.5.${i}`, privateBytes: i === 1 ? 3 * FIRST_PREFIX_BYTES : 0 })),
    }));
    const { pool, jobs } = inProcessPipeline(1);
    const { report, series } = await importFiles(files, new PixelStore(pool, jobs, { onProblem: () => undefined }));
    expect([report.problems, series[0]?.slices.length]).toEqual([[], 3]);
  });

  it('a text file is NOT_DICOM and names the file', async () => {
    expect(await scanOne('notes.txt', new TextEncoder().encode('hello'))).toEqual({ ok: false, error: { code: 'NOT_DICOM', file: 'notes.txt' } });
  });

  it('a file cut short in its pixel data is TRUNCATED from the header alone', async () => {
    const bytes = dcmjsImage({ rows: 64, columns: 64 });
    expect(await scanOne('cut.dcm', bytes.subarray(0, bytes.length - 100))).toMatchObject({ ok: false, error: { code: 'TRUNCATED', file: 'cut.dcm' } });
  });

  it('a file deleted since it was chosen is UNREADABLE; the others of its batch are read one by one', async () => {
    const read = await readHeaders([{ name: 'gone.dcm', blob: await goneFile() }, { name: 'here.dcm', blob: blobOf(dcmjsImage({})) }], FIRST_PREFIX_BYTES);
    expect(read.headers.map((h) => (h.ok ? 'ok' : h.error.code))).toEqual(['UNREADABLE', 'ok']);
  });

  it('a file that gives fewer bytes than its size says (changed since it was chosen) is UNREADABLE, not read for ever', async () => {
    const start = blobOf(dcmjsImage({ privateBytes: 3 * FIRST_PREFIX_BYTES }).subarray(0, 300));
    const shrunk = { size: 100_000, slice: () => start, arrayBuffer: () => start.arrayBuffer() } as unknown as Blob;
    const read = await readHeaders([{ name: 'shrunk.dcm', blob: shrunk }], FIRST_PREFIX_BYTES);
    expect(read.headers).toEqual([{ ok: false, error: { code: 'UNREADABLE', file: 'shrunk.dcm', detail: 'only 300 bytes could be read' } }]);
  });
});
