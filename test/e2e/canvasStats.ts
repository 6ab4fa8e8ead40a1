// Runs in the page: what is on the viewport's canvas, summarised so a test can tell an image from a blank.

export interface CanvasStats {
  readonly width: number;
  readonly height: number;
  /** Distinct grey levels (red channel; the image is greyscale). */
  readonly greyLevels: number;
  /** Share of pixels brighter than near-black. */
  readonly nonBlackFraction: number;
  /** A hash of all pixels: equal hashes mean the same picture. */
  readonly hash: string;
}

/**
 * The canvas of viewport `index` (0: the first, or only, pane). Passed to page.evaluate, so it must be
 * self-contained (no imports, no closures).
 */
export function readViewportCanvas(index = 0): CanvasStats | null {
  const canvas = document.querySelectorAll<HTMLCanvasElement>('[data-testid="viewport"] canvas')[index];
  const context = canvas?.getContext('2d');
  if (!canvas || !context || canvas.width === 0 || canvas.height === 0) return null;
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  const levels = new Set<number>();
  let nonBlack = 0;
  let h1 = 0x811c9dc5;
  let h2 = 0;
  for (let i = 0; i < data.length; i += 4) {
    const v = data[i] ?? 0;
    levels.add(v);
    if (v > 10) nonBlack++;
    h1 = Math.imul(h1 ^ v, 16777619) >>> 0;
    h2 = (h2 * 31 + v) >>> 0;
  }
  return {
    width: canvas.width,
    height: canvas.height,
    greyLevels: levels.size,
    nonBlackFraction: nonBlack / (data.length / 4),
    hash: `${h1.toString(16)}-${h2.toString(16)}`,
  };
}
