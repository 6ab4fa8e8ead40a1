import { describe, expect, it } from 'vitest';
import { dicomError } from '../../src/dicom/dicomError';
import { emptyReport, problemOf, skippedByCode, withProblem } from '../../src/dicom/importReport';

describe('import report entries', () => {
  const report = {
    ...emptyReport(4),
    problems: [problemOf(dicomError('NOT_DICOM', 'notes.txt')), problemOf(dicomError('TRUNCATED', 'IM9.dcm', 'the file ends 7 bytes into the pixel data'))],
  };

  it('each bad file is a line: which file, which code, the detail', () => {
    expect(report.problems).toEqual([
      { file: 'notes.txt', code: 'NOT_DICOM', detail: undefined, frame: undefined },
      { file: 'IM9.dcm', code: 'TRUNCATED', detail: 'the file ends 7 bytes into the pixel data', frame: undefined },
    ]);
  });

  it('a frame that fails to decode later is added once, with its frame, and does not count as a skipped file', () => {
    const problem = problemOf(dicomError('CORRUPT_PIXEL_DATA', 'MF.dcm', 'JPEG-LS: bad marker'), { number: 3, count: 20 });
    const twice = withProblem(withProblem(report, problem), problem);
    expect(twice.problems).toHaveLength(3);
    expect(twice.problems[2]?.frame).toEqual({ number: 3, count: 20 });
    expect(skippedByCode(twice)).toEqual({ NOT_DICOM: 1, TRUNCATED: 1 });
  });
});
