import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeWarmupFile, WARM_FRAME, warmCodec } from '../../../src/app/loading/codecWarmup';
import { WARMUP_FILES } from '../../../src/app/loading/warmupFiles';
import { WorkerPool, type WorkerLike } from '../../../src/app/loading/workerPool';
import type { WarmTask, WorkerRequest } from '../../../src/app/loading/workerProtocol';
import { runTask } from '../../../src/app/loading/workerTasks';
import { decodeCompressed } from '../../../src/dicom/codecGateway';
import { streamEnd } from '../../../src/dicom/codecs/streamEnd';
import { parseDicomFile } from '../../../src/dicom/parseDicomFile';

const ROOT = resolve(__dirname, '../../..');
/** The slice the warm-up files were transcoded from (see src/app/loading/codecWarmupFiles/README.md). */
const SOURCE = 'sample-dicom/baseline/IM0020.dcm';
const GREYSCALE = { rows: 1, columns: 1, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 'signed', samplesPerPixel: 1, photometricInterpretation: 'MONOCHROME2', planarConfiguration: 0 } as const;
/** Vite gives a source asset's URL as its path from the project root. */
const bytesAt = (url: string) => new Uint8Array(readFileSync(resolve(ROOT, `.${new URL(url, 'http://app/').pathname}`)));

async function storedPixels(bytes: Uint8Array, name: string) {
  const parsed = parseDicomFile(bytes, name);
  if (!parsed.ok) throw new Error(parsed.error.detail);
  const decoded = await parsed.value[0]?.pixels.load();
  if (!decoded?.ok || decoded.value.kind !== 'greyscale') throw new Error(`${name} did not decode to greyscale`);
  return { transferSyntaxUid: parsed.value[0]?.transferSyntaxUid, pixels: decoded.value.pixels };
}

describe('warm-up files', () => {
  it.each(WARMUP_FILES.map((file) => [file.transferSyntaxUid, file.url]))(
    '%s: the file is in its syntax and decodes to exactly the sample slice it was made from', async (uid, url) => {
      const source = await storedPixels(new Uint8Array(readFileSync(resolve(ROOT, SOURCE))), SOURCE);
      const warmup = await storedPixels(bytesAt(url), url);
      expect(warmup.transferSyntaxUid).toBe(uid);
      expect(warmup.pixels.length).toBe(256 * 256);
      expect(warmup.pixels).toEqual(source.pixels);
    });

  it('a warm-up file that does not decode is reported as a broken build', async () => {
    const [first] = WARMUP_FILES;
    const bytes = bytesAt(first?.url ?? '');
    const cut = bytes.slice(0, bytes.length - 4000);
    await expect(decodeWarmupFile(cut, 'cut.dcm')).rejects.toThrow(/codec warm-up file cut\.dcm/);
  });
});

describe('warming a codec', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('the load-only frame gets past the truncation check every JPEG-family decoder makes first, so the codec loads', () => {
    expect(streamEnd(WARM_FRAME, 0xd9)).toBe(WARM_FRAME.length);
  });

  it.each([['JPEG-LS', '1.2.840.10008.1.2.4.80'], ['JPEG 2000', '1.2.840.10008.1.2.4.90'], ['JPEG lossless', '1.2.840.10008.1.2.4.70']])(
    '%s: the decoder itself (not the truncation check) rejects it, and a warm task settles', async (_, uid) => {
      const decoded = await decodeCompressed(uid, WARM_FRAME, GREYSCALE);
      expect(decoded.ok ? '' : decoded.error.detail).not.toMatch(/truncated/);
      expect((await runTask({ kind: 'warm', transferSyntaxUid: uid, format: GREYSCALE })).value).toBeNull();
    });

  it('with a warm-up file, the worker fetches and decodes it', async () => {
    const file = WARMUP_FILES[2];
    if (!file) throw new Error('no JPEG 2000 warm-up file');
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(bytesAt(file.url));
    });
    await warmCodec({ kind: 'warm', transferSyntaxUid: file.transferSyntaxUid, format: GREYSCALE, warmupFileUrl: 'http://app/x.dcm' });
    expect(fetched).toEqual(['http://app/x.dcm']);
  });

  it('a warm-up file that cannot be fetched (offline before it was cached) still loads the codec, without failing', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(warmCodec({ kind: 'warm', transferSyntaxUid: '1.2.840.10008.1.2.4.80', format: GREYSCALE, warmupFileUrl: 'http://app/x.dcm' }))
      .resolves.toBeUndefined();
  });

  it('a warm-up file the server does not have is treated the same way', async () => {
    vi.stubGlobal('fetch', async () => new Response('gone', { status: 404 }));
    await expect(warmCodec({ kind: 'warm', transferSyntaxUid: '1.2.840.10008.1.2.4.80', format: GREYSCALE, warmupFileUrl: 'http://app/x.dcm' }))
      .resolves.toBeUndefined();
  });
});

describe('the pool warms a codec once', () => {
  const recordingWorker = (log: WorkerRequest[]): WorkerLike => {
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message) {
        log.push(message);
        queueMicrotask(() => worker.onmessage?.({ data: { id: message.id, ok: true, value: null } } as MessageEvent));
      },
      terminate() {},
    };
    return worker;
  };

  it('the warm-up file to the first worker only (the optimised code is shared), loading alone to the others, and only once', () => {
    const logs: WorkerRequest[][] = [[], [], []];
    let made = 0;
    const pool = new WorkerPool(() => recordingWorker(logs[made++] as WorkerRequest[]), 3);
    const task: WarmTask = { kind: 'warm', transferSyntaxUid: '1.2.840.10008.1.2.4.90', format: GREYSCALE, warmupFileUrl: 'http://app/j2k.dcm' };
    pool.warm(task);
    pool.warm(task);
    expect(logs.map((log) => log.map((m) => (m.kind === 'warm' ? m.warmupFileUrl ?? 'load only' : m.kind)))).toEqual([
      ['http://app/j2k.dcm'], ['load only'], ['load only'],
    ]);
  });
});
