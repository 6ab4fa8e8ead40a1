import { describe, expect, it } from 'vitest';
import { retrieveSeries } from '../../../src/app/pacs/retrieveSeries';
import { PacsClient } from '../../../src/pacs/pacsClient';
import type { FetchLike } from '../../../src/pacs/pacsRequest';
import type { PacsSeries } from '../../../src/pacs/pacsTypes';
import type { NamedBlob } from '../../../src/app/loading/workerProtocol';

const SERIES: PacsSeries = { studyInstanceUid: 's', seriesInstanceUid: 'r', modality: 'CT', description: 'Abdomen', seriesNumber: 2, instanceCount: 3 };

/** A slice as the metadata and QIDO-RS describe it: z is its height, the top slice (highest z) shown first. */
const slice = (uid: string, z: number, instanceNumber: number) => ({
  '00080018': { vr: 'UI', Value: [uid] },
  '00200032': { vr: 'DS', Value: [0, 0, z] },
  '00200037': { vr: 'DS', Value: [1, 0, 0, 0, 1, 0] },
  '00200013': { vr: 'IS', Value: [instanceNumber] },
});
type Slice = ReturnType<typeof slice>;

const json = (value: unknown) => new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/dicom+json' } });
const multipart = (parts: { uid: string }[]) => new Response(
  `${parts.map((p) => `--x\r\nContent-Type: application/dicom\r\nContent-Location: /dicom-web/studies/s/series/r/instances/${p.uid}\r\n\r\nDICM-${p.uid}\r\n`).join('')}--x--`,
  { headers: { 'Content-Type': 'multipart/related; type="application/dicom"; boundary=x' } });

/**
 * A PACS with these slices. Its metadata answer waits for `metadataGate` (the slow request on a real PACS); the log
 * says what was asked and shown, in order.
 */
function fakePacs(slices: Slice[], metadataGate: Promise<void> = Promise.resolve(), indexGate: Promise<void> = Promise.resolve()) {
  const log: string[] = [];
  const fetch: FetchLike = async (url) => {
    const path = url.replace('http://pacs.test/studies/s/series/r', '');
    if (path === '/metadata') {
      log.push('metadata asked');
      await metadataGate;
      log.push('metadata answered');
      return json(slices);
    }
    const numbered = /^\/instances\?InstanceNumber=(\d+)&/.exec(path);
    if (numbered) await indexGate;
    if (numbered) return json(slices.filter((s) => s['00200013'].Value[0] === Number(numbered[1])));
    const instance = /^\/instances\/([\d.]+)$/.exec(path);
    if (instance) return multipart([{ uid: instance[1] as string }]);
    if (path === '') {
      log.push('series asked');
      return multipart(slices.map((s) => ({ uid: s['00080018'].Value[0] as string })));
    }
    throw new Error(`unexpected request ${url}`);
  };
  return { client: new PacsClient({ baseUrl: 'http://pacs.test', fetch }), log };
}

/** UIDs are digits and dots (the Content-Location's last segment must look like one). */
const [LOW, MID, TOP] = ['1.1', '1.2', '1.3'] as const;
const NAMES: Record<string, string> = { [LOW]: 'low', [MID]: 'mid', [TOP]: 'top' };
const uidOf = (file: NamedBlob) => NAMES[/\/([\d.]+)\.dcm$/.exec(file.name)?.[1] ?? ''];

describe('retrieving a series from the PACS', () => {
  it('shows the slice numbered 1 before the metadata is here, and asks for the series once it is drawn', async () => {
    let answerMetadata = () => undefined as void;
    const gate = new Promise<void>((resolve) => { answerMetadata = resolve; });
    const { client, log } = fakePacs([slice(LOW, -10, 3), slice(TOP, 20, 1), slice(MID, 5, 2)], gate);
    let drawn = () => undefined as void;
    const retrieved = retrieveSeries(client, SERIES, {
      onFirst: async (file) => {
        log.push(`shown ${uidOf(file)}`);
        await new Promise<void>((resolve) => { drawn = resolve; });
        log.push('drawn');
      },
    });
    await expect.poll(() => log).toContain('shown top');
    expect(log).not.toContain('metadata answered');
    answerMetadata();
    await expect.poll(() => log).toContain('metadata answered');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).not.toContain('series asked');
    drawn();
    const files = await retrieved;
    expect(log).toEqual(['metadata asked', 'shown top', 'metadata answered', 'drawn', 'series asked']);
    expect(files.ok && files.value.map(uidOf)).toEqual(['low', 'top', 'mid']);
    expect(files.ok && await files.value[1]?.blob.text()).toBe(`DICM-${TOP}`);
  });

  it('a series numbered from the feet up: the slice numbered last is on top, and is the one shown', async () => {
    const { client, log } = fakePacs([slice(LOW, -10, 1), slice(MID, 5, 2), slice(TOP, 20, 3)]);
    const result = await retrieveSeries(client, SERIES, { onFirst: (file) => void log.push(`shown ${uidOf(file)}`) });
    expect(result.ok).toBe(true);
    expect(log.filter((line) => line.startsWith('shown'))).toEqual(['shown top']);
  });

  it('numbered neither way: the metadata\'s first slice replaces the guess before the series opens', async () => {
    const { client, log } = fakePacs([slice(LOW, -10, 1), slice(TOP, 20, 2), slice(MID, 5, 3)]);
    const result = await retrieveSeries(client, SERIES, { onFirst: (file) => void log.push(`shown ${uidOf(file)}`) });
    expect(result.ok).toBe(true);
    expect(log.filter((line) => line.startsWith('shown'))).toEqual(['shown mid', 'shown top']);
  });

  it('no instance numbered 1 or last: the first slice waits for the metadata', async () => {
    const { client, log } = fakePacs([slice(LOW, -10, 11), slice(TOP, 20, 12), slice(MID, 5, 13)]);
    const result = await retrieveSeries(client, SERIES, { onFirst: (file) => void log.push(`shown ${uidOf(file)}`) });
    expect(result.ok && result.value.length).toBe(3);
    expect(log).toEqual(['metadata asked', 'metadata answered', 'shown top', 'series asked']);
  });

  it('an index slow to answer does not hold the first image back: after the patience, the metadata names it', async () => {
    const never = new Promise<void>(() => undefined);
    const { client, log } = fakePacs([slice(LOW, -10, 1), slice(TOP, 20, 3), slice(MID, 5, 2)], Promise.resolve(), never);
    const result = await retrieveSeries(client, SERIES, { guessPatienceMs: 20, onFirst: (file) => void log.push(`shown ${uidOf(file)}`) });
    expect(result.ok && result.value.length).toBe(3);
    expect(log).toEqual(['metadata asked', 'metadata answered', 'shown top', 'series asked']);
  });
});
