// The de-identification key: one stable, unique study code and one non-zero date offset per patient, made once.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ensureStudyKeys, newDateOffset, newStudyCode, readStudyKeys } from '../../src/store/studyKeyRepository';
import { freshDatabase, value } from './fixtures';

/** A generator that replays the given numbers, then zeros. */
const replay = (...values: number[]) => (n: number) => (values.shift() ?? 0) % n;

describe('ensureStudyKeys', () => {
  it('gives each patient a code and an offset once; asking again returns the same', async () => {
    const db = freshDatabase();
    const first = value(await ensureStudyKeys(db, ['P2', 'P1']));
    expect(first.map((k) => k.patientId)).toEqual(['P1', 'P2']);
    for (const key of first) {
      expect(key.code).toMatch(/^S-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
      expect(Math.abs(key.dateOffsetDays)).toBeGreaterThanOrEqual(1);
      expect(Math.abs(key.dateOffsetDays)).toBeLessThanOrEqual(365);
    }
    expect(value(await ensureStudyKeys(db, ['P1', 'P2', 'P3'])).slice(0, 2)).toEqual(first);
    expect(value(await readStudyKeys(db))).toHaveLength(3);
  });

  it('never gives two patients the same code, even when the generator repeats itself', async () => {
    const db = freshDatabase();
    // Both patients draw six zeros (S-222222) and an offset first; the second draws again after the clash.
    const random = replay(0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 7, 1);
    const keys = value(await ensureStudyKeys(db, ['A', 'B'], random));
    expect(keys.map((k) => k.code)).toEqual(['S-222222', 'S-333333']);
  });

  it('draws codes and offsets from the whole range', () => {
    expect(newStudyCode(replay(30, 30, 30, 30, 30, 30))).toBe('S-ZZZZZZ');
    expect(newDateOffset(replay(364, 1))).toBe(365);
    expect(newDateOffset(replay(0, 0))).toBe(-1);
  });
});
