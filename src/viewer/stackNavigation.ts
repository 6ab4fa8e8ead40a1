// Which slice to show next, from a key or a wheel turn. Pure, so each rule has a test without a browser.

/** Keys that move through a stack; any other key is left to the page. */
export function sliceIndexForKey(key: string, index: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  // A page is a tenth of the stack, so PageDown crosses a 40-slice abdomen in ten presses, a 400-slice one likewise.
  const page = Math.max(1, Math.round(count / 10));
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowDown': return clamp(index + 1);
    case 'ArrowUp': return clamp(index - 1);
    case 'PageDown': return clamp(index + page);
    case 'PageUp': return clamp(index - page);
    case 'Home': return 0;
    case 'End': return count - 1;
    default: return undefined;
  }
}

// WheelEvent.deltaMode values (UI Events): pixels, lines, pages; lines and pages converted to rough pixels.
const PIXELS_PER_UNIT = [1, 40, 800] as const;
/** Below this, a wheel event is a trackpad's small step and accumulates; at or above, it is one mouse notch. */
const STEP_PX = 40;

export interface WheelResult {
  /** -1 (towards the first slice), 0 or +1. */
  readonly step: -1 | 0 | 1;
  /** Unused trackpad movement, to pass into the next call. */
  readonly carryPx: number;
}

/**
 * One slice per mouse-wheel notch whatever the browser's notch size (Chromium 100 or 53 px, Firefox 3 lines), and
 * one slice per STEP_PX of accumulated trackpad movement. Scrolling down (positive delta) goes to the next slice.
 */
export function wheelStep(carryPx: number, deltaY: number, deltaMode: number): WheelResult {
  const px = deltaY * (PIXELS_PER_UNIT[deltaMode as 0 | 1 | 2] ?? 1);
  if (px === 0) return { step: 0, carryPx };
  if (Math.abs(px) >= STEP_PX) return { step: px > 0 ? 1 : -1, carryPx: 0 };
  // A change of direction drops what was carried, so a trackpad reversal responds at once.
  const total = Math.sign(px) === Math.sign(carryPx) ? carryPx + px : px;
  if (Math.abs(total) >= STEP_PX) return { step: total > 0 ? 1 : -1, carryPx: total - Math.sign(total) * STEP_PX };
  return { step: 0, carryPx: total };
}
