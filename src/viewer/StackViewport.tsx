// A React component around one viewport: enables the element on mount, shows slice `index` of `slices`, turns
// wheel and keys into index changes and mouse drags into window/level, zoom and pan, disables the element on
// unmount. Overlays come in as children; toolbar commands come in through the `ref` handle.
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import type { CtInstance } from '../dicom/ctInstance';
import { registerStack, type ImageStack } from './imageLoader';
import { sliceIndexForKey, wheelStep } from './stackNavigation';
import { usePointerTools } from './usePointerTools';
import { viewAfterCommand, type ViewCommand } from './viewCommand';
import { createViewportAdapter, type RenderedImage, type ViewportAdapter } from './viewportAdapter';
import { sameView, type ViewState } from './viewState';
import { zoomForWheel } from './zoomGesture';

export interface StackViewportHandle {
  /** Applies a toolbar or keyboard command (preset, fit, reset, invert) to the image shown. */
  apply(command: ViewCommand): void;
  focus(): void;
}

export interface StackViewportProps {
  readonly slices: readonly CtInstance[];
  readonly index: number;
  readonly onIndexChange: (index: number) => void;
  readonly onViewChange?: (view: ViewState) => void;
  /** Accessible name of the viewport, e.g. "Baseline CT, axial". */
  readonly label: string;
  /** Take keyboard focus once enabled, so arrow keys scroll without a click first. */
  readonly autoFocus?: boolean;
  readonly ref?: Ref<StackViewportHandle>;
  readonly children?: ReactNode;
}

export function StackViewport(props: StackViewportProps) {
  const { slices, index, onIndexChange, onViewChange, label, autoFocus = false, ref, children } = props;
  const frameRef = useRef<HTMLDivElement>(null);
  const canvasHostRef = useRef<HTMLDivElement>(null);
  const adapterRef = useRef<ViewportAdapter | null>(null);
  const stackRef = useRef<ImageStack | null>(null);
  const shownStackRef = useRef<ImageStack | null>(null);
  // Latest props for the native listeners, which are attached once.
  const latest = useRef({ index, count: slices.length, onIndexChange, onViewChange });
  latest.current = { index, count: slices.length, onIndexChange, onViewChange };
  const pointerTools = usePointerTools(canvasHostRef, adapterRef);

  useImperativeHandle(ref, () => ({
    apply(command) {
      const adapter = adapterRef.current;
      const view = adapter?.getView();
      const initialView = adapter?.getInitialView();
      const geometry = adapter?.getGeometry();
      if (!adapter || !view || !initialView || !geometry) return;
      adapter.setView(viewAfterCommand(command, view, { initialView, geometry }));
    },
    focus() {
      frameRef.current?.focus({ preventScroll: true });
    },
  }), []);

  // Enable on mount, disable on unmount. This and the next two are layout effects, run in this order: enabled,
  // then registered, then shown.
  useLayoutEffect(() => {
    const host = canvasHostRef.current;
    if (!host) return;
    let lastView: ViewState | undefined;
    const onRendered = ({ imageId, view }: RenderedImage) => {
      const renderedIndex = stackRef.current?.imageIds.indexOf(imageId) ?? -1;
      // For tests and assistive tooling: which slice is on the canvas now (1-based), not just requested.
      if (frameRef.current) frameRef.current.dataset.renderedSlice = String(renderedIndex + 1);
      if (!sameView(view, lastView)) {
        lastView = view;
        latest.current.onViewChange?.(view);
      }
    };
    const adapter = createViewportAdapter(host, onRendered);
    adapterRef.current = adapter;
    if (autoFocus) frameRef.current?.focus({ preventScroll: true });
    return () => {
      adapter.destroy();
      adapterRef.current = null;
      shownStackRef.current = null;
    };
    // autoFocus is read once, at enable time, like the HTML attribute.
  }, []);

  // Register the series' images with the loader for as long as this series is shown.
  useLayoutEffect(() => {
    const stack = registerStack(slices);
    stackRef.current = stack;
    return () => {
      stack.release();
      if (stackRef.current === stack) stackRef.current = null;
    };
  }, [slices]);

  // Show the requested slice; a new series resets window and zoom, a new slice of the same series keeps them.
  // A layout effect, so the image reaches cornerstone before the browser paints: a passive effect may run after the
  // next frame for wheel (continuous) events, which would cost a frame per slice. cornerstone then draws it in its
  // own animation frame, at most once per frame however many slices were asked for meanwhile.
  useLayoutEffect(() => {
    const adapter = adapterRef.current;
    const stack = stackRef.current;
    const imageId = stack?.imageIds[index];
    if (!adapter || !stack || imageId === undefined) return;
    const resetView = shownStackRef.current !== stack;
    shownStackRef.current = stack;
    adapter.show(imageId, { resetView }).catch((error: unknown) => {
      // Only our own ids reach the loader, so a failure here is a bug: surface it, do not swallow it.
      console.error('StackViewport: could not show', imageId, error);
    });
  }, [slices, index]);

  // Wheel: a native, non-passive listener, so the page does not scroll (or zoom, with Ctrl) while the user scrolls
  // slices (or zooms the image, with Ctrl: also what a trackpad pinch sends).
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    let carryPx = 0;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      if (event.ctrlKey) {
        const adapter = adapterRef.current;
        const view = adapter?.getView();
        const geometry = adapter?.getGeometry();
        const box = canvasHostRef.current?.getBoundingClientRect();
        if (!adapter || !view || !geometry || !box) return;
        const point = { x: event.clientX - box.left, y: event.clientY - box.top };
        adapter.setView(zoomForWheel(view, geometry, point, event.deltaY, event.deltaMode));
        return;
      }
      const result = wheelStep(carryPx, event.deltaY, event.deltaMode);
      carryPx = result.carryPx;
      const { index: current, count, onIndexChange: change } = latest.current;
      const next = Math.min(count - 1, Math.max(0, current + result.step));
      if (next !== current) change(next);
    };
    frame.addEventListener('wheel', onWheel, { passive: false });
    return () => frame.removeEventListener('wheel', onWheel);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const next = sliceIndexForKey(event.key, index, slices.length);
    if (next === undefined) return;
    event.preventDefault();
    if (next !== index) onIndexChange(next);
  };

  return (
    <div
      ref={frameRef}
      className="stack-viewport"
      data-testid="viewport"
      role="application"
      aria-label={label}
      aria-roledescription="image stack viewer"
      tabIndex={0}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
      {...pointerTools}
    >
      {/* cornerstone owns this element's children (its canvas); React never renders into it. */}
      <div ref={canvasHostRef} className="stack-viewport__canvas" />
      <div className="stack-viewport__overlay">{children}</div>
    </div>
  );
}
