// The lung bases and the inferior heart, seen on the top slices above the diaphragm. The liver and spleen
// domes are painted over the lungs afterwards, so the lungs become the crescents seen around them.
import type { HuCanvas } from '../huCanvas';
import { between, mulberry32, seedFromName } from '../prng';
import { Clipped, SoftEllipse } from '../shapes';
import { ellipsoidSection, tubeSection, type EllipsoidSpec, type TubeSpec } from '../solids';
import { HU } from './tissue';

type Side = -1 | 1; // -1: the patient's right (image left), +1: the patient's left

/** Where each posterior costophrenic recess ends, below the domes (the liver and spleen are painted over). */
const lungBottomZ = (side: Side): number => (side === -1 ? 42 : 46);
const LUNG_TOP_Z = 100;

/** One lung's outline at height z: filling the chest at the top, shrinking to the posterior recess. */
export function lungSection(side: Side, z: number): SoftEllipse | null {
  const bottom = lungBottomZ(side);
  if (z <= bottom) return null;
  const t = Math.min(1, (LUNG_TOP_Z - z) / (LUNG_TOP_Z - bottom));
  return new SoftEllipse(side * (74 + 10 * t), 12 + 58 * t, 70 - 30 * t, 92 - 70 * t, side * 0.12);
}

interface LungVessel {
  readonly side: Side;
  readonly tube: TubeSpec;
}

/**
 * Pulmonary vessels come down from the hila (above the scanned range) and spread out to the bases, so each
 * slice cuts them into dots and short dashes spread through both lungs, thicker near the middle.
 */
const lungVessels: readonly LungVessel[] = (() => {
  const uniform = mulberry32(seedFromName('lung-vessels'));
  const vessels: LungVessel[] = [];
  for (const side of [-1, 1] as const) {
    for (let i = 0; i < 80; i++) {
      const angle = between(uniform, 0, 2 * Math.PI);
      const reach = Math.sqrt(uniform());
      const x = side * 76 + Math.cos(angle) * reach * 62;
      const y = 20 + Math.sin(angle) * reach * 84;
      const endZ = between(uniform, lungBottomZ(side) - 4, 100);
      const hilumX = side * 45;
      vessels.push({
        side,
        tube: {
          from: { x: x + (hilumX - x) * 0.35, y: y + (10 - y) * 0.35, z: 140 },
          to: { x: x + (x - hilumX) * 0.15, y: y + (y - 10) * 0.15 + 20, z: endZ },
          radiusMm: between(uniform, 1.3, 2.4) + (1 - reach) * 2,
          edgeMm: 1.2,
        },
      });
    }
  }
  return vessels;
})();

/** The heart rests on the diaphragm, so its underside is flat. */
const heart: EllipsoidSpec = {
  centre: { x: 22, y: -38, z: 124 },
  a: 74,
  b: 56,
  c: 44,
  angleDeg: -32,
  flatBottom: true,
};
const pericardialFat: EllipsoidSpec = { ...heart, a: heart.a + 6, b: heart.b + 6, c: heart.c + 4 };
/** Contrast-filled left and right ventricles inside the myocardium. */
const ventricles: readonly EllipsoidSpec[] = [
  { centre: { x: 42, y: -36, z: 122 }, a: 30, b: 21, c: 36, angleDeg: -32, flatBottom: true },
  { centre: { x: 0, y: -62, z: 120 }, a: 34, b: 12, c: 32, angleDeg: -18, flatBottom: true },
];

export function paintThorax(canvas: HuCanvas, z: number): void {
  for (const side of [-1, 1] as const) {
    const lung = lungSection(side, z);
    if (lung === null) continue;
    canvas.paint(lung, HU.lung);
    for (const vessel of lungVessels) {
      if (vessel.side !== side) continue;
      const along = (vessel.tube.from.z - z) / (vessel.tube.from.z - vessel.tube.to.z);
      const section = tubeSection(vessel.tube, z, 1 - 0.55 * Math.min(1, Math.max(0, along)));
      if (section !== null) canvas.paint(new Clipped(section, lung), HU.lungVessel);
    }
  }
  const fat = ellipsoidSection(pericardialFat, z);
  if (fat !== null) canvas.paint(fat, HU.fat);
  const heartSection = ellipsoidSection(heart, z);
  if (heartSection !== null) canvas.paint(heartSection, HU.myocardium);
  for (const ventricle of ventricles) {
    const section = ellipsoidSection(ventricle, z);
    if (section !== null) canvas.paint(section, HU.bloodPool);
  }
}
