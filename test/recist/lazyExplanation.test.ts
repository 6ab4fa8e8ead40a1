// Explanations are written when read; every way a result leaves the engine must still carry the same words.
import { describe, expect, it } from 'vitest';
import { assessPatients } from '../../src/recist/assess';
import type { PatientRecord } from '../../src/recist/types';
import { parseMillimetres } from '../../src/recist/units';

const mm = (text: string) => parseMillimetres(text) ?? (() => { throw new Error(text); })();
const patient: PatientRecord = {
  patientId: 'P1',
  timepoints: ['30', '20', '26'].map((size, i) => ({
    label: `tp${i}`,
    scanDate: ['2022-09-01', '2022-12-01', '2023-03-01'][i] as string,
    targets: [{ lesionId: 'T1', organ: 'liver', nodal: false, fragments: [{ state: 'measured', diameter: mm(size) }] }],
    nonTargets: [],
    newLesions: [],
  })),
};

describe('explanations written on demand', () => {
  const [result] = assessPatients([patient]);
  const followUp = result?.timepoints[2];

  it('reads the same text every time', () => {
    expect(followUp?.explanation).toBe('PD (target PD). PD: sum 26.0 mm is +30.0 % (+6.0 mm) over the nadir 20.0 mm of 2022-12-01. no non-target lesion. no new lesion. Borderline: PD +5 mm by 1.0 mm');
    expect(followUp?.explanation).toBe(followUp?.explanation);
  });

  it('keeps the explanation in JSON', () => {
    const json = JSON.parse(JSON.stringify(result)) as { timepoints: { explanation: string }[] };
    expect(json.timepoints.map((t) => t.explanation)).toEqual(result?.timepoints.map((t) => t.explanation));
    expect(json.timepoints[1]?.explanation).toMatch(/^PR /);
  });
});
