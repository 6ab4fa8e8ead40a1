import { describe, expect, it } from 'vitest';
import { groupIntoSeries } from '../../src/dicom/ctSeries';
import { buildStudyTree, defaultPanes } from '../../src/dicom/studyTree';
import { ctInstance } from './fixtures/instance';

const slice = (patient: string, study: string, date: string | undefined, series: string, sop: string, z = 0) => ctInstance({
  patient: { id: patient, name: `${patient}^NAME` }, studyInstanceUid: study, studyDate: date, studyDescription: `CT ${study}`,
  seriesInstanceUid: series, seriesDescription: `series ${series}`, sopInstanceUid: sop, imagePositionPatientMm: [0, 0, z],
});

describe('buildStudyTree: patient -> study -> series', () => {
  const tree = buildStudyTree(groupIntoSeries([
    slice('P2', 'S3', '2023-04-17', 'P2-fu', 'a1'),
    slice('P1', 'S2', '2023-07-17', 'P1-fu', 'b1'),
    slice('P1', 'S1', '2023-01-09', 'P1-base-axial', 'c1', 0),
    slice('P1', 'S1', '2023-01-09', 'P1-base-axial', 'c2', 5),
    slice('P1', 'S1', '2023-01-09', 'P1-base-scout', 'c3'),
    slice('P1', 'S4', undefined, 'P1-undated', 'd1'),
  ]));

  it('one node per patient, studies oldest first (undated last), series under their study', () => {
    expect(tree.map((p) => [p.id, p.name, p.studies.map((s) => [s.date, s.description, s.series.map((x) => x.seriesInstanceUid)])])).toEqual([
      ['P1', 'P1^NAME', [
        ['2023-01-09', 'CT S1', ['P1-base-axial', 'P1-base-scout']],
        ['2023-07-17', 'CT S2', ['P1-fu']],
        [undefined, 'CT S4', ['P1-undated']],
      ]],
      ['P2', 'P2^NAME', [['2023-04-17', 'CT S3', ['P2-fu']]]],
    ]);
  });

  it('a patient without an ID is grouped by name', () => {
    const [patient] = buildStudyTree(groupIntoSeries([ctInstance({ patient: { id: '', name: 'ANON' } })]));
    expect(patient?.key).toBe('ANON');
  });

  it('opens the oldest study largest series as baseline and the newest study as follow-up', () => {
    const { baseline, followUp } = defaultPanes(tree);
    expect([baseline?.seriesInstanceUid, followUp?.seriesInstanceUid]).toEqual(['P1-base-axial', 'P1-undated']);
  });

  it('one study: a baseline alone', () => {
    const single = buildStudyTree(groupIntoSeries([slice('P', 'S', '2023-01-01', 'A', 'x')]));
    expect(defaultPanes(single).followUp).toBeUndefined();
    expect(defaultPanes([])).toEqual({ baseline: undefined, followUp: undefined });
  });
});
