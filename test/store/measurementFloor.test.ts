// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { putMeasurement, restoreMeasurement } from '../../src/store/measurementRepository';
import { REPORT_IMAGE_UID } from '../../src/tracking/source';
import type { MeasurementRow, Segment } from '../../src/tracking/types';
import { BASELINE, FOLLOW_UP, databaseWithPatient, failure, findingState, lesion, measurement, value } from './fixtures';

const line = (x1: number, y1: number, x2: number, y2: number): Segment => ({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 } });

describe('the measurement floor, in the one module that writes measurements', () => {
  it('refuses a 0 mm long axis with a reason, and writes nothing (no row, no "measured" finding)', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const error = failure(await putMeasurement(db, measurement(t1, FOLLOW_UP, { longAxis: line(120, 80, 120, 80) }), { replaceOthers: true }));
    expect(error).toEqual({ code: 'INVALID', reason: 'BELOW_MEASUREMENT_FLOOR', detail: 'long axis 0.0 mm, under 1 mm or 2 image pixels' });
    expect(await db.measurements.count()).toBe(0);
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBeUndefined();
  });

  it.each<[string, Partial<MeasurementRow>, string]>([
    ['under 2 pixels of 1.5 mm (2.7 mm)', { longAxis: line(10, 10, 11.8, 10), pixelSpacingMm: { row: 1.5, column: 1.5 } }, 'long axis 2.7 mm'],
    ['under 1 mm on fine pixels', { longAxis: line(10, 10, 13, 10), pixelSpacingMm: { row: 0.3, column: 0.3 } }, 'long axis 0.9 mm'],
    ['a short axis dragged onto its long axis', { tool: 'bidirectional', longAxis: line(10, 10, 50, 10), shortAxis: line(30, 10, 30, 10.5) }, 'short axis 0.4 mm'],
  ])('refuses %s', async (_, change, detail) => {
    const db = await databaseWithPatient();
    const error = failure(await putMeasurement(db, measurement(await lesion(db), BASELINE, change), { replaceOthers: false }));
    expect(error).toMatchObject({ code: 'INVALID', reason: 'BELOW_MEASUREMENT_FLOOR' });
    expect(error.code === 'INVALID' && error.detail).toContain(detail);
  });

  it('a measurement dragged down to nothing is refused and stays as it was stored', async () => {
    const db = await databaseWithPatient();
    const row = measurement(await lesion(db), BASELINE);
    value(await putMeasurement(db, row, { replaceOthers: false }));
    const shrunk = { ...row, longAxis: line(130, 160, 130.5, 160.5), updatedAt: '2024-05-01T11:00:00.000Z' };
    expect(failure(await putMeasurement(db, shrunk, { replaceOthers: false }))).toMatchObject({ reason: 'BELOW_MEASUREMENT_FLOOR' });
    expect(await db.measurements.toArray()).toEqual([row]);
  });

  it('undo and redo cannot put a sub-floor row back either', async () => {
    const db = await databaseWithPatient();
    const row = measurement(await lesion(db), BASELINE, { longAxis: line(5, 5, 5, 5) });
    expect(failure(await restoreMeasurement(db, row.id, row))).toMatchObject({ reason: 'BELOW_MEASUREMENT_FLOOR' });
    expect(await db.measurements.count()).toBe(0);
  });

  it('a value typed from a report is held to 1 mm only (it has no pixels): 1.5 mm is kept, 0 mm refused', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const typed = (mm: number) => measurement(t1, FOLLOW_UP, {
      image: { studyInstanceUid: FOLLOW_UP, seriesInstanceUid: REPORT_IMAGE_UID, sopInstanceUid: REPORT_IMAGE_UID, frameNumber: 1 },
      longAxis: line(0, 0, mm, 0), pixelSpacingMm: { row: 1, column: 1 },
    });
    value(await putMeasurement(db, typed(1.5), { replaceOthers: true }));
    expect(failure(await putMeasurement(db, typed(0), { replaceOthers: true }))).toEqual({
      code: 'INVALID', reason: 'BELOW_MEASUREMENT_FLOOR', detail: 'long axis 0.0 mm, under 1 mm',
    });
    expect((await db.measurements.toArray()).map((m) => m.longAxis.end.x)).toEqual([1.5]);
  });

  it('a measurement at the floor is a measurement', async () => {
    const db = await databaseWithPatient();
    value(await putMeasurement(db, measurement(await lesion(db), BASELINE, { longAxis: line(10, 10, 12, 10) }), { replaceOthers: false }));
    expect(await db.measurements.count()).toBe(1);
  });
});
