// The scan that tells a whole JSON file from one cut short: brackets inside strings and escaped quotes do not count,
// chunks may split the file anywhere (inside a string, an escape or a multi-byte character), and anything after the
// closing brace but white space is not JSON.
import { describe, expect, it } from 'vitest';
import { jsonEndingOfText, scanJsonEnding, type JsonEnding } from '../../src/store/jsonEnding';

/** The verdict when the file arrives in chunks of `size` bytes. */
function inChunks(text: string, size: number): JsonEnding {
  const bytes = new TextEncoder().encode(text);
  const scan = scanJsonEnding();
  for (let at = 0; at < bytes.length; at += size) scan.push(bytes.subarray(at, at + size));
  return scan.finish();
}

const WHOLE = '{"a":"}]\\"{[","b":[1,{"c":"é\\\\"}],"d":"\\\\\\""}\n';

describe('scanJsonEnding', () => {
  it.each([1, 2, 3, 7, 1000])('finds a whole object whole, read %i bytes at a time', (size) => {
    expect(JSON.parse(WHOLE)).toBeTruthy();
    expect(inChunks(WHOLE, size)).toEqual({ kind: 'complete', size: new TextEncoder().encode(WHOLE).length });
  });

  it('finds every shorter prefix cut short, wherever it stops', () => {
    const body = WHOLE.trimEnd();
    for (let n = 1; n < body.length; n++) expect(jsonEndingOfText(body.slice(0, n)).kind).toBe('cut-short');
  });

  it.each([
    ['', { kind: 'not-json', at: 0, found: '' }],
    ['patient_id,cycles\nP1,1', { kind: 'not-json', at: 0, found: 'patient_id,cycles P1,1' }],
    ['[1,2]', { kind: 'not-json', at: 0, found: '[1,2]' }],
    ['{"a":[1}', { kind: 'not-json', at: 7, found: '}' }],
    ['{"a":1} {"b":2}', { kind: 'not-json', at: 8, found: '{"b":2}' }],
  ] as const)('refuses %j as not JSON, saying where', (text, ending) => {
    expect(jsonEndingOfText(text)).toEqual(ending);
  });
});
