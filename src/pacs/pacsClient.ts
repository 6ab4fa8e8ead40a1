// A DICOMweb client for what the reader does with a PACS: find studies (QIDO-RS), list their series, retrieve a
// series in slice order (WADO-RS), store reports (STOW-RS). Plain TypeScript over fetch; every failure a PacsError.
import { dicomDateToIso } from '../dicom/dicomDate';
import { sortSlices } from '../dicom/geometry';
import { err, ok, type Result } from '../shared/result';
import { isJsonObject, JSON_TAG as T, jsonNumber, jsonNumbers, jsonString, jsonStrings, type DicomJsonObject } from './dicomJson';
import { buildMultipart, contentTypeParameter, MultipartReader, parseMultipart, type BodyPart } from './multipart';
import type { PacsError } from './pacsError';
import { pacsRequest, readJson, type FetchLike } from './pacsRequest';
import type { PacsInstance, PacsSeries, PacsStudy, StudySearch } from './pacsTypes';
import { studyQuery } from './qidoQuery';

export interface PacsClientOptions {
  /** The DICOMweb root, e.g. `https://pacs.example/dicom-web` (a trailing slash is ignored). */
  readonly baseUrl: string;
  readonly fetch?: FetchLike;
  /** Per request; a series is many requests. */
  readonly timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Whole instances in the syntax the PACS stored them in: every syntax a CT archive holds in practice (native,
 * deflated, RLE, the JPEG family, JPEG-LS, JPEG 2000) is one our workers decode, and asking for the stored syntax
 * spares the PACS a transcode (Orthanc 1.10 transcodes only to what DCMTK writes, and slowly).
 */
const ACCEPT_INSTANCES = 'multipart/related; type="application/dicom"; transfer-syntax=*';

type Call = {
  readonly signal?: AbortSignal | undefined;
  /** This call's own wait, when it is longer than one answer (a whole series). */
  readonly timeoutMs?: number;
};

export class PacsClient {
  readonly baseUrl: string;
  private readonly fetch: FetchLike;
  private readonly timeoutMs: number;

  constructor(options: PacsClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async searchStudies(search: StudySearch, call: Call = {}): Promise<Result<PacsStudy[], PacsError>> {
    const found = await this.json(`/studies?${studyQuery(search).toString()}`, call);
    return found.ok ? ok(found.value.map(studyOf).filter((s): s is PacsStudy => s !== undefined).sort(byDate)) : found;
  }

  async seriesOf(studyInstanceUid: string, call: Call = {}): Promise<Result<PacsSeries[], PacsError>> {
    const fields = ['SeriesDescription', 'SeriesNumber', 'Modality', 'NumberOfSeriesRelatedInstances'].map((f) => `includefield=${f}`).join('&');
    const found = await this.json(`/studies/${studyInstanceUid}/series?${fields}`, call);
    if (!found.ok) return found;
    const series = found.value.map((o) => seriesOf(o, studyInstanceUid)).filter((s): s is PacsSeries => s !== undefined);
    return ok(series.sort((a, b) => (a.seriesNumber ?? Infinity) - (b.seriesNumber ?? Infinity)));
  }

  /** The series' instances in viewing order, from its metadata (positions along the slice normal). */
  async instancesInOrder(series: Pick<PacsSeries, 'studyInstanceUid' | 'seriesInstanceUid'>, call: Call = {}):
    Promise<Result<PacsInstance[], PacsError>> {
    const found = await this.json(`/studies/${series.studyInstanceUid}/series/${series.seriesInstanceUid}/metadata`, call);
    return found.ok ? ok(inViewingOrder(series, found.value)) : found;
  }

  /**
   * The series' first slice as the PACS's own index guesses it, without the metadata: of the instances numbered 1
   * and `instanceCount` (QIDO-RS, with their positions), the one the viewer stacks first; undefined when neither
   * number is found. Most series are numbered along the table, one way or the other, so this is usually the first
   * slice; the metadata says for sure. Orthanc answers in milliseconds where the metadata of 300 instances takes
   * 0.3 s (it reads every file).
   */
  async firstSliceGuess(series: Pick<PacsSeries, 'studyInstanceUid' | 'seriesInstanceUid' | 'instanceCount'>, call: Call = {}):
    Promise<Result<PacsInstance | undefined, PacsError>> {
    const numbers = [...new Set([1, series.instanceCount ?? 1])];
    const fields = [T.imagePositionPatient, T.imageOrientationPatient, T.instanceNumber].map((tag) => `includefield=${tag}`).join('&');
    const found = await Promise.all(numbers.map((n) =>
      this.json(`/studies/${series.studyInstanceUid}/series/${series.seriesInstanceUid}/instances?InstanceNumber=${n}&${fields}`, call)));
    const failed = found.find((f) => !f.ok);
    if (failed && !failed.ok) return failed;
    return ok(inViewingOrder(series, found.flatMap((f) => (f.ok ? f.value : [])))[0]);
  }

  /** One instance, a DICOM Part 10 file, as stored. */
  async retrieveInstance(instance: PacsInstance, call: Call = {}): Promise<Result<Uint8Array, PacsError>> {
    const url = `${this.baseUrl}/studies/${instance.studyInstanceUid}/series/${instance.seriesInstanceUid}/instances/${instance.sopInstanceUid}`;
    const parts = await pacsRequest(url, { headers: { Accept: ACCEPT_INSTANCES } }, this.options(call), async (response) => {
      const parsed = parseMultipart(response.headers.get('Content-Type') ?? '', new Uint8Array(await response.arrayBuffer()));
      return typeof parsed === 'string' ? err({ code: 'PACS_BAD_ANSWER', url, detail: parsed }) : ok(parsed);
    });
    if (!parts.ok) return parts;
    const first = parts.value[0];
    if (!first) return err({ code: 'PACS_BAD_ANSWER', url, detail: 'the answer holds no instance' });
    return ok(first.bytes);
  }

  /**
   * Every instance of the series in one request (WADO-RS series retrieve), as stored. One request instead of one per
   * instance: Orthanc answers each request in 0.1-0.3 s whatever its size, so 300 instances come 10x faster this way
   * (docs/viewer-benchmark.md, PACS). `onBytes` hears how much has arrived.
   */
  async retrieveWholeSeries(series: Pick<PacsSeries, 'studyInstanceUid' | 'seriesInstanceUid'>, call: Call & { readonly onBytes?: (received: number) => void } = {}):
    Promise<Result<{ readonly name: string | undefined; readonly bytes: Uint8Array }[], PacsError>> {
    const url = `${this.baseUrl}/studies/${series.studyInstanceUid}/series/${series.seriesInstanceUid}`;
    return pacsRequest(url, { headers: { Accept: ACCEPT_INSTANCES } }, this.options(call), async (response) => {
      const parsed = await readParts(response, call.onBytes);
      if (typeof parsed === 'string') return err({ code: 'PACS_BAD_ANSWER', url, detail: parsed });
      // Content-Location, when the server sends it, ends in the instance's UID.
      return ok(parsed.map((part) => ({ name: /\/instances\/([\d.]+)\/?$/.exec(part.headers.get('content-location') ?? '')?.[1], bytes: part.bytes })));
    });
  }

  /** SR instances of the patient's studies (QIDO-RS, modality SR), newest content last. */
  async reportsOf(studyInstanceUid: string, call: Call = {}): Promise<Result<PacsInstance[], PacsError>> {
    const fields = ['includefield=ContentDate', 'includefield=ContentTime', 'includefield=00080016'].join('&');
    const found = await this.json(`/studies/${studyInstanceUid}/instances?Modality=SR&${fields}`, call);
    if (!found.ok) return found;
    const reports = found.value.flatMap((o) => {
      const sopInstanceUid = jsonString(o, T.sopInstanceUid);
      const seriesInstanceUid = jsonString(o, T.seriesInstanceUid);
      if (!sopInstanceUid || !seriesInstanceUid) return [];
      return [{ instance: { studyInstanceUid, seriesInstanceUid, sopInstanceUid }, written: `${jsonString(o, T.contentDate) ?? ''}${jsonString(o, T.contentTime) ?? ''}` }];
    });
    return ok(reports.sort((a, b) => (a.written < b.written ? -1 : a.written > b.written ? 1 : 0)).map((r) => r.instance));
  }

  /** Stores DICOM files (STOW-RS). A PACS that refuses one of them answers 409 or a failed-SOP list: PACS_BAD_ANSWER. */
  async store(files: readonly Uint8Array[], call: Call = {}): Promise<Result<void, PacsError>> {
    const boundary = `recist-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
    const { body, contentType } = buildMultipart(files, boundary);
    const url = `${this.baseUrl}/studies`;
    const init = { method: 'POST', body, headers: { 'Content-Type': contentType, Accept: 'application/dicom+json' } };
    return pacsRequest(url, init, this.options(call), async (response) => {
      const answer = await readJson(response, url);
      if (!answer.ok) return answer;
      // Failed SOP Sequence (0008,1198): the PACS took the request but not every instance.
      const failed = isJsonObject(answer.value) ? answer.value['00081198'] : undefined;
      const count = isJsonObject(failed) && Array.isArray(failed.Value) ? failed.Value.length : 0;
      return count > 0 ? err({ code: 'PACS_BAD_ANSWER', url, detail: `the PACS refused ${count} of ${files.length} file${files.length === 1 ? '' : 's'}` }) : ok(undefined);
    });
  }

  private options(call: Call) {
    return { fetch: this.fetch, timeoutMs: call.timeoutMs ?? this.timeoutMs, signal: call.signal };
  }

  private json(path: string, call: Call): Promise<Result<DicomJsonObject[], PacsError>> {
    const url = `${this.baseUrl}${path}`;
    return pacsRequest(url, { headers: { Accept: 'application/dicom+json' } }, this.options(call), async (response) => {
      const answer = await readJson(response, url);
      if (!answer.ok) return answer;
      if (!Array.isArray(answer.value) || !answer.value.every(isJsonObject)) {
        return err({ code: 'PACS_BAD_ANSWER', url, detail: 'the answer is not a list of DICOM JSON objects' });
      }
      return ok(answer.value);
    });
  }
}

/** The instances the DICOM JSON objects describe, in the order the viewer stacks them. */
function inViewingOrder(series: Pick<PacsSeries, 'studyInstanceUid' | 'seriesInstanceUid'>, objects: readonly DicomJsonObject[]): PacsInstance[] {
  const slices = objects.flatMap((o, i) => {
    const sopInstanceUid = jsonString(o, T.sopInstanceUid);
    if (!sopInstanceUid) return [];
    const position = jsonNumbers(o, T.imagePositionPatient);
    const orientation = jsonNumbers(o, T.imageOrientationPatient);
    return [{
      sopInstanceUid,
      file: String(i).padStart(6, '0'),
      imagePositionPatientMm: position?.length === 3 ? position as [number, number, number] : undefined,
      imageOrientationPatient: orientation?.length === 6
        ? { row: orientation.slice(0, 3) as [number, number, number], column: orientation.slice(3) as [number, number, number] }
        : undefined,
      instanceNumber: jsonNumber(o, T.instanceNumber),
      frameNumber: 1,
    }];
  });
  const { studyInstanceUid, seriesInstanceUid } = series;
  return sortSlices(slices).slices.map(({ sopInstanceUid }) => ({ studyInstanceUid, seriesInstanceUid, sopInstanceUid }));
}

/** The parts of a multipart body, cut up as it comes, telling `onBytes` how much has arrived (a series is 150 MB). */
async function readParts(response: Response, onBytes: ((received: number) => void) | undefined): Promise<BodyPart[] | string> {
  const parts = new MultipartReader(response.headers.get('Content-Type') ?? '');
  if (!response.body) {
    parts.push(new Uint8Array(await response.arrayBuffer()));
    return parts.end();
  }
  const reader = response.body.getReader();
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.length;
    onBytes?.(received);
  }
  return parts.end();
}

/** The part of a Content-Type that says the stored transfer syntax, however the server quotes it. */
export const transferSyntaxOf = (contentType: string): string | undefined =>
  contentTypeParameter(contentType, 'transfer-syntax') ?? /transfer-syntax=([\d.]+)/i.exec(contentType)?.[1];

function studyOf(o: DicomJsonObject): PacsStudy | undefined {
  const studyInstanceUid = jsonString(o, T.studyInstanceUid);
  if (!studyInstanceUid) return undefined;
  return {
    studyInstanceUid,
    patientId: jsonString(o, T.patientId) ?? '',
    patientName: jsonString(o, T.patientName) ?? '',
    date: dicomDateToIso(jsonString(o, T.studyDate) ?? ''),
    description: jsonString(o, T.studyDescription) ?? '',
    accessionNumber: jsonString(o, T.accessionNumber) ?? '',
    modalities: jsonStrings(o, T.modalitiesInStudy),
    instanceCount: jsonNumber(o, T.numberOfStudyRelatedInstances),
  };
}

function seriesOf(o: DicomJsonObject, studyInstanceUid: string): PacsSeries | undefined {
  const seriesInstanceUid = jsonString(o, T.seriesInstanceUid);
  if (!seriesInstanceUid) return undefined;
  return {
    studyInstanceUid,
    seriesInstanceUid,
    modality: jsonString(o, T.modality) ?? '',
    description: jsonString(o, T.seriesDescription) ?? '',
    seriesNumber: jsonNumber(o, T.seriesNumber),
    instanceCount: jsonNumber(o, T.numberOfSeriesRelatedInstances),
  };
}

/** Patients together, then oldest first: the baseline above its follow-ups. */
const byDate = (a: PacsStudy, b: PacsStudy): number =>
  a.patientId.localeCompare(b.patientId) || (a.date ?? '9999').localeCompare(b.date ?? '9999');
