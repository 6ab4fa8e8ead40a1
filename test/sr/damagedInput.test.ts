// A damaged SR (flipped bytes, cut anywhere) is a value with a code or a report with what could be read: the reader
// never throws, so one bad file from a PACS cannot stop a read-back.
import { describe, expect, it } from 'vitest';
import { buildMeasurementReport, readMeasurementReport } from '../../src/sr';
import { sampleRecord, truth } from './sampleRecord';

/** A small seeded generator (mulberry32), so a failure names a case that can be run again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('reading damaged SRs', () => {
  const built = buildMeasurementReport({ patient: sampleRecord(), studyInstanceUid: truth.studies[2]?.studyInstanceUid ?? '' });
  if (!built.ok) throw new Error('fixture');
  const bytes = built.value.bytes;

  it('400 copies with 1-8 bytes changed: each read or refused with a code, none thrown', () => {
    const next = random(19);
    const outcomes = new Set<string>();
    for (let n = 0; n < 400; n++) {
      const copy = bytes.slice();
      const flips = 1 + Math.floor(next() * 8);
      for (let i = 0; i < flips; i++) copy[132 + Math.floor(next() * (copy.length - 132))] = Math.floor(next() * 256);
      const read = readMeasurementReport(copy);
      outcomes.add(read.ok ? 'read' : read.error.code);
    }
    expect(outcomes.has('read')).toBe(true);
    expect([...outcomes].every((o) => ['read', 'DAMAGED', 'NOT_SR', 'NOT_TID1500', 'UNSUPPORTED_TRANSFER_SYNTAX'].includes(o))).toBe(true);
  });

  it('cut at every 97th byte: refused with a code, or read when the cut only loses trailing items', () => {
    for (let end = 0; end < bytes.length; end += 97) {
      const read = readMeasurementReport(bytes.subarray(0, end));
      if (!read.ok) expect(['NOT_DICOM', 'DAMAGED', 'UNSUPPORTED_TRANSFER_SYNTAX', 'NOT_SR', 'NOT_TID1500']).toContain(read.error.code);
    }
  });
});
