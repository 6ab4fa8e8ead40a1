// A vertical scrollbar beside the image: shows where the slice is in the stack, and sets it by click, drag, wheel
// or keys. Custom (not a range input) so slice 1 is at the top and the keys move as they do in the viewport.
import { useRef, type CSSProperties, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import { sliceIndexForKey, wheelStep } from '../../viewer/stackNavigation';
import { MIN_THUMB_PX, sliceAtPointer, thumbFraction } from './scrollbarMath';

export interface SliceScrollbarProps {
  readonly index: number;
  readonly count: number;
  readonly onIndexChange: (index: number) => void;
  /** Accessible value text for the current slice, e.g. "Slice 12 of 40, 45.0 mm". */
  readonly valueText: string;
  readonly label: string;
}

export function SliceScrollbar({ index, count, onIndexChange, valueText, label }: SliceScrollbarProps) {
  const trackRef = useRef<HTMLDivElement>(null);
  const dragging = useRef<number | null>(null);
  const wheelCarry = useRef(0);

  const go = (next: number) => {
    if (next !== index) onIndexChange(next);
  };
  const sliceAt = (event: PointerEvent<HTMLElement>) => {
    const box = trackRef.current?.getBoundingClientRect();
    return box ? sliceAtPointer(event.clientY - box.top, box.height, count) : index;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || dragging.current !== null) return;
    dragging.current = event.pointerId;
    event.currentTarget.setPointerCapture(event.pointerId);
    go(sliceAt(event));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current === event.pointerId) go(sliceAt(event));
  };
  const endDrag = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current === event.pointerId) dragging.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = sliceIndexForKey(event.key, index, count);
    if (next === undefined || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    go(next);
  };
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    const { step, carryPx } = wheelStep(wheelCarry.current, event.deltaY, event.deltaMode);
    wheelCarry.current = carryPx;
    go(Math.min(count - 1, Math.max(0, index + step)));
  };

  // Thumb size and position are computed by CSS from the track's own height (theme.css, the same rule as
  // scrollbarMath.thumbPx), so a resize needs no re-render.
  const thumbVars = {
    '--slice-count': Math.max(1, count),
    '--slice-fraction': thumbFraction(index, count),
    '--thumb-min': `${MIN_THUMB_PX}px`,
  } as CSSProperties;
  return (
    <div
      className="slice-scrollbar"
      role="slider"
      aria-label={label}
      aria-orientation="vertical"
      aria-valuemin={1}
      aria-valuemax={count}
      aria-valuenow={index + 1}
      aria-valuetext={valueText}
      tabIndex={0}
      data-testid="slice-scrollbar"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onLostPointerCapture={endDrag}
      onKeyDown={onKeyDown}
      onWheel={onWheel}
      onMouseDown={(event) => event.preventDefault()}
    >
      <div ref={trackRef} className="slice-scrollbar__track">
        <div className="slice-scrollbar__thumb" style={thumbVars} />
      </div>
    </div>
  );
}
