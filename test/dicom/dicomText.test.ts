import { describe, expect, it } from 'vitest';
import { dicomDateToIso } from '../../src/dicom/dicomDate';
import { formatPersonName } from '../../src/dicom/personName';

describe('dicomDateToIso', () => {
  it.each<[string | undefined, string | undefined]>([
    ['20230109', '2023-01-09'],
    ['2023.01.09', '2023-01-09'],
    [' 20230109 ', '2023-01-09'],
    ['20230230', undefined],
    ['2023019', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s -> %s', (value, expected) => expect(dicomDateToIso(value)).toBe(expected));
});

describe('formatPersonName', () => {
  it.each<[string, string]>([
    ['SAMPLE^ABDOMEN', 'SAMPLE, ABDOMEN'],
    ['Doe^John^Q^Dr^Jr', 'Doe, Dr John Q Jr'],
    ['ANONYMOUS', 'ANONYMOUS'],
    ['^Given', 'Given'],
    ['Yamada^Tarou=山田^太郎', 'Yamada, Tarou'],
    ['', ''],
  ])('%s -> %s', (value, expected) => expect(formatPersonName(value)).toBe(expected));
});
