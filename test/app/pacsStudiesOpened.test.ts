// The PACS studies this browser opened are remembered across a reload, so their later sign-offs are reported.
import { describe, expect, it } from 'vitest';
import { readPacsStudiesOpened, rememberPacsStudy } from '../../src/app/pacs/pacsStudiesOpened';
import type { PacsStudy } from '../../src/pacs/pacsTypes';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

const study = (uid: string, accession = 'ACC1'): PacsStudy => ({
  studyInstanceUid: uid, patientId: 'RR-0001', patientName: 'SAMPLE^ABDOMEN', date: '2023-01-09', description: 'CT', accessionNumber: accession, modalities: ['CT'], instanceCount: 40,
});

describe('PACS studies opened, kept in this browser', () => {
  it('reads back after a reload what was remembered, each study once with its newest details', () => {
    const storage = memoryStorage();
    let list = rememberPacsStudy(study('1.2.3'), [], storage);
    list = rememberPacsStudy(study('1.2.4'), list, storage);
    list = rememberPacsStudy(study('1.2.3', 'ACC9'), list, storage);
    expect(readPacsStudiesOpened(storage).map((s) => [s.studyInstanceUid, s.accessionNumber])).toEqual([['1.2.4', 'ACC1'], ['1.2.3', 'ACC9']]);
  });
  it('an empty, damaged or foreign entry reads as nothing known, never a throw', () => {
    const storage = memoryStorage();
    expect(readPacsStudiesOpened(storage)).toEqual([]);
    storage.items.set('recist.pacsStudiesOpened', '{not json');
    expect(readPacsStudiesOpened(storage)).toEqual([]);
    storage.items.set('recist.pacsStudiesOpened', JSON.stringify([{ studyInstanceUid: 5 }, study('1.2.5')]));
    expect(readPacsStudiesOpened(storage).map((s) => s.studyInstanceUid)).toEqual(['1.2.5']);
  });
  it('storage that refuses writes keeps the list for the page', () => {
    const refusing = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(rememberPacsStudy(study('1.2.6'), [], refusing).map((s) => s.studyInstanceUid)).toEqual(['1.2.6']);
  });
});
