// Lower thoracic and lumbar spine with discs, posterior elements and transverse processes, and the lower
// ribs, which run obliquely down and forwards so each axial slice cuts them into short arcs in the wall.
import type { HuCanvas } from '../huCanvas';
import { SoftEllipse } from '../shapes';
import { profile } from './profile';
import { HU } from './tissue';
import { trunkAt } from './trunk';

/** One vertebra plus disc every 35 mm; disc centres at z = 70, 35, 0, -35, -70 (T11/12 ... L3/4). */
const SEGMENT_MM = 35;
const DISC_CENTRE_Z = 70;
const DISC_HALF_HEIGHT_MM = 4;

/** Signed height above the nearest disc centre below, in [0, SEGMENT_MM). */
function heightAboveDisc(z: number): number {
  const h = (z - DISC_CENTRE_Z) % SEGMENT_MM;
  return h < 0 ? h + SEGMENT_MM : h;
}

export function isDiscLevel(z: number): boolean {
  const h = heightAboveDisc(z);
  return h < DISC_HALF_HEIGHT_MM || SEGMENT_MM - h < DISC_HALF_HEIGHT_MM;
}

/** Vertebral bodies grow from the thoracic to the lumbar spine. */
const bodyHalfWidth = profile([[100, 19], [40, 22], [-100, 25]]);
const bodyHalfDepth = profile([[100, 16], [40, 18], [-100, 19]]);
export const VERTEBRAL_BODY_CENTRE = { x: 0, y: 50 } as const;
const CORTEX_MM = 2;

function paintVertebra(canvas: HuCanvas, z: number): void {
  const { x, y } = VERTEBRAL_BODY_CENTRE;
  const body = new SoftEllipse(x, y, bodyHalfWidth(z), bodyHalfDepth(z));
  if (isDiscLevel(z)) {
    canvas.paint(body, HU.disc);
  } else {
    canvas.paint(body, HU.corticalBone);
    const marrow = body.inset(CORTEX_MM);
    if (marrow !== null) canvas.paint(marrow, HU.cancellousBone);
  }
  // Pedicles, the neural arch around the canal, and the spinous process.
  for (const side of [-1, 1]) canvas.paint(new SoftEllipse(side * 12, 67, 5, 8), HU.posteriorElements);
  canvas.paint(new SoftEllipse(0, 80, 17, 14), HU.posteriorElements);
  canvas.paint(new SoftEllipse(0, 78, 9, 8.5), HU.csf);
  canvas.paint(new SoftEllipse(0, 100, 4.5, 12.5), HU.posteriorElements);
  // Lumbar transverse processes show on the upper part of each vertebra.
  const h = heightAboveDisc(z);
  if (z < 35 && h > 10 && h < 22) {
    for (const side of [-1, 1]) {
      canvas.paint(new SoftEllipse(side * 32, 76, 17, 4.5, side * 0.2), HU.posteriorElements);
    }
  }
}

interface Rib {
  /** Height where the rib leaves the spine (angle RIB_START_ANGLE) and where its front end is. */
  readonly posteriorZ: number;
  readonly endZ: number;
  /** How far round the wall the rib reaches (0 = straight back, pi = straight forward). */
  readonly endAngle: number;
}

/** Ribs 5 to 12. The 11th and 12th are short floating ribs; the others end in costal cartilage in front. */
const RIBS: readonly Rib[] = [
  { posteriorZ: 265, endZ: 88, endAngle: 2.9 },
  { posteriorZ: 235, endZ: 72, endAngle: 2.85 },
  { posteriorZ: 205, endZ: 52, endAngle: 2.75 },
  { posteriorZ: 175, endZ: 28, endAngle: 2.6 },
  { posteriorZ: 145, endZ: 6, endAngle: 2.4 },
  { posteriorZ: 115, endZ: -14, endAngle: 2.15 },
  { posteriorZ: 85, endZ: -4, endAngle: 1.6 },
  { posteriorZ: 55, endZ: 6, endAngle: 1.1 },
];
const RIB_START_ANGLE = 0.42;
const RIB_HALF_HEIGHT_MM = 5;
const RIB_HALF_THICKNESS_MM = 4;
/** Bone turns into costal cartilage this far (in radians) round the wall. */
const CARTILAGE_FROM_ANGLE = 2.3;

function paintRibs(canvas: HuCanvas, z: number): void {
  const { wall, cavity } = trunkAt(z);
  const a = (wall.a + cavity.a) / 2;
  const b = (wall.b + cavity.b) / 2;
  for (const rib of RIBS) {
    const slopeMmPerRad = (rib.posteriorZ - rib.endZ) / (rib.endAngle - RIB_START_ANGLE);
    const angle = RIB_START_ANGLE + (rib.posteriorZ - z) / slopeMmPerRad;
    if (angle < RIB_START_ANGLE || angle > rib.endAngle) continue;
    const sin = Math.sin(angle);
    const cos = Math.cos(angle);
    for (const side of [-1, 1]) {
      // Position on the mid-wall ellipse, and the tangent there: the rib is cut along the wall.
      const tx = side * a * cos;
      const ty = -b * sin;
      const tangentLength = Math.sqrt(tx * tx + ty * ty);
      const halfLength = (RIB_HALF_HEIGHT_MM / slopeMmPerRad) * tangentLength + RIB_HALF_THICKNESS_MM;
      const centreX = side * a * sin;
      const centreY = wall.cy + b * cos;
      const section = new SoftEllipse(centreX, centreY, halfLength, RIB_HALF_THICKNESS_MM, Math.atan2(ty, tx));
      if (angle > CARTILAGE_FROM_ANGLE) {
        canvas.paint(section, HU.cartilage);
        continue;
      }
      canvas.paint(section, HU.corticalBone);
      const marrow = section.inset(1.6);
      if (marrow !== null) canvas.paint(marrow, HU.cancellousBone);
    }
  }
}

/** The xiphoid process, in front, at the top of the range. */
function paintXiphoid(canvas: HuCanvas, z: number): void {
  if (z < 82) return;
  const { wall } = trunkAt(z);
  canvas.paint(new SoftEllipse(0, wall.cy - wall.b + 8, 11, 4), HU.sternum);
}

export function paintSkeleton(canvas: HuCanvas, z: number): void {
  paintRibs(canvas, z);
  paintXiphoid(canvas, z);
  paintVertebra(canvas, z);
}
