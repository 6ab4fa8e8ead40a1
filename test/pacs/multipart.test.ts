import { describe, expect, it } from 'vitest';
import { buildMultipart, contentTypeParameter, MultipartReader, parseMultipart } from '../../src/pacs/multipart';
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

  it('reads a body as it arrives, cut anywhere (a delimiter split across chunks, or one byte at a time)', () => {
    const body = bytes('preamble\r\n--abc\r\nContent-Type: application/dicom\r\n\r\nDICM\r\n--ab\r\n\x00\r\n--abc\r\n\r\nsecond\r\n--abc--\r\nepilogue');
    const whole = parseMultipart('multipart/related; boundary=abc', body);
    expect(Array.isArray(whole) && whole.map((p) => text(p.bytes))).toEqual(['DICM\r\n--ab\r\n\x00', 'second']);
    for (const contentType of ['multipart/related; boundary=abc', 'multipart/related']) {
      for (let cut = 1; cut < body.length; cut++) {
        const reader = new MultipartReader(contentType);
        reader.push(body.subarray(0, cut));
        reader.push(body.subarray(cut));
        const parts = reader.end();
        // Without the boundary in the Content-Type, the preamble is the first line: no boundary there.
        if (contentType === 'multipart/related') expect(parts).toBe('the multipart answer names no boundary');
        else expect(Array.isArray(parts) && parts.map((p) => text(p.bytes))).toEqual(['DICM\r\n--ab\r\n\x00', 'second']);
      }
    }
    const byteByByte = new MultipartReader('multipart/related');
    for (const byte of bytes('--zz\r\n\r\nonly\r\n--zz\r\n\r\ntwo\n--zz--')) byteByByte.push(new Uint8Array([byte]));
    const parts = byteByByte.end();
    expect(Array.isArray(parts) && parts.map((p) => text(p.bytes))).toEqual(['only', 'two']);
  });

  it('says a body cut short before its closing boundary is truncated, however it arrived', () => {
    const reader = new MultipartReader('multipart/related; boundary=q');
    for (const piece of ['--q\r\n\r\nfirst\r\n--', 'q\r\n\r\nhalf a f', 'ile']) reader.push(bytes(piece));
    expect(reader.end()).toBe('the multipart answer ends before its closing boundary');
  });
});
