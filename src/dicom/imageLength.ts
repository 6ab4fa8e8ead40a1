// Pixels become millimetres here and nowhere else (STYLE.md, principle 2): a distance between two points of an
// image, with PixelSpacing's row spacing down the columns and column spacing along the rows (PS3.3 10.7.1.3).
import type { PixelSpacingMm } from './ctInstance';

export interface PixelPoint {
  readonly x: number;
  readonly y: number;
}

export function distanceMm(start: PixelPoint, end: PixelPoint, spacing: PixelSpacingMm): number {
  const across = (end.x - start.x) * spacing.column;
  const down = (end.y - start.y) * spacing.row;
  return Math.hypot(across, down);
}

/** Millimetres to whole tenths, as shown (one decimal) and as the engine receives them. */
export const roundToTenthMm = (mm: number): number => Math.round(mm * 10) / 10;
