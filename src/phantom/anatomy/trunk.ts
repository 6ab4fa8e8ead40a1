// The trunk: skin outline, subcutaneous fat, the muscular wall and the CT couch. Levels run from the lung
// bases (z = +100 mm) down to the lower abdomen (z = -100 mm); the table centre is x = y = 0.
import type { HuCanvas } from '../huCanvas';
import { AnteriorOf, Clipped, Ring, SoftEllipse, type Shape } from '../shapes';
import { profile } from './profile';
import { HU } from './tissue';

/** Semi-axes of the skin outline: a little narrower at the lower chest, widest over the flanks. */
const bodyHalfWidth = profile([[110, 156], [60, 160], [0, 165], [-100, 168]]);
const bodyHalfDepth = profile([[110, 118], [40, 124], [-40, 126], [-100, 122]]);
/** Subcutaneous fat and muscle thickness: a thin intercostal layer above, the abdominal wall below. */
const fatThickness = profile([[110, 12], [40, 17], [-100, 20]]);
const wallThickness = profile([[110, 7], [40, 9], [-100, 11]]);
/** The body's centre sits above the table centre. */
const BODY_CENTRE_Y = 0;
/** A supine patient's back is flattened by the couch: the skin stops here. */
const BACK_Y = 112;
const BACK_FAT_MM = 12;

export interface TrunkOutline {
  readonly skin: SoftEllipse;
  /** The outer surface of the muscle wall. */
  readonly wall: SoftEllipse;
  /** The inner surface of the wall: everything in the abdominal or thoracic cavity stays inside it. */
  readonly cavity: SoftEllipse;
}

export function trunkAt(z: number): TrunkOutline {
  const a = bodyHalfWidth(z);
  const b = bodyHalfDepth(z);
  const fat = fatThickness(z);
  const wall = wallThickness(z);
  return {
    skin: new SoftEllipse(0, BODY_CENTRE_Y, a, b),
    wall: new SoftEllipse(0, BODY_CENTRE_Y, a - fat, b - fat * 0.8),
    cavity: new SoftEllipse(0, BODY_CENTRE_Y, a - fat - wall, b - fat * 0.8 - wall),
  };
}

/** The skin outline with the flattened back. */
export function bodyShape(z: number): Shape {
  return new Clipped(trunkAt(z).skin, new AnteriorOf(BACK_Y));
}

/** The curved couch under the patient: a thin dense shell under a light foam mattress, as on every CT. */
export function paintCouch(canvas: HuCanvas): void {
  const centreY = 330;
  const mattressTop = new SoftEllipse(0, centreY, 232, 218);
  const shellTop = new SoftEllipse(0, centreY, 228, 214);
  const shellBottom = new SoftEllipse(0, centreY, 224, 210);
  canvas.paint(new Ring(mattressTop, shellTop), HU.couchFoam);
  canvas.paint(new Ring(shellTop, shellBottom), HU.couchShell);
}

export function paintBody(canvas: HuCanvas, z: number): void {
  canvas.paint(bodyShape(z), HU.fat);
}

/**
 * The muscle wall over the cavity, with the rectus muscles either side of the midline in front, and the
 * subcutaneous fat over it: together they trim anything in the cavity that would poke through the wall.
 */
export function paintWall(canvas: HuCanvas, z: number): void {
  const trunk = trunkAt(z);
  const wall = new Clipped(trunk.wall, new AnteriorOf(BACK_Y - BACK_FAT_MM));
  canvas.paint(new Ring(bodyShape(z), wall), HU.fat);
  canvas.paint(new Ring(wall, trunk.cavity), HU.muscle);
  if (z < 60) {
    const front = trunk.wall.cy - trunk.wall.b;
    const thickness = profile([[60, 3], [30, 6], [-100, 7]])(z);
    for (const side of [-1, 1]) {
      canvas.paint(new SoftEllipse(side * 38, front + thickness + 1, 34, thickness, side * 0.12), HU.muscle);
    }
  }
}
