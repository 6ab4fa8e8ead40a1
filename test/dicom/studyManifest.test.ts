import { describe, expect, it } from 'vitest';
import { isSafeRelativePath, parseStudyManifest } from '../../src/dicom/studyManifest';

const manifest = (overrides: Record<string, unknown> = {}) => ({
  patient: { id: 'RR-0001', name: 'SAMPLE^ABDOMEN', treatmentDate: '2023-01-16' },
  studies: [
    { folder: 'baseline', label: 'Baseline', studyDate: '2023-01-09', files: ['baseline/IM0001.dcm', 'baseline/IM0002.dcm'] },
    { folder: 'followup-3m', label: 'Follow-up 3 months', studyDate: '2023-04-10', files: ['followup-3m/IM0001.dcm'] },
  ],
  ...overrides,
});

describe('parseStudyManifest', () => {
  it('accepts the sample manifest', () => {
    const result = parseStudyManifest(manifest());
    expect(result.ok && result.value.studies.map((s) => [s.folder, s.files.length])).toEqual([
      ['baseline', 2],
      ['followup-3m', 1],
    ]);
    expect(result.ok && result.value.patient).toEqual({ id: 'RR-0001', name: 'SAMPLE^ABDOMEN', treatmentDate: '2023-01-16' });
  });

  it.each<[string, unknown]>([
    ['not an object', [1, 2]],
    ['null', null],
    ['no patient', manifest({ patient: undefined })],
    ['no studies', manifest({ studies: [] })],
    ['a study without files', manifest({ studies: [{ folder: 'b', label: 'B', studyDate: '2023-01-01', files: [] }] })],
    ['a file that is not a string', manifest({ studies: [{ folder: 'b', label: 'B', studyDate: '2023-01-01', files: [3] }] })],
    ['a file outside the folder', manifest({ studies: [{ folder: 'b', label: 'B', studyDate: 'x', files: ['../secret'] }] })],
  ])('rejects %s', (_, json) => expect(parseStudyManifest(json).ok).toBe(false));
});

describe('isSafeRelativePath keeps the manifest inside the sample folder', () => {
  it.each<[string, boolean]>([
    ['baseline/IM0001.dcm', true],
    ['IM0001.dcm', true],
    ['../package.json', false],
    ['baseline/../../x', false],
    ['/etc/passwd', false],
    ['https://example.org/x.dcm', false],
    ['baseline\\IM0001.dcm', false],
    ['baseline//IM0001.dcm', false],
    ['', false],
  ])('%s -> %s', (path, safe) => expect(isSafeRelativePath(path)).toBe(safe));
});
