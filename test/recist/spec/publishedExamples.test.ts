// Worked examples from the published RECIST 1.1 texts: Eisenhauer 2009 [E09], Schwartz 2016 [S16] and the RECIST
// working group FAQ [FAQ], each followed from the input CSV to the per-time-point and per-patient output.
import { describe, expect, it } from 'vitest';
import { addDays, patient } from './builders';
import { followUps, onePatient, pick } from './harness';

const BASELINE = '2022-01-03';

describe('published worked examples', () => {
  it('[FAQ] sums 100, 70, 70, 80, 80, 80: PR at every follow-up (continuing PR), best response PR', () => {
    const csv = patient('P1')
      .targets({ T1: { organ: 'liver', sizes: [60, 42, 42, 48, 48, 48] }, T2: { organ: 'lung', sizes: [40, 28, 28, 32, 32, 32] } })
      .csv();
    const rows = followUps(csv);
    expect(pick(rows, 'target_sum_mm')).toEqual([70, 70, 80, 80, 80]);
    expect(pick(rows, 'overall_response')).toEqual(['PR', 'PR', 'PR', 'PR', 'PR']);
    const result = onePatient(csv);
    expect(result.best_overall_response).toBe('PR');
    expect(result.best_response_date).toBe(addDays(BASELINE, 56));
    expect(result.progression_date).toBeNull();
  });

  it('[E09 4.3.1] PD needs +5 mm as well as +20 %: a nadir of 10 mm growing to 12 mm (+20 %, +2 mm) is not PD', () => {
    const rows = followUps(
      patient('P1')
        .targets({ T1: { organ: 'liver', sizes: [25, 10, 12] } })
        .csv(),
    );
    expect(pick(rows, 'target_response')).toEqual(['PR', 'PR']);
    expect(rows[1]!.change_from_nadir_pct).toBe(20);
    expect(rows[1]!.change_from_nadir_mm).toBe(2);
  });

  it('[E09 4.3.1] the smallest sum on study is the reference for PD: 100 -> 60 -> 75 is PD although -25 % from baseline', () => {
    const csv = patient('P1')
      .targets({ T1: { organ: 'liver', sizes: [100, 60, 75] } })
      .csv();
    const rows = followUps(csv);
    expect(pick(rows, 'overall_response')).toEqual(['PR', 'PD']);
    expect(rows[1]!.change_from_baseline_pct).toBe(-25);
    expect(rows[1]!.change_from_nadir_pct).toBe(25);
    expect(onePatient(csv).progression_date).toBe(addDays(BASELINE, 112));
  });

  it('[E09 4.3.2] target nodes keep their short axis in the sum: CR with a sum > 0 when nodes are < 10 mm', () => {
    const csv = patient('P1')
      .targets({
        T1: { organ: 'liver', sizes: [40, 'absent'] },
        T2: { organ: 'lymph node', nodal: true, sizes: [20, 8] },
        T3: { organ: 'lymph node', nodal: true, sizes: [16, 7.5] },
      })
      .csv();
    const [fu] = followUps(csv);
    expect(fu).toMatchObject({ target_sum_mm: 15.5, baseline_sum_mm: 76, target_response: 'CR', overall_response: 'CR' });
    expect(onePatient(csv).best_overall_response).toBe('CR');
  });

  it('[E09 4.3.2] "too small to measure" is 5 mm, but a measurable value is used even below 5 mm', () => {
    const rows = followUps(
      patient('P1')
        .targets({ T1: { organ: 'liver', sizes: [20, 'too_small'] }, T2: { organ: 'spleen', sizes: [15, 4] } })
        .csv(),
    );
    expect(rows[0]!.target_sum_mm).toBe(9);
    expect(rows[0]!.target_response).toBe('PR');
  });

  it('[E09 4.3.2] split lesions add their fragments; coalesced lesions carry the merged diameter on one lesion', () => {
    const rows = followUps(
      patient('P1')
        .targets({
          T1: { organ: 'liver', sizes: [40, [15, 12], [20, 16]] },
          T2: { organ: 'lung', sizes: [20, 18, 30] },
          T3: { organ: 'lung', sizes: [15, 14, 'merged'] },
        })
        .csv(),
    );
    // 75 -> 27 + 18 + 14 = 59 -> 36 + 30 + 0 = 66
    expect(pick(rows, 'target_sum_mm')).toEqual([59, 66]);
    expect(pick(rows, 'target_response')).toEqual(['SD', 'SD']);
  });

  it('[E09 4.3.4] an equivocal new lesion confirmed later: PD dated at the scan that first showed it', () => {
    const csv = patient('P1')
      .days([0, 56, 112, 168])
      .targets({ T1: { organ: 'liver', sizes: [30, 18, 18, 18] } })
      .newLesions({ N1: { organ: 'liver', mm: 6, states: [null, null, 'equivocal', 'unequivocal'] } })
      .csv();
    const rows = followUps(csv);
    expect(pick(rows, 'overall_response')).toEqual(['PR', 'PR', 'PD']);
    expect(pick(rows, 'new_lesions')).toEqual(['no', 'equivocal', 'yes']);
    const result = onePatient(csv);
    expect(result.progression_date).toBe(addDays(BASELINE, 112));
    expect(result.best_overall_response).toBe('PR');
  });

  it('[S16] a new lymph node counts as a new lesion only with short axis >= 10 mm', () => {
    const rows = followUps(
      patient('P1')
        .targets({ T1: { organ: 'liver', sizes: [30, 27, 27] } })
        .newLesions({ N1: { organ: 'lymph node', nodal: true, mm: 8, states: [null, 'unequivocal', null] } })
        .newLesions({ N2: { organ: 'lymph node', nodal: true, mm: 11, states: [null, null, 'unequivocal'] } })
        .csv(),
    );
    expect(pick(rows, 'new_lesions')).toEqual(['no', 'yes']);
    expect(pick(rows, 'overall_response')).toEqual(['SD', 'PD']);
  });

  it('[E09 4.4.1] SD before the SD minimum followed by PD gives a best response of PD', () => {
    const csv = patient('P1')
      .days([0, 35, 84])
      .targets({ T1: { organ: 'liver', sizes: [30, 28, 40] } })
      .csv();
    expect(pick(followUps(csv), 'overall_response')).toEqual(['SD', 'PD']);
    const result = onePatient(csv);
    expect(result.best_overall_response).toBe('PD');
    expect(result.progression_date).toBe(addDays(BASELINE, 84));
  });

  it('[E09 Table 3] with confirmation, a PR seen only once followed by PD after the SD minimum gives SD', () => {
    const csv = patient('P1')
      .days([0, 56, 112])
      .targets({ T1: { organ: 'liver', sizes: [50, 30, 40] } })
      .csv();
    expect(pick(followUps(csv, '--confirm'), 'overall_response')).toEqual(['PR', 'PD']);
    expect(onePatient(csv, '--confirm').best_overall_response).toBe('SD');
    expect(onePatient(csv).best_overall_response).toBe('PR');
  });
});
