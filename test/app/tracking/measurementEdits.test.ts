// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addMeasurement, changeFinding, moveMeasurement, removeMeasurement } from '../../../src/app/tracking/measurementEdits';
import { signOffTimepoint } from '../../../src/store/signOffRepository';
import { BASELINE, FOLLOW_UP, SIGN_OFF, databaseWithPatient, findingState, lesion, measurement, value } from '../../store/fixtures';

const ids = async (db: Awaited<ReturnType<typeof databaseWithPatient>>) => (await db.measurements.toArray()).map((m) => m.id).sort();

describe('undoable edits', () => {
  it('a re-measurement undone brings the replaced measurement back, and redone replaces it again', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const first = measurement(t1, FOLLOW_UP);
    const firstEdit = value(await addMeasurement(db, first, [], true, 'Measure T1'));
    const second = measurement(t1, FOLLOW_UP);
    const edit = value(await addMeasurement(db, second, [first], true, 'Measure T1'));
    expect(await ids(db)).toEqual([second.id]);
    expect(await edit.undo()).toBe(true);
    expect(await ids(db)).toEqual([first.id]);
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBe('measured');
    expect(await edit.redo()).toBe(true);
    expect(await ids(db)).toEqual([second.id]);
    // Undoing both: not assessed again, no measurement left.
    expect(await edit.undo()).toBe(true);
    expect(await firstEdit.undo()).toBe(true);
    expect(await ids(db)).toEqual([]);
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBeUndefined();
  });

  it('a split fragment undone leaves the other fragment and the lesion measured', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const a = measurement(t1, FOLLOW_UP);
    value(await addMeasurement(db, a, [], true, 'a'));
    const b = measurement(t1, FOLLOW_UP);
    const edit = value(await addMeasurement(db, b, [a], false, 'b'));
    expect(await ids(db)).toEqual([a.id, b.id].sort());
    expect(await edit.undo()).toBe(true);
    expect(await ids(db)).toEqual([a.id]);
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBe('measured');
  });

  it('moving handles is undone to the exact earlier axes', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const before = measurement(t1, BASELINE);
    value(await addMeasurement(db, before, [], true, 'm'));
    const after = { ...before, longAxis: { start: { x: 1, y: 1 }, end: { x: 40, y: 9 } }, updatedAt: '2026-01-02T00:00:00.000Z' };
    const edit = value(await moveMeasurement(db, before, after, 'move'));
    expect(await db.measurements.get(before.id)).toEqual(after);
    expect(await edit.undo()).toBe(true);
    expect(await db.measurements.get(before.id)).toEqual(before);
  });

  it('a deletion undone restores the measurement and the finding it carried', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const row = measurement(t1, FOLLOW_UP);
    value(await addMeasurement(db, row, [], true, 'm'));
    const edit = value(await removeMeasurement(db, row.id, 'delete'));
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBeUndefined();
    expect(await edit.undo()).toBe(true);
    expect(await db.measurements.get(row.id)).toEqual(row);
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBe('measured');
  });

  it('recording "disappeared" on a measured target removes its measurement, and undo puts both back', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const row = measurement(t1, FOLLOW_UP);
    value(await addMeasurement(db, row, [], true, 'm'));
    const edit = value(await changeFinding(db, t1.id, FOLLOW_UP, 'absent', undefined, [row], 'T1: absent'));
    expect(await ids(db)).toEqual([]);
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBe('absent');
    expect(await edit.undo()).toBe(true);
    expect(await ids(db)).toEqual([row.id]);
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBe('measured');
  });

  it('an undo refused because the time point was signed off since says so and changes nothing', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const row = measurement(t1, FOLLOW_UP);
    const edit = value(await addMeasurement(db, row, [], true, 'm'));
    value(await signOffTimepoint(db, FOLLOW_UP, SIGN_OFF));
    expect(await edit.undo()).toBe(false);
    expect(await ids(db)).toEqual([row.id]);
  });
});
