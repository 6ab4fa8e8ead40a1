// The borderline flag beside the overall response in the record column (issue 20): shown when the response sits
// within reader noise of a threshold, with which rule and how far; absent otherwise.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { assessPatient } from '../../../src/recist/assessPatient';
import { DEFAULT_ASSESS_OPTIONS, type PatientRecord } from '../../../src/recist/types';
import { mmToMicrometres } from '../../../src/recist/units';
import { RecistSummary } from '../../../src/ui/tracking/RecistSummary';

const patient = (followUpMm: number): PatientRecord => ({
  patientId: 'P1',
  timepoints: [100, followUpMm].map((size, i) => ({
    label: i === 0 ? 'Baseline' : 'Follow-up 1',
    scanDate: i === 0 ? '2024-01-01' : '2024-03-01',
    targets: [{ lesionId: 'T1', organ: 'liver', nodal: false, fragments: [{ state: 'measured', diameter: mmToMicrometres(size) }] }],
    nonTargets: [],
    newLesions: [],
  })),
});

const render = (followUpMm: number) =>
  renderToStaticMarkup(createElement(RecistSummary, { assessment: assessPatient(patient(followUpMm), DEFAULT_ASSESS_OPTIONS), readingLabel: 'Follow-up 1', problems: [], unread: [] }));

describe('RecistSummary: borderline', () => {
  it('marks SD at -27 % as 3 points from PR, beside the label and in the reason', () => {
    const html = render(73);
    expect(html).toMatch(/data-cell="overall"[^>]*>SD<span class="recist-summary__borderline" title="Borderline: PR -30 % by 3.0 pt"/);
    expect(html).toMatch(/Borderline: PR -30 % by 3.0 pt<\/p>/);
  });
  it('has no mark far from every threshold', () => {
    expect(render(85)).not.toContain('recist-summary__borderline');
  });
});
