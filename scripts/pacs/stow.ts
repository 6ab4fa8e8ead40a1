// STOW-RS from Node: sends DICOM files to a DICOMweb server as one multipart/related request per batch, the same
// way the app sends its SRs, and checks the answer's Failed SOP Sequence instead of trusting a 200.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface StowResult {
  stored: number;
  /** SOP Instance UIDs (or file names) the server refused, with its reason code when it gave one. */
  failed: string[];
}

/** Every `.dcm` file under `dir`, sorted, so a study's files go in their order. */
export function dicomFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.toLowerCase().endsWith('.dcm'))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** One multipart/related body of DICOM parts (PS3.18 10.5). */
export function multipartRelated(parts: Uint8Array[]): { body: Uint8Array<ArrayBuffer>; contentType: string } {
  const boundary = `recist-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), Buffer.from(part), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: new Uint8Array(Buffer.concat(chunks)), contentType: `multipart/related; type="application/dicom"; boundary=${boundary}` };
}

interface DicomJsonAttribute {
  Value?: unknown[];
}
type DicomJson = Record<string, DicomJsonAttribute | undefined>;

/**
 * POSTs `files` to `{dicomWebUrl}/studies` in batches of `batchSize`. Throws when the server cannot be reached or
 * answers neither 200 nor 202 (with its answer's text); files it refused are returned in `failed`.
 */
export async function stowFiles(
  dicomWebUrl: string,
  files: string[],
  options: { authorization?: string; batchSize?: number } = {},
): Promise<StowResult> {
  const batchSize = options.batchSize ?? 50;
  const result: StowResult = { stored: 0, failed: [] };
  for (let start = 0; start < files.length; start += batchSize) {
    const batch = await stowParts(dicomWebUrl, files.slice(start, start + batchSize).map((file) => readFileSync(file)), options);
    result.stored += batch.stored;
    result.failed.push(...batch.failed);
  }
  return result;
}

/** One STOW-RS request of DICOM Part 10 objects held in memory (an SR just written, say). */
export async function stowParts(dicomWebUrl: string, parts: Uint8Array[], options: { authorization?: string } = {}): Promise<StowResult> {
  const result: StowResult = { stored: 0, failed: [] };
  const { body, contentType } = multipartRelated(parts);
  const headers: Record<string, string> = { 'Content-Type': contentType, Accept: 'application/dicom+json' };
  if (options.authorization) headers.Authorization = options.authorization;
  const answer = await fetch(`${dicomWebUrl.replace(/\/$/, '')}/studies`, { method: 'POST', headers, body });
  const text = await answer.text();
  if (answer.status !== 200 && answer.status !== 202) {
    throw new Error(`STOW-RS to ${dicomWebUrl} answered ${answer.status} ${answer.statusText}: ${text.slice(0, 300)}`);
  }
  const json = (text ? JSON.parse(text) : {}) as DicomJson;
  const failedItems = (json['00081198']?.Value ?? []) as DicomJson[];
  const storedItems = (json['00081199']?.Value ?? []) as DicomJson[];
  for (const item of failedItems) {
    const uid = String(item['00081155']?.Value?.[0] ?? '?');
    const reason = item['00081197']?.Value?.[0];
    result.failed.push(reason === undefined ? uid : `${uid} (failure reason ${String(reason)})`);
  }
  result.stored = storedItems.length;
  return result;
}
