import { describe, expect, it } from 'vitest';
import { buildMultipart, contentTypeParameter, parseMultipart } from '../../src/pacs/multipart';
import { transferSyntaxOf } from '../../src/pacs/pacsClient';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('multipart/related answers are parsed leniently', () => {
  it('reads the parts of a body with CRLF line ends and binary content', () => {
    const body = bytes('--abc\r\nContent-Type: application/dicom\r\n\r\nDICM\r\n\x00\x01\r\n--abc\r\nContent-Type: application/dicom\r\n\r\nsecond\r\n--abc--\r\n');
    const parts = parseMultipart('multipart/related; type="application/dicom"; boundary=abc', body);
    expect(Array.isArray(parts)).toBe(true);
    if (!Array.isArray(parts)) return;
    expect(parts.map((p) => text(p.bytes))).toEqual(['DICM\r\n\x00\x01', 'second']);
    expect(parts[0]?.headers.get('content-type')).toBe('application/dicom');
  });

  it("takes Orthanc's Content-Type, transfer-syntax inside the quoted type, and a quoted boundary", () => {
    const contentType = 'multipart/related; type="application/dicom; transfer-syntax=1.2.840.10008.1.2.4.80"; boundary="e1b2-c3"';
    expect(contentTypeParameter(contentType, 'boundary')).toBe('e1b2-c3');
    expect(transferSyntaxOf(contentType)).toBe('1.2.840.10008.1.2.4.80');
    const parts = parseMultipart(contentType, bytes('--e1b2-c3\nContent-Type: application/dicom\n\nx\n--e1b2-c3--'));
    expect(Array.isArray(parts) && parts.map((p) => text(p.bytes))).toEqual(['x']);
  });

  it('finds the boundary on the first line when the Content-Type lost it', () => {
    const parts = parseMultipart('multipart/related', bytes('--zz\r\n\r\nonly\r\n--zz--'));
    expect(Array.isArray(parts) && parts.map((p) => text(p.bytes))).toEqual(['only']);
  });

  it('says what is wrong with a truncated body', () => {
    expect(parseMultipart('multipart/related; boundary=q', bytes('--q\r\n\r\nhalf a file'))).toBe('the multipart answer ends before its closing boundary');
    expect(parseMultipart('application/json', bytes('{}'))).toBe('the multipart answer names no boundary');
  });

  it('reads back what it builds for STOW-RS', async () => {
    const files = [bytes('first file'), new Uint8Array([0, 13, 10, 45, 45, 255])];
    const { body, contentType } = buildMultipart(files, 'b0und');
    const parts = parseMultipart(contentType, new Uint8Array(await body.arrayBuffer()));
    expect(Array.isArray(parts) && parts.map((p) => [...p.bytes])).toEqual(files.map((f) => [...f]));
  });
});
