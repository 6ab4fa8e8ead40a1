// Where a double read stands (issue 20): the reads compared, waiting, concordant, discordant at its first discordant
// time point, adjudicated; and which read a patient's survival endpoint then uses.
import { describe, expect, it } from 'vitest';
import { doubleReadStatus, isSignedOffRead, type AdjudicationChoice, type ReaderRead } from '../../src/agreement/doubleReadStatus';
import { endpointRead } from '../../src/agreement/endpointRead';
import type { PatientAssessment, TimepointAssessment, TimepointResponse } from '../../src/recist/types';

function assessment(responses: readonly TimepointResponse[], progressionDate: string | null = null): PatientAssessment {
  const dates = ['2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01'];
  const timepoints = [null, ...responses].map((overallResponse, i) => ({
    label: i === 0 ? 'Baseline' : `Follow-up ${i}`, scanDate: dates[i] ?? '2025-01-01', isBaseline: i === 0, overallResponse,
  }) as unknown as TimepointAssessment);
  const best = responses.includes('PR') ? 'PR' : responses[0] ?? 'NE';
  return {
    patientId: 'P1', baselineDate: '2024-01-01', lastScanDate: dates[responses.length] ?? '', timepoints, bestOverallResponse: best,
    bestResponseDate: null, progressionDate, measurementSource: 'image', warnings: [], bestResponseExplanation: '',
  };
}

const read = (reader: string, a: PatientAssessment | undefined, followUps = 1, signed = followUps): ReaderRead =>
  ({ reader, assessment: a, followUps, signedOffFollowUps: signed });

describe('doubleReadStatus', () => {
  it('waits until two reads are signed off, naming who has and who is under way', () => {
    const status = doubleReadStatus([read('A', assessment(['PR'])), read('B', assessment(['PR']), 2, 1), read('C', undefined, 0, 0)], undefined);
    expect(status).toEqual({ kind: 'waiting', complete: ['A'], started: ['B'] });
  });

  it('a read with no follow-up read is not signed off, even with nothing left unsigned', () => {
    expect(isSignedOffRead(read('A', assessment([]), 0, 0))).toBe(false);
    expect(isSignedOffRead(read('A', undefined, 1, 1))).toBe(false);
    expect(isSignedOffRead(read('A', assessment(['SD']), 2, 2))).toBe(true);
  });

  it('is concordant when every time point, the best response and the progression date agree', () => {
    const status = doubleReadStatus([read('A', assessment(['PR', 'PD'], '2024-07-01')), read('B', assessment(['PR', 'PD'], '2024-07-01'))], undefined);
    expect(status.kind).toBe('concordant');
  });

  it('is discordant at the first time point whose overall responses differ, and compares the first two signed-off reads', () => {
    const status = doubleReadStatus([
      read('A', assessment(['PR', 'PD'], '2024-07-01')), read('B', assessment(['PR', 'SD'])), read('C', assessment(['SD', 'SD'])),
    ], undefined);
    if (status.kind !== 'discordant') throw new Error(status.kind);
    expect(status.comparison.readers).toEqual(['A', 'B']);
    expect(status.comparison.firstDiscordant).toMatchObject({ label: 'Follow-up 2', first: 'PD', second: 'SD' });
    expect(status.comparison.progression).toEqual({ first: '2024-07-01', second: null, agree: false });
  });

  it('progression dates within the chosen window agree; outside it they make the patient discordant', () => {
    const reads = [read('A', assessment(['PD'], '2024-04-01')), read('B', assessment(['PD'], '2024-04-20'))];
    expect(doubleReadStatus(reads, undefined).kind).toBe('discordant');
    expect(doubleReadStatus(reads, undefined, { progressionDays: 19 }).kind).toBe('concordant');
    expect(doubleReadStatus(reads, undefined, { progressionDays: 18 }).kind).toBe('discordant');
  });

  it('an adjudication keeps the two reads it chose between, whoever signs off later', () => {
    const choice: AdjudicationChoice = { readers: ['B', 'C'], chosenReader: 'C', adjudicator: 'D', reason: 'r', at: '2024-12-01T00:00:00Z' };
    const status = doubleReadStatus([read('A', assessment(['PR'])), read('B', assessment(['PR'])), read('C', assessment(['SD']))], choice);
    if (status.kind !== 'adjudicated') throw new Error(status.kind);
    expect(status.comparison.readers).toEqual(['B', 'C']);
  });
});

describe('endpointRead', () => {
  const discordant = [read('A', assessment(['PR'])), read('B', assessment(['PD'], '2024-04-01'))];
  it('a discordant double read gives no endpoint until adjudicated, then the chosen read', () => {
    expect(endpointRead(discordant, true, undefined, 'A')).toEqual({ reader: undefined, basis: 'double read, awaiting adjudication', adjudicator: undefined });
    const choice: AdjudicationChoice = { readers: ['A', 'B'], chosenReader: 'B', adjudicator: 'C', reason: 'r', at: 't' };
    expect(endpointRead(discordant, true, choice, 'A')).toEqual({ reader: 'B', basis: 'double read, adjudicated', adjudicator: 'C' });
  });

  it('a concordant double read uses the first reader; an incomplete one none', () => {
    expect(endpointRead([read('A', assessment(['SD'])), read('B', assessment(['SD']))], true, undefined, 'B').reader).toBe('A');
    expect(endpointRead([read('A', assessment(['SD'])), read('B', assessment(['SD']), 1, 0)], true, undefined, 'A'))
      .toEqual({ reader: undefined, basis: 'double read, not complete', adjudicator: undefined });
  });

  it('a single read uses the reader reading now when they read it, else the one reader who did', () => {
    const reads = [read('A', assessment(['SD'])), read('B', assessment(['PR'])), read('C', undefined, 0, 0)];
    expect(endpointRead(reads, false, undefined, 'B')).toMatchObject({ reader: 'B', basis: 'single read' });
    expect(endpointRead(reads, false, undefined, 'C')).toMatchObject({ reader: 'A', basis: 'single read' });
    expect(endpointRead([read('C', undefined, 0, 0)], false, undefined, 'C').reader).toBeUndefined();
  });
});
