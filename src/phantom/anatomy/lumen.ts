// A hollow viscus cut by a slice: a soft-tissue wall round fluid, with gas floating to the front of a supine
// patient above a straight air-fluid level.
import type { HuCanvas } from '../huCanvas';
import { AnteriorOf, Clipped, type Shape, type SoftEllipse } from '../shapes';
import { HU } from './tissue';

export const BOWEL_WALL_MM = 2.5;

export interface Contents {
  readonly fluidHu: number;
  /** How much of the lumen's depth is gas, from 0 (none) to 1 (all gas). */
  readonly gasFraction: number;
}

/** Paints a hollow viscus whose outline on this slice is `outer`, kept inside the abdominal cavity. */
export function paintLumen(
  canvas: HuCanvas,
  outer: SoftEllipse,
  contents: Contents,
  wallMm: number,
  cavity: Shape,
): void {
  canvas.paint(new Clipped(outer, cavity), HU.bowelWall);
  const lumen = outer.inset(wallMm);
  if (lumen === null) return;
  canvas.paint(new Clipped(lumen, cavity), contents.fluidHu);
  if (contents.gasFraction <= 0) return;
  const { yMin, yMax } = lumen.bounds;
  const level = yMin + (yMax - yMin) * contents.gasFraction;
  canvas.paint(new Clipped(new Clipped(lumen, new AnteriorOf(level)), cavity), HU.air);
}
