// What the measurement layer draws from, outside React's props: where the image is on the canvas (the view and
// geometry of the last frame cornerstone drew, and which slice that was) and the gesture in progress. Pointer moves
// and renders write here; only the layer subscribes (useSyncExternalStore), so a drag or a zoom re-renders the layer
// and nothing else.
import type { HandleRef, LiveMeasurement } from './measureTool';
import type { MeasurementAxes } from './measurementShape';
import type { ViewGeometry } from './viewGeometry';
import { sameView, type ViewState } from './viewState';

export interface LayerFrame {
  readonly view: ViewState;
  readonly geometry: ViewGeometry;
  /** Index in the viewport's slices of the slice on the canvas. */
  readonly sliceIndex: number;
}

/** An edit reported to the app and not yet back in its shapes: shown as edited meanwhile, so the line does not jump back. */
export interface PendingEdit {
  readonly shapeId: string;
  readonly axes: MeasurementAxes;
}

export interface LayerSnapshot {
  readonly frame: LayerFrame | undefined;
  readonly live: LiveMeasurement | undefined;
  readonly pending: PendingEdit | undefined;
  /** The handle under the pointer (or held by it): marked, so the reader sees which end a press would move. */
  readonly hot: HandleRef | undefined;
}

export interface MeasurementLayerStore {
  readonly getSnapshot: () => LayerSnapshot;
  readonly subscribe: (listener: () => void) => () => void;
  setFrame(frame: LayerFrame): void;
  setLive(live: LiveMeasurement | undefined): void;
  setPending(pending: PendingEdit | undefined): void;
  setHot(hot: HandleRef | undefined): void;
}

const sameGeometry = (a: ViewGeometry, b: ViewGeometry): boolean =>
  a.canvasWidth === b.canvasWidth && a.canvasHeight === b.canvasHeight && a.columns === b.columns && a.rows === b.rows
  && a.pixelAspect.x === b.pixelAspect.x && a.pixelAspect.y === b.pixelAspect.y;

export const sameFrame = (a: LayerFrame | undefined, b: LayerFrame | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.sliceIndex === b.sliceIndex && sameView(a.view, b.view)
    && sameGeometry(a.geometry, b.geometry));

export function createMeasurementLayerStore(): MeasurementLayerStore {
  let snapshot: LayerSnapshot = { frame: undefined, live: undefined, pending: undefined, hot: undefined };
  const listeners = new Set<() => void>();
  const update = (next: LayerSnapshot) => {
    snapshot = next;
    for (const listener of listeners) listener();
  };
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setFrame(frame) {
      // Scrolling redraws often with nothing changed for the layer (the same slice re-rendered): no re-render then.
      if (!sameFrame(snapshot.frame, frame)) update({ ...snapshot, frame });
    },
    setLive(live) {
      if (live !== snapshot.live) update({ ...snapshot, live });
    },
    setPending(pending) {
      if (pending !== snapshot.pending) update({ ...snapshot, pending });
    },
    setHot(hot) {
      // Every pointer move asks: only a change of handle re-renders the layer.
      if (hot?.shapeId !== snapshot.hot?.shapeId || hot?.handle !== snapshot.hot?.handle) update({ ...snapshot, hot });
    },
  };
}
