// The stomach: fundus and body under the left dome, the antrum crossing in front of the pancreas; gastric
// fluid with a gas cap whose size changes from visit to visit.
import type { HuCanvas } from '../huCanvas';
import { ellipsoidSection, type EllipsoidSpec } from '../solids';
import { paintLumen } from './lumen';
import { HU } from './tissue';
import { trunkAt } from './trunk';

const GASTRIC_WALL_MM = 4;

const STOMACH: readonly EllipsoidSpec[] = [
  { centre: { x: 58, y: -14, z: 58 }, a: 50, b: 40, c: 32, angleDeg: -30 },
  { centre: { x: 14, y: -58, z: 30 }, a: 44, b: 18, c: 16, angleDeg: -8 },
];

export function paintStomach(canvas: HuCanvas, z: number, variant: number): void {
  const gasFraction = 0.25 + 0.1 * (variant % 3);
  const { cavity } = trunkAt(z);
  for (const part of STOMACH) {
    const section = ellipsoidSection(part, z);
    if (section === null) continue;
    paintLumen(canvas, section, { fluidHu: HU.gastricContents, gasFraction }, GASTRIC_WALL_MM, cavity);
  }
}

