// What the screen shows for a choice: the controls it offers, the guarantee-time-bias warning, and the tables.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyControl, choiceForTable } from '../../src/cohort/applyControl';
import { DEFAULT_CHOICE, type CohortChoice } from '../../src/cohort/cohortChoice';
import { fileStem } from '../../src/cohort/cohortLabels';
import { cohortView } from '../../src/cohort/cohortView';
import { readCohortCsv } from '../../src/cohort/patientCsv';
import { table } from './fixtures';

const demo = (() => {
  const read = readCohortCsv(readFileSync(new URL('../../sample-dicom/demo-cohort.csv', import.meta.url), 'utf8'));
  if (!read.ok) throw new Error(read.error.code);
  return read.value;
})();

const pick = (choice: CohortChoice, ...changes: Parameters<typeof applyControl>[1][]) => changes.reduce(applyControl, choice);

describe('cohortView', () => {
  it('defaults to OS by response at the landmark, with no warning', () => {
    const v = cohortView(demo, DEFAULT_CHOICE);
    expect(v.title).toBe('Overall survival from the landmark (day 91), by response at the landmark: CR/PR vs SD vs PD');
    expect(v.warning).toBeNull();
    expect(v.controls.grouping.options.map((o) => o.value)).toEqual([
      'landmark', 'best-response', 'covariate:cycles', 'covariate:age', 'covariate:arm', 'covariate:ecog', 'covariate:sex',
    ]);
    if (!v.result.ok || !v.result.value.groups.ok) throw new Error('expected groups');
    expect(v.result.value.groups.rows.map((g) => g.group)).toEqual(['CR/PR', 'SD', 'PD']);
    expect(v.result.value.excluded).toEqual(['29 not followed up to day 91 (died or lost before the landmark)']);
  });

  it('warns of guarantee-time bias whenever best overall response groups without a landmark', () => {
    for (const split of ['cr-pr/sd/pd', 'responders'] as const) {
      const v = cohortView(demo, pick(DEFAULT_CHOICE, { control: 'grouping', value: 'best-response' }, { control: 'split', value: split }));
      expect(v.warning?.title).toMatch(/^Guarantee-time bias/);
      expect(v.title).toContain('from the origin');
    }
  });

  it('warns the same for cycles (they accrue while the patient lives), not for a baseline covariate', () => {
    expect(cohortView(demo, pick(DEFAULT_CHOICE, { control: 'grouping', value: 'covariate:cycles' })).warning?.title).toMatch(/cycles/);
    expect(cohortView(demo, pick(DEFAULT_CHOICE, { control: 'grouping', value: 'covariate:arm' })).warning).toBeNull();
  });

  it('offers the response split for responses, and the numeric use for numbers (one group per value only for few values)', () => {
    const age = cohortView(demo, pick(DEFAULT_CHOICE, { control: 'grouping', value: 'covariate:age' }));
    expect([age.controls.split, age.controls.use?.options.map((o) => o.value)]).toEqual([null, ['median', 'continuous']]);
    const ecog = cohortView(demo, pick(DEFAULT_CHOICE, { control: 'grouping', value: 'covariate:ecog' }));
    expect(ecog.controls.use?.options.map((o) => o.value)).toEqual(['median', 'values', 'continuous']);
    expect(cohortView(demo, pick(DEFAULT_CHOICE, { control: 'grouping', value: 'covariate:sex' })).controls.use).toBeNull();
  });

  it('a grouping change keeps the response split; the endpoint and axis stay with a new file', () => {
    const c = pick(DEFAULT_CHOICE, { control: 'split', value: 'responders' }, { control: 'grouping', value: 'best-response' }, { control: 'endpoint', value: 'pfs' });
    expect(c.grouping).toEqual({ kind: 'best-response', split: 'responders' });
    const noLandmark = table([{ landmark_days: '', arm: 'A' }], ['arm']);
    expect(choiceForTable(noLandmark, c)).toEqual({ ...c, grouping: { kind: 'covariate', column: 'arm', use: 'median' } });
    expect(choiceForTable(demo, c)).toEqual({ ...c, grouping: DEFAULT_CHOICE.grouping });
  });

  it('shows a grouping it cannot make as words, not as an empty plot', () => {
    const v = cohortView(table([{ landmark_days: '' }]), DEFAULT_CHOICE);
    expect(v.result.ok ? '' : v.result.error.title).toBe('No landmark in this file');
  });

  it('the median split says its median; a continuous covariate says why there is no log-rank test', () => {
    const median = cohortView(demo, pick(DEFAULT_CHOICE, { control: 'grouping', value: 'covariate:age' }));
    expect(median.result.ok && median.result.value.note).toMatch(/^Split at the median of age among the patients analysed: \d+/);
    const continuous = cohortView(demo, pick(DEFAULT_CHOICE, { control: 'grouping', value: 'covariate:age' }, { control: 'use', value: 'continuous' }));
    if (!continuous.result.ok) throw new Error('expected a result');
    expect(continuous.result.value.logRank).toEqual({ ok: false, message: 'No log-rank test: a continuous covariate has no groups to compare; see the Cox model.' });
    expect(continuous.result.value.cox.ok && continuous.result.value.cox.rows.map((r) => r.label)).toEqual(['age (per 1 unit)']);
  });

  it('names the download files after the choice', () => {
    expect(fileStem(DEFAULT_CHOICE)).toBe('cohort-os-landmark-cr-pr-sd-pd');
    expect(fileStem(pick(DEFAULT_CHOICE, { control: 'grouping', value: 'covariate:age' }))).toBe('cohort-os-age-median');
  });
});
