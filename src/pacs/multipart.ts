// multipart/related bodies (WADO-RS retrieve, STOW-RS store), parsed leniently: servers differ in quoting (Orthanc
// puts transfer-syntax= inside the quoted type= parameter) and in the line ends around boundaries.

export interface BodyPart {
  /** The part's own headers, names in lower case. */
  readonly headers: ReadonlyMap<string, string>;
  readonly bytes: Uint8Array;
}

/** A parameter of a Content-Type header, quoted or not, case-insensitive in its name. */
export function contentTypeParameter(contentType: string, name: string): string | undefined {
  const pattern = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s"]*))`, 'i');
  const match = pattern.exec(contentType);
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * The parts of a multipart/related body, or why not. The boundary comes from the Content-Type; when that has none
 * (or a proxy dropped it), from the body's first line, which starts with `--boundary`.
 */
export function parseMultipart(contentType: string, body: Uint8Array): BodyPart[] | string {
  const boundary = contentTypeParameter(contentType, 'boundary') ?? firstLineBoundary(body);
  if (!boundary) return 'the multipart answer names no boundary';
  const delimiter = encode(`--${boundary}`);
  const starts: number[] = [];
  for (let at = indexOf(body, delimiter, 0); at >= 0; at = indexOf(body, delimiter, at + delimiter.length)) {
    // A delimiter only counts at the start of the body or of a line.
    if (at === 0 || body[at - 1] === 0x0a) starts.push(at);
  }
  if (starts.length === 0) return 'the multipart answer has no part';
  const parts: BodyPart[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = (starts[i] as number) + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // "--": the closing delimiter
    const end = starts[i + 1];
    if (end === undefined) return 'the multipart answer ends before its closing boundary';
    const part = readPart(body.subarray(skipLineEnd(body, start), withoutLineEnd(body, end)));
    if (typeof part === 'string') return part;
    parts.push(part);
  }
  return parts;
}

function readPart(bytes: Uint8Array): BodyPart | string {
  // No headers at all: the blank line comes first (the part is then text/plain by RFC 2046, but its bytes are ours).
  if (bytes[0] === 0x0a) return { headers: new Map(), bytes: bytes.subarray(1) };
  if (bytes[0] === 0x0d && bytes[1] === 0x0a) return { headers: new Map(), bytes: bytes.subarray(2) };
  const crlf = indexOf(bytes, encode('\r\n\r\n'), 0);
  const lf = indexOf(bytes, encode('\n\n'), 0);
  const [split, gap] = crlf >= 0 && (lf < 0 || crlf < lf) ? [crlf, 4] : [lf, 2];
  if (split < 0) return 'a part of the multipart answer has no end of headers';
  const headers = new Map<string, string>();
  for (const line of new TextDecoder().decode(bytes.subarray(0, split)).split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, bytes: bytes.subarray(split + gap) };
}

/** A multipart/related body of DICOM files (STOW-RS), with its Content-Type. */
export function buildMultipart(files: readonly Uint8Array[], boundary: string): { body: Blob; contentType: string } {
  const head = encode(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`);
  const pieces: BlobPart[] = [];
  for (const file of files) pieces.push(head, file as Uint8Array<ArrayBuffer>, encode('\r\n'));
  pieces.push(encode(`--${boundary}--\r\n`));
  return { body: new Blob(pieces), contentType: `multipart/related; type="application/dicom"; boundary=${boundary}` };
}

function firstLineBoundary(body: Uint8Array): string | undefined {
  const end = indexOf(body, encode('\n'), 0);
  const line = new TextDecoder().decode(body.subarray(0, end < 0 ? Math.min(body.length, 200) : end)).trim();
  return line.startsWith('--') && line.length > 2 ? line.slice(2) : undefined;
}

const skipLineEnd = (body: Uint8Array, at: number): number => {
  let i = at;
  while (body[i] === 0x20 || body[i] === 0x09) i++; // transport padding after a boundary (RFC 2046)
  if (body[i] === 0x0d) i++;
  if (body[i] === 0x0a) i++;
  return i;
};

/** The line end before a delimiter belongs to the delimiter, not to the part. */
const withoutLineEnd = (body: Uint8Array, at: number): number => {
  let end = at;
  if (body[end - 1] === 0x0a) end--;
  if (body[end - 1] === 0x0d) end--;
  return end;
};

const encode = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first as number, from); i >= 0 && i <= last; i = haystack.indexOf(first as number, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}
