import { describe, expect, it } from 'vitest';
import { indexRecord } from '../../src/tracking/lesionValue';
import { nextLesionToAssess } from '../../src/tracking/nextLesionToAssess';
import type { FindingRow, FindingState, LesionRow } from '../../src/tracking/types';

const at = '2026-01-01T00:00:00.000Z';
const lesion = (label: string, category: LesionRow['category'], firstStudyInstanceUid = 'BL'): LesionRow => ({
  id: `id-${label}`, patientId: 'P1', label, category, organ: 'liver', nodal: false, location: '', firstStudyInstanceUid, createdAt: at,
});
const finding = (label: string, study: string, state: FindingState): FindingRow =>
  ({ id: `id-${label}|${study}`, patientId: 'P1', lesionId: `id-${label}`, studyInstanceUid: study, state, updatedAt: at });

// Out of label order on purpose: the walk sorts T2 before T10.
const lesions = [lesion('T10', 'target'), lesion('NT1', 'non-target'), lesion('T2', 'target'), lesion('T1', 'target'), lesion('N1', 'new', 'FU2')];
const next = (selected: string | undefined, findings: FindingRow[], study = 'FU1') =>
  nextLesionToAssess(lesions, selected && `id-${selected}`, study, indexRecord(findings, []))?.label;

describe('Next lesion: the next lesion with no finding at the time point being read', () => {
  it.each([
    ['from nothing selected, the first in label order', undefined, [], 'T1'],
    ['after the selected one, skipping those with a finding', 'T1', [finding('T2', 'FU1', 'measured')], 'T10'],
    ['wrapping around after the last', 'NT1', [finding('T1', 'FU1', 'measured')], 'T2'],
    ['the selected one last, when it is the only one open', 'T2', [finding('T1', 'FU1', 'measured'), finding('T10', 'FU1', 'absent'), finding('NT1', 'FU1', 'present')], 'T2'],
    ['none when every lesion has a finding', 'T1', ['T1', 'T2', 'T10'].map((l) => finding(l, 'FU1', 'measured')).concat(finding('NT1', 'FU1', 'present')), undefined],
  ] as const)('%s', (_rule, selected, findings, expected) => {
    expect(next(selected, [...findings])).toBe(expected);
  });

  it('offers a new lesion only at the time point where it was first seen', () => {
    const done = ['T1', 'T2', 'T10'].map((l) => finding(l, 'FU2', 'measured')).concat(finding('NT1', 'FU2', 'present'));
    expect(next(undefined, done, 'FU2')).toBe('N1');
    expect(next(undefined, done.map((f) => ({ ...f, studyInstanceUid: 'FU1', id: `${f.lesionId}|FU1` })), 'FU1')).toBeUndefined();
  });
});
