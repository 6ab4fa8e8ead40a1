import { describe, expect, it } from 'vitest';
import { type CsvRecord, describeCsvParseError, forEachCsvRecord, neutraliseFormula, parseCsv, writeCsv } from '../../src/shared/csv';

const fields = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.records.map((rec) => rec.fields);
};

describe('RFC 4180 reading', () => {
  it.each([
    ['plain LF', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['CRLF and no final newline', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['quoted comma, quote and newline', 'a\n"x, ""y""\nz"\n', [['a'], ['x, "y"\nz']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['quoted empty field at the start of a later column', 'a,"",c\n', [['a', '', 'c']]],
    ['blank lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ['UTF-8 BOM dropped', '\ufeffa,b\n', [['a', 'b']]],
  ])('%s', (_name, text, expected) => {
    expect(fields(text)).toEqual(expected);
  });

  it('numbers records by the line they start on, across quoted newlines', () => {
    const r = parseCsv('h\n"two\nlines"\nthird\n');
    expect(r.ok && r.records.map((x) => x.line)).toEqual([1, 2, 4]);
  });

  it('refuses an unterminated quote, naming its line', () => {
    expect(parseCsv('a\n"open,b\n')).toEqual({ ok: false, error: { code: 'UNTERMINATED_QUOTE', line: 2 } });
  });

  it('refuses text after a closing quote', () => {
    expect(parseCsv('"a"b\n')).toMatchObject({ ok: false, error: { code: 'TEXT_AFTER_QUOTE' } });
  });
});

describe('forEachCsvRecord: the same reading, one record at a time', () => {
  const visited = (text: string) => {
    const records: CsvRecord[] = [];
    const error = forEachCsvRecord(text, (fields, line) => records.push({ line, fields }));
    return { records, error };
  };

  it.each([
    'a,b\r\n1,2',
    'h\n"two\nlines"\nthird\n',
    'a\n\n\n"x, ""y""\nz",\n',
    '\ufeffa,b\n,,\n',
  ])('visits what parseCsv returns for %j', (text) => {
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(`fixture ${JSON.stringify(text)} should parse`);
    expect(visited(text)).toEqual({ records: parsed.records, error: undefined });
  });

  it('visits the records before an error, then returns the error', () => {
    expect(visited('a\nb\n"open,c\n')).toEqual({
      records: [{ line: 1, fields: ['a'] }, { line: 2, fields: ['b'] }],
      error: { code: 'UNTERMINATED_QUOTE', line: 3 },
    });
  });
});

describe('RFC 4180 writing', () => {
  it('quotes only what needs it and round-trips', () => {
    const text = writeCsv(['id', 'note'], [['P1', 'a, "b"'], ['P2', 'line\nbreak']]);
    expect(text).toBe('id,note\nP1,"a, ""b"""\nP2,"line\nbreak"\n');
    expect(fields(text)).toEqual([['id', 'note'], ['P1', 'a, "b"'], ['P2', 'line\nbreak']]);
  });

  it('writes CRLF on request', () => {
    expect(writeCsv(['a'], [['1']], { newline: '\r\n' })).toBe('a\r\n1\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+cmd', `'+cmd`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['-37.2', '-37.2'],
    ['+23.8', '+23.8'],
    ['1e-3', '1e-3'],
    ['PR', 'PR'],
  ])('formula cell %j is written as %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });
});

describe('our own formula protection reads back to the value written', () => {
  it.each(['=P1', '+1-2', '-x', '@SUM(A1)', "'=P1", "''+x", "'plain", 'plain', '-2.5', '=HYPERLINK("a","b")', '\tTAB'])('%j', (value) => {
    const text = writeCsv(['patient_id'], [[value]]);
    const parsed = parseCsv(text);
    expect(parsed.ok && parsed.records[1]?.fields[0]).toBe(value);
  });
  it('a patient id starting with = is one patient after export and import, not two', () => {
    const text = writeCsv(['patient_id', 'n'], [['=P1', '1']]);
    expect(text).toContain("'=P1");
    const parsed = parseCsv(text);
    expect(parsed.ok && parsed.records.map((r) => r.fields[0])).toEqual(['patient_id', '=P1']);
  });
});

describe('text that was not UTF-8 is refused at its first bad line', () => {
  it('U+FFFD (bytes that were not UTF-8) is NOT_UTF8, with its line', () => {
    expect(parseCsv('a,b\n1,2\nP\uFFFD,3\n')).toEqual({ ok: false, error: { code: 'NOT_UTF8', line: 3 } });
  });
  it('NUL characters (UTF-16 read as UTF-8) are UTF16', () => {
    expect(parseCsv('a\u0000,\u0000b\n')).toEqual({ ok: false, error: { code: 'UTF16', line: 1 } });
  });
  it('every error code has words', () => {
    for (const code of ['UNTERMINATED_QUOTE', 'TEXT_AFTER_QUOTE', 'NOT_UTF8', 'UTF16'] as const) {
      expect(describeCsvParseError({ code, line: 1 })).toMatch(/\w{4}/);
    }
  });
});
