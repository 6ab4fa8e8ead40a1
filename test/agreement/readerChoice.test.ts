// The two readers compared: named, or the only two, or (where the caller allows) the first two in name order.
import { describe, expect, it } from 'vitest';
import { chooseReaders } from '../../src/agreement/readerChoice';

const reads = (...pairs: [string, string | undefined][]) => pairs.map(([patientId, reader]) => (reader === undefined ? { patientId } : { patientId, reader }));
const three = reads(['P1', 'C'], ['P1', 'A'], ['P1', 'B']);

describe('chooseReaders', () => {
  it('takes the only two readers, in name order', () => {
    expect(chooseReaders(reads(['P1', 'B'], ['P1', 'A']), undefined, 'ask')).toEqual({ ok: true, value: { readers: ['A', 'B'], inFile: ['A', 'B'] } });
  });
  it('with more than two: asks on the command line, takes the first two on the screen, or the two named', () => {
    expect(chooseReaders(three, undefined, 'ask')).toEqual({ ok: false, error: { code: 'NAME_TWO_READERS', inFile: ['A', 'B', 'C'] } });
    expect(chooseReaders(three, undefined, 'first two')).toEqual({ ok: true, value: { readers: ['A', 'B'], inFile: ['A', 'B', 'C'] } });
    expect(chooseReaders(three, ['C', 'A'], 'ask')).toEqual({ ok: true, value: { readers: ['C', 'A'], inFile: ['A', 'B', 'C'] } });
  });
  it('refuses a single read, a partly named one, one reader, a reader not in the file, and the same name twice', () => {
    expect(chooseReaders(reads(['P1', undefined]), undefined, 'ask')).toEqual({ ok: false, error: { code: 'NO_READER' } });
    expect(chooseReaders(reads(['P1', 'A'], ['P2', undefined]), undefined, 'ask')).toEqual({ ok: false, error: { code: 'ROWS_WITHOUT_READER', patients: ['P2'] } });
    expect(chooseReaders(reads(['P1', 'A'], ['P2', 'A']), undefined, 'first two')).toEqual({ ok: false, error: { code: 'ONE_READER', reader: 'A' } });
    expect(chooseReaders(three, ['A', 'Z'], 'ask')).toEqual({ ok: false, error: { code: 'UNKNOWN_READER', unknown: ['Z'], inFile: ['A', 'B', 'C'] } });
    expect(chooseReaders(three, ['A', 'A'], 'ask')).toEqual({ ok: false, error: { code: 'NOT_TWO_READERS', asked: ['A', 'A'] } });
  });
});
