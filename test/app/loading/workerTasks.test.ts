import { describe, expect, it } from 'vitest';
import { FIRST_PREFIX_BYTES, importFiles, scanFile } from '../../../src/app/loading/importFiles';
import { PixelStore } from '../../../src/app/loading/pixelStore';
import { decodeTask, runTask, transferable } from '../../../src/app/loading/workerTasks';
import type { FileHeader } from '../../../src/dicom/readFileHeader';
import { ok } from '../../../src/shared/result';
import { dcmjsImage } from '../../dicom/fixtures/dcmjsImage';
import { inProcessPipeline } from './inProcessWorker';

const blobOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);
const { pool, jobs } = inProcessPipeline(1);
const store = new PixelStore(pool, jobs, { onProblem: () => undefined });

async function scanned(bytes: Uint8Array): Promise<FileHeader> {
  const { result } = await scanFile({ name: 'IM1.dcm', blob: blobOf(bytes) }, store);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('scanFile reads headers from the first bytes of a file', () => {
  it('a header longer than the first read (a big private block) is read again, larger', async () => {
    const bytes = dcmjsImage({ privateBytes: 9 * FIRST_PREFIX_BYTES });
    expect((await scanned(bytes)).slices[0]?.sopInstanceUid).toBe('1.2.826.0.1.3680043.10.9.1');
  });

  it('importFiles reads many headers in one request, and the long ones again', async () => {
    const files = [0, 1, 2].map((i) => ({
      name: `IM${i}.dcm`, blob: blobOf(dcmjsImage({ sopInstanceUid: `1.5.${i}`, privateBytes: i === 1 ? 3 * FIRST_PREFIX_BYTES : 0 })),
    }));
    const { report, series } = await importFiles(files, store);
    expect([report.problems, series[0]?.slices.length]).toEqual([[], 3]);
  });

  it('a text file is NOT_DICOM and names the file', async () => {
    expect((await scanFile({ name: 'notes.txt', blob: blobOf(new TextEncoder().encode('hello')) }, store)).result)
      .toEqual({ ok: false, error: { code: 'NOT_DICOM', file: 'notes.txt' } });
  });

  it('a file cut short in its pixel data is TRUNCATED from the header alone', async () => {
    const bytes = dcmjsImage({ rows: 64, columns: 64 });
    expect((await scanFile({ name: 'cut.dcm', blob: blobOf(bytes.subarray(0, bytes.length - 100)) }, store)).result)
      .toMatchObject({ ok: false, error: { code: 'TRUNCATED', file: 'cut.dcm' } });
  });
});

describe('decodeTask', () => {
  const format = {
    rows: 1, columns: 2, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 'signed', samplesPerPixel: 1,
    photometricInterpretation: 'MONOCHROME2', planarConfiguration: 0,
  } as const;
  const spec = { transferSyntaxUid: '1.2.840.10008.1.2.1', format, padding: undefined };

  it('decodes a native frame in place: the pixels are the buffer that was sent', async () => {
    const bytes = new Uint8Array([0x00, 0xfc, 0x01, 0x00]); // -1024, 1
    const frame = await decodeTask('a.dcm', bytes, spec, { kind: 'native', bigEndian: false });
    expect(frame.ok && frame.value.kind === 'greyscale' && [Array.from(frame.value.pixels), frame.value.pixels.buffer === bytes.buffer])
      .toEqual([[-1024, 1], true]);
  });

  it('big endian in place', async () => {
    const bytes = new Uint8Array([0xfc, 0x00, 0x00, 0x01]);
    const frame = await decodeTask('b.dcm', bytes, spec, { kind: 'native', bigEndian: true });
    expect(frame.ok && frame.value.kind === 'greyscale' && Array.from(frame.value.pixels)).toEqual([-1024, 1]);
  });
});

describe('reading frames through the store', () => {
  it('frame k of a multi-frame file is read alone, aligned in a buffer of its own', async () => {
    const values = [10, 11, 12, 20, 21, 22, 30, 31, 32];
    const bytes = dcmjsImage({ rows: 1, columns: 3, frames: 3, pixels: values, perFramePositions: [[0, 0, 0], [0, 0, 1], [0, 0, 2]] });
    const file = { name: 'MF.dcm', blob: blobOf(bytes) };
    const { result } = await scanFile(file, store);
    if (!result.ok) throw new Error('scan failed');
    const frame = await store.pixelsFor(file, result.value, 2).load();
    expect(frame.ok && frame.value.kind === 'greyscale' && [Array.from(frame.value.pixels), frame.value.pixels.byteOffset, frame.value.pixels.buffer.byteLength])
      .toEqual([[30, 31, 32], 0, 6]);
  });
});

describe('a file that can no longer be read (moved or deleted after it was chosen)', () => {
  const gone = { size: 10, arrayBuffer: () => Promise.reject(new Error('NotFoundError')), slice: () => gone } as unknown as Blob;

  it.each([
    ['a header batch: every file of it, for the caller to read again one by one', { kind: 'headers', blob: gone, files: [{ name: 'a', length: 8, fileSize: 10 }, { name: 'b', length: 8, fileSize: 10 }] } as const,
      [{ kind: 'done', result: { ok: false, error: { code: 'UNREADABLE', file: 'a', detail: 'NotFoundError' } } }, { kind: 'done', result: { ok: false, error: { code: 'UNREADABLE', file: 'b', detail: 'NotFoundError' } } }]],
    ['a frame', { kind: 'decode', name: 'c', blob: gone, spec: { transferSyntaxUid: '1.2.840.10008.1.2.1', format: { rows: 1, columns: 1, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 'signed', samplesPerPixel: 1, photometricInterpretation: 'MONOCHROME2', planarConfiguration: 0 }, padding: undefined }, layout: { kind: 'native', bigEndian: false } } as const,
      { ok: false, error: { code: 'UNREADABLE', file: 'c', detail: 'NotFoundError' } }],
  ])('%s is UNREADABLE, not a crash', async (_, task, expected) => {
    expect((await runTask(task)).value).toEqual(expected);
  });
});

describe('transferable', () => {
  it('transfers a slice that owns its buffer, without copying', () => {
    const pixels = new Int16Array([1, 2]);
    const { value, transfer } = transferable(ok({ kind: 'greyscale', pixels, minStored: 1, maxStored: 2 }));
    expect(transfer).toEqual([pixels.buffer]);
    expect(value).toEqual(ok({ kind: 'greyscale', pixels, minStored: 1, maxStored: 2 }));
  });

  it('copies out a view into a larger buffer (a codec heap) instead of transferring that buffer', () => {
    const heap = new Uint8Array(1024);
    const rgb = heap.subarray(100, 106);
    const { transfer } = transferable(ok({ kind: 'colour', rgb }));
    expect(transfer[0]?.byteLength).toBe(6);
    expect(transfer[0]).not.toBe(heap.buffer);
  });

  it('sends headers and errors as they are', () => {
    expect(transferable({ kind: 'need-more', bytes: 10 }).transfer).toEqual([]);
  });
});
