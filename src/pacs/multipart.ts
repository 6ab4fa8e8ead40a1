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
  const reader = new MultipartReader(contentType);
  reader.push(body);
  return reader.end();
}

/**
 * A multipart/related body read as it arrives: each chunk is searched for delimiters when it comes, and each part
 * is put together as soon as the next delimiter is seen. A series is 150 MB in thousands of chunks: searched and
 * cut up after the last one, it held the main thread 0.2-1 s after the download.
 */
export class MultipartReader {
  /** The bytes not yet in a part: `chunks[0]` starts at offset `base` of the body. */
  private chunks: Uint8Array[] = [];
  private base = 0;
  private received = 0;
  /** A delimiter may start at this offset or later (the bytes before were searched). */
  private searched = 0;
  /** Where the last delimiter found starts. */
  private lastDelimiter: number | undefined;
  private closed = false;
  private problem: string | undefined;
  private delimiter: Uint8Array | undefined;
  private readonly parts: BodyPart[] = [];

  constructor(contentType: string) {
    const boundary = contentTypeParameter(contentType, 'boundary');
    if (boundary) this.delimiter = encode(`--${boundary}`);
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0 || this.closed || this.problem !== undefined) return;
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (!this.delimiter) {
      // The first line is needed whole (or 200 bytes of it) to name the boundary.
      const head = this.copy(0, Math.min(this.received, 200));
      if (head.indexOf(0x0a) < 0 && head.length < 200) return;
      const boundary = firstLineBoundary(head);
      if (!boundary) {
        this.problem = 'the multipart answer names no boundary';
        return;
      }
      this.delimiter = encode(`--${boundary}`);
    }
    this.scan(this.delimiter);
  }

  /** Every part, once the whole body has been pushed, or what is wrong with it. */
  end(): BodyPart[] | string {
    if (this.problem !== undefined) return this.problem;
    if (!this.delimiter) return 'the multipart answer names no boundary';
    if (this.lastDelimiter === undefined) return 'the multipart answer has no part';
    if (!this.closed && !this.closesAt(this.lastDelimiter)) return 'the multipart answer ends before its closing boundary';
    return this.parts;
  }

  private scan(delimiter: Uint8Array): void {
    // One byte before the unsearched bytes: a delimiter only counts at the start of the body or of a line.
    const from = Math.max(this.base, this.searched - 1);
    const window = this.copy(from, this.received);
    for (let at = indexOf(window, delimiter, this.searched - from); at >= 0 && !this.closed && this.problem === undefined;
      at = indexOf(window, delimiter, at + delimiter.length)) {
      if (from + at === 0 || window[at - 1] === 0x0a) this.delimiterAt(from + at, delimiter);
    }
    this.searched = Math.max(this.searched, this.received - delimiter.length + 1);
  }

  private delimiterAt(offset: number, delimiter: Uint8Array): void {
    const previous = this.lastDelimiter;
    this.lastDelimiter = offset;
    if (previous === undefined) return;
    if (this.closesAt(previous)) {
      this.closed = true;
      return;
    }
    const bytes = this.copy(previous + delimiter.length, offset);
    const part = readPart(bytes.subarray(skipLineEnd(bytes, 0), withoutLineEnd(bytes, bytes.length)));
    if (typeof part === 'string') {
      this.problem = part;
      return;
    }
    this.parts.push(part);
    this.drop(offset - 1);
  }

  /** Whether the delimiter at `offset` is the closing one ("--" after it); false while those bytes have not come. */
  private closesAt(offset: number): boolean {
    const after = offset + (this.delimiter?.length ?? 0);
    if (after + 2 > this.received) return false;
    const two = this.copy(after, after + 2);
    return two[0] === 0x2d && two[1] === 0x2d;
  }

  /** The body's bytes [from, to), which must not have been dropped: a view when they lie in one chunk. */
  private copy(from: number, to: number): Uint8Array {
    let first = this.base;
    for (const chunk of this.chunks) {
      if (from >= first && to <= first + chunk.length) return chunk.subarray(from - first, to - first);
      if (first + chunk.length > from) break;
      first += chunk.length;
    }
    const out = new Uint8Array(Math.max(0, to - from));
    let offset = this.base;
    for (const chunk of this.chunks) {
      const start = Math.max(from, offset);
      const stop = Math.min(to, offset + chunk.length);
      if (start < stop) out.set(chunk.subarray(start - offset, stop - offset), start - from);
      offset += chunk.length;
      if (offset >= to) break;
    }
    return out;
  }

  /** Lets go of the chunks that end before `offset`. */
  private drop(offset: number): void {
    while (this.chunks.length > 1 && this.base + (this.chunks[0] as Uint8Array).length <= offset) {
      this.base += (this.chunks.shift() as Uint8Array).length;
    }
  }
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
