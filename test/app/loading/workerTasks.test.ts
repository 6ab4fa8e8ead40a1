import { describe, expect, it } from 'vitest';
import { FIRST_PREFIX_BYTES } from '../../../src/app/loading/importFiles';
import { PixelStore } from '../../../src/app/loading/pixelStore';
import { readHeaders } from '../../../src/app/loading/readHeaders';
import { decodeTask, runTask, transferable } from '../../../src/app/loading/workerTasks';
import type { FileHeader } from '../../../src/dicom/readFileHeader';
import { greyscaleSlice } from '../../../src/dicom/slicePixels';
import { ok } from '../../../src/shared/result';
import { dcmjsImage } from '../../dicom/fixtures/dcmjsImage';
import { blobOf, goneFile } from './fileFixtures';
import { inProcessPipeline } from './inProcessWorker';

const { pool, jobs } = inProcessPipeline(1);
const store = new PixelStore(pool, jobs, { onProblem: () => undefined });

async function scanned(bytes: Uint8Array): Promise<FileHeader> {
  const [result] = (await readHeaders([{ name: 'IM1.dcm', blob: blobOf(bytes) }], FIRST_PREFIX_BYTES)).headers;
  if (!result?.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

describe('decodeTask', () => {
  const format = {
    rows: 1, columns: 2, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 'signed', samplesPerPixel: 1,
    photometricInterpretation: 'MONOCHROME2', planarConfiguration: 0,
  } as const;
  const spec = { transferSyntaxUid: '1.2.840.10008.1.2.1', format, padding: undefined };

  it('decodes a native frame in place: the pixels are the buffer that was sent', async () => {
    const bytes = new Uint8Array([0x00, 0xfc, 0x01, 0x00]); // -1024, 1
    const frame = await decodeTask('a.dcm', bytes, spec, { kind: 'native', bigEndian: false, offset: 0 });
    expect(frame.ok && frame.value.kind === 'greyscale' && [Array.from(frame.value.pixels), frame.value.pixels.buffer === bytes.buffer])
      .toEqual([[-1024, 1], true]);
  });

  it('big endian in place', async () => {
    const bytes = new Uint8Array([0xfc, 0x00, 0x00, 0x01]);
    const frame = await decodeTask('b.dcm', bytes, spec, { kind: 'native', bigEndian: true, offset: 0 });
    expect(frame.ok && frame.value.kind === 'greyscale' && Array.from(frame.value.pixels)).toEqual([-1024, 1]);
  });

  it('a whole file read: the frame is a view at its offset, no copy', async () => {
    const bytes = new Uint8Array([9, 9, 9, 9, 0x00, 0xfc, 0x01, 0x00]);
    const frame = await decodeTask('c.dcm', bytes, spec, { kind: 'native', bigEndian: false, offset: 4 });
    expect(frame.ok && frame.value.kind === 'greyscale' && [Array.from(frame.value.pixels), frame.value.pixels.byteOffset, frame.value.pixels.buffer === bytes.buffer])
      .toEqual([[-1024, 1], 4, true]);
  });
});

describe('reading frames through the store', () => {
  it('frame k of a multi-frame file is read alone, aligned in a buffer of its own', async () => {
    const values = [10, 11, 12, 20, 21, 22, 30, 31, 32];
    const bytes = dcmjsImage({ rows: 1, columns: 3, frames: 3, pixels: values, perFramePositions: [[0, 0, 0], [0, 0, 1], [0, 0, 2]] });
    const file = { name: 'MF.dcm', blob: blobOf(bytes) };
    const frame = await store.pixelsFor(file, await scanned(bytes), 2).load();
    expect(frame.ok && frame.value.kind === 'greyscale' && [Array.from(frame.value.pixels), frame.value.pixels.byteOffset, frame.value.pixels.buffer.byteLength])
      .toEqual([[30, 31, 32], 0, 6]);
  });
});

describe('reading whole files', () => {
  it('a single-frame file is read whole and its pixels go back as a view on that buffer (transferred, not copied)', async () => {
    const bytes = dcmjsImage({ rows: 1, columns: 3, pixels: [-5, 0, 7] });
    const file = { name: 'IM.dcm', blob: blobOf(bytes) };
    const header = await scanned(bytes);
    const { value, shared } = await runTask({
      kind: 'decode', part: file, spec: { transferSyntaxUid: header.transferSyntaxUid, format: header.format, padding: undefined },
      layout: { kind: 'native', bigEndian: false, offset: header.pixelData.kind === 'native' ? header.pixelData.offset : -1 },
    });
    expect(shared?.byteLength).toBe(bytes.length);
    const { value: posted, transfer } = transferable(value, shared);
    expect(transfer).toEqual([shared]);
    expect(posted).toEqual(ok({ kind: 'greyscale', pixels: new Int16Array([-5, 0, 7]), minStored: -5, maxStored: 7 }));
  });

  it('decodeMany reads whole files and frame ranges in one request', async () => {
    const a = dcmjsImage({ rows: 1, columns: 2, pixels: [1, 2] });
    const b = dcmjsImage({ rows: 1, columns: 2, frames: 2, pixels: [3, 4, 5, 6], perFramePositions: [[0, 0, 0], [0, 0, 1]] });
    const [ha, hb] = [await scanned(a), await scanned(b)];
    if (ha.pixelData.kind !== 'native' || hb.pixelData.kind !== 'native') throw new Error('native expected');
    const spec = { transferSyntaxUid: ha.transferSyntaxUid, format: ha.format, padding: undefined };
    const second = hb.pixelData.offset + 4;
    const { value } = await runTask({ kind: 'decodeMany', frames: [
      { part: { name: 'a', blob: blobOf(a) }, offset: ha.pixelData.offset, length: 4, spec, bigEndian: false },
      { part: { name: 'b', blob: blobOf(b), range: { start: second, end: second + 4 } }, offset: 0, length: 4, spec, bigEndian: false },
    ] });
    expect((value as { ok: boolean; value: { pixels: Int16Array } }[]).map((r) => Array.from(r.value.pixels))).toEqual([[1, 2], [5, 6]]);
  });
});

describe('a file that can no longer be read (moved or deleted after it was chosen)', () => {
  const spec = { transferSyntaxUid: '1.2.840.10008.1.2.1', format: { rows: 1, columns: 1, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 'signed', samplesPerPixel: 1, photometricInterpretation: 'MONOCHROME2', planarConfiguration: 0 }, padding: undefined } as const;

  it('a frame is UNREADABLE, not a crash', async () => {
    const task = { kind: 'decode', part: { name: 'c', blob: await goneFile() }, spec, layout: { kind: 'native', bigEndian: false, offset: 0 } } as const;
    expect((await runTask(task)).value).toEqual({ ok: false, error: { code: 'UNREADABLE', file: 'c', detail: 'The blob could not be read' } });
  });

  it('a background batch: every frame of it', async () => {
    const frames = ['d', 'e'].map((name) => ({ part: { name, blob: blobOf(new Uint8Array(2)) }, offset: 0, length: 2, spec, bigEndian: false }));
    const gone = { ...(frames[0] as (typeof frames)[number]), part: { name: 'f', blob: await goneFile() } };
    const results = (await runTask({ kind: 'decodeMany', frames: [...frames, gone] })).value as { error: { code: string; file: string } }[];
    expect(results.map((r) => `${r.error.file}: ${r.error.code}`)).toEqual(['d: UNREADABLE', 'e: UNREADABLE', 'f: UNREADABLE']);
  });
});

describe('transferable', () => {
  it('a range left for later is found in the worker: the slice goes as plain fields', () => {
    const { value } = transferable(ok(greyscaleSlice(new Int16Array([4, -3]), undefined)));
    expect(value).toEqual(ok({ kind: 'greyscale', pixels: new Int16Array([4, -3]), minStored: -3, maxStored: 4 }));
    const fields = (value as { value: object }).value;
    expect(Object.getOwnPropertyDescriptor(fields, 'minStored')?.get).toBeUndefined();
  });

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
    expect(transferable({ headers: [], prefixBytes: 10 }).transfer).toEqual([]);
  });
});
