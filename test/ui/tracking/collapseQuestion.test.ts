import { describe, expect, it } from 'vitest';
import { collapseQuestion, type CollapsedMeasurement } from '../../../src/ui/tracking/collapseQuestion';

const target: CollapsedMeasurement = {
  label: 'T2', category: 'target', nodal: false, atBaseline: false, fragments: 1, axis: 'longAxis', lengthMm: 0,
};

describe('a measurement dragged below the floor: what the reader is asked', () => {
  it('a target at a follow-up: record as disappeared?', () => {
    const answer = collapseQuestion(target);
    expect(answer).toMatchObject({ kind: 'ask', onYes: 'record-absent' });
    expect(answer.text.startsWith('T2: 0.0 mm — record as disappeared?')).toBe(true);
    expect(answer.text).toContain('Cancel keeps the measurement as it was');
  });

  it('a non-target at a follow-up can be recorded as disappeared too', () => {
    expect(collapseQuestion({ ...target, label: 'NT1', category: 'non-target', lengthMm: 0.4 })).toMatchObject({ kind: 'ask', onYes: 'record-absent' });
  });

  it('a node: its short axis is the diameter, so it going to nothing asks the same', () => {
    const answer = collapseQuestion({ ...target, nodal: true, axis: 'shortAxis' });
    expect(answer).toMatchObject({ kind: 'ask', onYes: 'record-absent' });
    expect(answer.text.startsWith('T2: short axis 0.0 mm — record as disappeared?')).toBe(true);
  });

  it.each<[string, Partial<CollapsedMeasurement>]>([
    ['at the baseline (nothing has disappeared there)', { atBaseline: true }],
    ['for a new lesion (it has no disappeared state)', { label: 'N1', category: 'new' }],
  ])('%s: delete this measurement?', (_, change) => {
    const answer = collapseQuestion({ ...target, ...change });
    expect(answer).toMatchObject({ kind: 'ask', onYes: 'delete-measurement' });
    expect(answer.text).toContain('0.0 mm — delete this measurement?');
  });

  it('one fragment of a split lesion: only that fragment goes, never the whole lesion', () => {
    const answer = collapseQuestion({ ...target, fragments: 2 });
    expect(answer).toMatchObject({ kind: 'ask', onYes: 'delete-measurement' });
    expect(answer.text).toContain('delete this fragment?');
  });

  it('a short axis that is not the diameter is not a question: the measurement is kept and the reader told', () => {
    const answer = collapseQuestion({ ...target, axis: 'shortAxis', lengthMm: 0.3 });
    expect(answer.kind).toBe('tell');
    expect(answer.text).toContain('a short axis of 0.3 mm is not a measurement');
  });
});
