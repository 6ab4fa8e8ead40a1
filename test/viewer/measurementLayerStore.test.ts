import { describe, expect, it } from 'vitest';
import { createMeasurementLayerStore } from '../../src/viewer/measurementLayerStore';
import { geometry, view } from './viewFixtures';

describe('the layer store re-renders the layer only when what it draws changes', () => {
  it('the same frame again (a re-render of the same slice, same view) notifies no one', () => {
    const store = createMeasurementLayerStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.setFrame({ view: view(), geometry: geometry(), sliceIndex: 3 });
    store.setFrame({ view: view(), geometry: geometry(), sliceIndex: 3 });
    expect(calls).toBe(1);
    store.setFrame({ view: view({ windowWidth: 80 }), geometry: geometry(), sliceIndex: 3 });
    store.setFrame({ view: view({ windowWidth: 80 }), geometry: geometry({ canvasWidth: 500 }), sliceIndex: 3 });
    store.setFrame({ view: view({ windowWidth: 80 }), geometry: geometry({ canvasWidth: 500 }), sliceIndex: 4 });
    expect(calls).toBe(4);
    expect(store.getSnapshot().frame?.sliceIndex).toBe(4);
  });

  it('a snapshot is a new object per change and the same object otherwise (useSyncExternalStore)', () => {
    const store = createMeasurementLayerStore();
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    store.setLive(undefined);
    expect(store.getSnapshot()).toBe(first);
    store.setPending({ shapeId: 'a', axes: { longAxis: { start: { x: 0, y: 0 }, end: { x: 1, y: 1 } } } });
    expect(store.getSnapshot()).not.toBe(first);
  });

  it('the hot handle re-renders the layer when it changes handle, not on every pointer move over the same one', () => {
    const store = createMeasurementLayerStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.setHot({ shapeId: 'a', handle: 'longEnd' });
    store.setHot({ shapeId: 'a', handle: 'longEnd' });
    expect(calls).toBe(1);
    store.setHot({ shapeId: 'a', handle: 'longStart' });
    store.setHot({ shapeId: 'b', handle: 'longStart' });
    store.setHot(undefined);
    store.setHot(undefined);
    expect(calls).toBe(4);
    expect(store.getSnapshot().hot).toBeUndefined();
  });

  it('unsubscribed listeners hear nothing', () => {
    const store = createMeasurementLayerStore();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    off();
    store.setFrame({ view: view(), geometry: geometry(), sliceIndex: 0 });
    expect(calls).toBe(0);
  });
});
