import { describe, expect, it } from 'vitest';
import { PacsClient } from '../../src/pacs/pacsClient';
import type { FetchLike } from '../../src/pacs/pacsRequest';

const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/dicom+json' } });

/** A fetch that answers from `answer` and records what was asked. */
function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const asked: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    asked.push({ url, init });
    return answer(url, init);
  };
  return { fetch, asked };
}

const study = (uid: string, id: string, date: string) => ({
  '0020000D': { vr: 'UI', Value: [uid] },
  '00100020': { vr: 'LO', Value: [id] },
  '00100010': { vr: 'PN', Value: [{ Alphabetic: 'DOE^JANE' }] },
  '00080020': { vr: 'DA', Value: [date] },
  '00081030': { vr: 'LO', Value: ['CT abdomen'] },
  '00080061': { vr: 'CS', Value: ['CT', 'SR'] },
});

describe('QIDO-RS study search', () => {
  it('sends each filled field as a match key, a name as a prefix, dates as a DICOM range', async () => {
    const { fetch, asked } = fakeFetch(() => json([]));
    const client = new PacsClient({ baseUrl: 'http://pacs.test/dicom-web/', fetch });
    await client.searchStudies({ patientId: ' RR-0001 ', patientName: 'DOE', dateFrom: '2023-01-01', dateTo: '2023-06-30', accessionNumber: '' });
    const url = new URL(asked[0]?.url ?? '');
    expect(url.pathname).toBe('/dicom-web/studies');
    expect(url.searchParams.get('PatientID')).toBe('RR-0001');
    expect(url.searchParams.get('PatientName')).toBe('DOE*');
    expect(url.searchParams.get('StudyDate')).toBe('20230101-20230630');
    expect(url.searchParams.has('AccessionNumber')).toBe(false);
  });

  it('lists the studies oldest first, with their patient, date and modalities', async () => {
    const { fetch } = fakeFetch(() => json([study('1.2.3', 'P1', '20230410'), study('1.2.2', 'P1', '20230110')]));
    const found = await new PacsClient({ baseUrl: 'http://pacs.test', fetch }).searchStudies({});
    expect(found.ok && found.value.map((s) => [s.studyInstanceUid, s.date, s.patientName, s.modalities])).toEqual([
      ['1.2.2', '2023-01-10', 'DOE^JANE', ['CT', 'SR']],
      ['1.2.3', '2023-04-10', 'DOE^JANE', ['CT', 'SR']],
    ]);
  });

  it('takes an empty 204 answer as no match', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    expect(await new PacsClient({ baseUrl: 'http://pacs.test', fetch }).searchStudies({})).toEqual({ ok: true, value: [] });
  });
});

describe('each failure has its own code', () => {
  const search = (fetch: FetchLike, timeoutMs = 5000) => new PacsClient({ baseUrl: 'http://pacs.test', fetch, timeoutMs }).searchStudies({});

  it.each([401, 403] as const)('HTTP %i is PACS_UNAUTHORIZED', async (status) => {
    const result = await search(async () => new Response('no', { status }));
    expect(!result.ok && result.error).toMatchObject({ code: 'PACS_UNAUTHORIZED', status });
  });

  it('a refused connection is PACS_UNREACHABLE', async () => {
    const result = await search(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(!result.ok && result.error).toMatchObject({ code: 'PACS_UNREACHABLE', detail: 'Failed to fetch' });
  });

  it('a proxy saying the PACS is down (502, 503) is PACS_UNREACHABLE, one saying it is slow (504) PACS_TIMEOUT', async () => {
    const down = await search(async () => new Response('No PACS answers', { status: 502, statusText: 'Bad Gateway' }));
    expect(!down.ok && down.error).toMatchObject({ code: 'PACS_UNREACHABLE', detail: 'HTTP 502 Bad Gateway from the proxy in front of the PACS' });
    const slow = await search(async () => new Response('', { status: 504 }));
    expect(!slow.ok && slow.error.code).toBe('PACS_TIMEOUT');
  });

  it('no answer within the wait is PACS_TIMEOUT', async () => {
    const never: FetchLike = (_url, init) => new Promise((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
    const result = await search(never, 1);
    expect(!result.ok && result.error.code).toBe('PACS_TIMEOUT');
  });

  it.each([
    ['not JSON', () => new Response('<html>proxy error</html>', { status: 200 }), 'the answer is not JSON'],
    ['not a list', () => json({ hello: 1 }), 'the answer is not a list of DICOM JSON objects'],
    ['a server error', () => new Response('', { status: 500, statusText: 'Internal Server Error' }), 'HTTP 500 Internal Server Error'],
  ])('%s is PACS_BAD_ANSWER', async (_what, answer, detail) => {
    const result = await search(async () => answer());
    expect(!result.ok && result.error).toMatchObject({ code: 'PACS_BAD_ANSWER', detail });
  });
});

describe('WADO-RS series', () => {
  const slice = (uid: string, z: number, instanceNumber: number) => ({
    '00080018': { vr: 'UI', Value: [uid] },
    '00200032': { vr: 'DS', Value: [0, 0, z] },
    '00200037': { vr: 'DS', Value: [1, 0, 0, 0, 1, 0] },
    '00200013': { vr: 'IS', Value: [instanceNumber] },
  });

  it('orders the instances by position along the slice normal, head first, whatever the instance numbers say', async () => {
    const { fetch, asked } = fakeFetch(() => json([slice('a', -10, 1), slice('b', 20, 3), slice('c', 5, 2)]));
    const ordered = await new PacsClient({ baseUrl: 'http://pacs.test', fetch }).instancesInOrder({ studyInstanceUid: 's', seriesInstanceUid: 'r' });
    expect(asked[0]?.url).toBe('http://pacs.test/studies/s/series/r/metadata');
    expect(ordered.ok && ordered.value.map((i) => i.sopInstanceUid)).toEqual(['b', 'c', 'a']);
  });

  it('retrieves an instance as stored (transfer-syntax=*) and takes the first part', async () => {
    const { fetch, asked } = fakeFetch(() => new Response('--x\r\nContent-Type: application/dicom\r\n\r\nDICM-bytes\r\n--x--', {
      headers: { 'Content-Type': 'multipart/related; type="application/dicom; transfer-syntax=1.2.840.10008.1.2.1"; boundary=x' },
    }));
    const file = await new PacsClient({ baseUrl: 'http://pacs.test', fetch }).retrieveInstance({ studyInstanceUid: 's', seriesInstanceUid: 'r', sopInstanceUid: 'i' });
    expect(file.ok && new TextDecoder().decode(file.value)).toBe('DICM-bytes');
    expect(new Headers(asked[0]?.init.headers).get('Accept')).toContain('transfer-syntax=*');
  });
});

describe('STOW-RS', () => {
  it('posts the files as multipart/related application/dicom', async () => {
    const { fetch, asked } = fakeFetch(() => json({ '00081199': { vr: 'SQ', Value: [{}] } }));
    const stored = await new PacsClient({ baseUrl: 'http://pacs.test/dicom-web', fetch }).store([new Uint8Array([1, 2, 3])]);
    expect(stored.ok).toBe(true);
    expect(asked[0]?.url).toBe('http://pacs.test/dicom-web/studies');
    expect(asked[0]?.init.method).toBe('POST');
    expect(new Headers(asked[0]?.init.headers).get('Content-Type')).toMatch(/^multipart\/related; type="application\/dicom"; boundary=/);
  });

  it('a failed-SOP list in the answer is a refusal, not a success', async () => {
    const { fetch } = fakeFetch(() => json({ '00081198': { vr: 'SQ', Value: [{}] } }));
    const stored = await new PacsClient({ baseUrl: 'http://pacs.test', fetch }).store([new Uint8Array([1])]);
    expect(!stored.ok && stored.error).toMatchObject({ code: 'PACS_BAD_ANSWER', detail: 'the PACS refused 1 of 1 file' });
  });
});
