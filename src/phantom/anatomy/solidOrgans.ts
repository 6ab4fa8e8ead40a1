// Liver (with its veins), gallbladder, spleen, pancreas and kidneys as unions of ellipsoids. The liver is on
// the patient's right (negative x), so it shows on the image left, as radiologists read CT.
import type { HuCanvas } from '../huCanvas';
import { ellipsoidSection, tubeSection, type EllipsoidSpec, type TubeSpec } from '../solids';
import { HU } from './tissue';

/**
 * Right lobe (its dome, highest in front, up to z = 88), its inferior tip, the left lobe reaching over the
 * stomach, and the caudate. The posterior costophrenic recess of the lung stays below the dome's back.
 */
export const LIVER_PARTS: readonly EllipsoidSpec[] = [
  { centre: { x: -68, y: 6, z: 38 }, a: 80, b: 88, c: 50, driftY: -0.58, flatTop: true },
  { centre: { x: -98, y: 18, z: 0 }, a: 40, b: 56, c: 40, angleDeg: 10 },
  { centre: { x: 8, y: -44, z: 52 }, a: 72, b: 34, c: 30, angleDeg: -14 },
  { centre: { x: -20, y: 26, z: 36 }, a: 20, b: 16, c: 20 },
];

/** Hepatic veins converge on the IVC under the dome; portal branches spread from the hilum. */
const LIVER_VESSELS: readonly TubeSpec[] = [
  { from: { x: -20, y: 30, z: 80 }, to: { x: -112, y: 46, z: 18 }, radiusMm: 4.5 },
  { from: { x: -20, y: 30, z: 80 }, to: { x: -58, y: -30, z: 22 }, radiusMm: 4 },
  { from: { x: -18, y: 28, z: 80 }, to: { x: 10, y: -58, z: 46 }, radiusMm: 3.5 },
  { from: { x: -30, y: 10, z: 30 }, to: { x: -88, y: 22, z: 22 }, radiusMm: 5 },
  { from: { x: -30, y: 10, z: 30 }, to: { x: -14, y: -32, z: 40 }, radiusMm: 4 },
  { from: { x: -88, y: 22, z: 22 }, to: { x: -120, y: 40, z: 6 }, radiusMm: 3 },
];

const GALLBLADDER: EllipsoidSpec = { centre: { x: -46, y: -44, z: -6 }, a: 24, b: 15, c: 22, angleDeg: 60 };

const SPLEEN: EllipsoidSpec = { centre: { x: 88, y: 46, z: 52 }, a: 58, b: 28, c: 40, angleDeg: -60 };

const PANCREAS: readonly EllipsoidSpec[] = [
  { centre: { x: 42, y: 12, z: 22 }, a: 58, b: 11, c: 11, angleDeg: 27 },
  { centre: { x: -12, y: 10, z: 6 }, a: 20, b: 16, c: 16 },
];

interface Kidney {
  readonly whole: EllipsoidSpec;
  /** The renal sinus at the hilum, which faces forwards and inwards: fat round the collecting system. */
  readonly sinus: EllipsoidSpec;
  readonly pelvis: EllipsoidSpec;
}

function kidney(side: -1 | 1, centreZ: number): Kidney {
  const centre = { x: side * 72, y: 60, z: centreZ };
  const angleDeg = side === -1 ? 135 : 45;
  const hilum = (depthMm: number) => ({ x: centre.x - side * depthMm, y: centre.y - depthMm, z: centreZ });
  return {
    whole: { centre, a: 33, b: 25, c: 54, angleDeg },
    sinus: { centre: hilum(9), a: 13, b: 9, c: 26, angleDeg },
    pelvis: { centre: hilum(13), a: 7, b: 5, c: 12, angleDeg },
  };
}

const KIDNEYS: readonly Kidney[] = [kidney(-1, -20), kidney(1, -6)];

function paintEllipsoid(canvas: HuCanvas, spec: EllipsoidSpec, z: number, valueHu: number): void {
  const section = ellipsoidSection(spec, z);
  if (section !== null) canvas.paint(section, valueHu);
}

export function paintLiver(canvas: HuCanvas, z: number): void {
  for (const part of LIVER_PARTS) paintEllipsoid(canvas, part, z, HU.liver);
  for (const vessel of LIVER_VESSELS) {
    const section = tubeSection(vessel, z);
    if (section !== null) canvas.paint(section, HU.liverVessel);
  }
  paintEllipsoid(canvas, GALLBLADDER, z, HU.bile);
}

export function paintSpleen(canvas: HuCanvas, z: number): void {
  paintEllipsoid(canvas, SPLEEN, z, HU.spleen);
}

export function paintPancreas(canvas: HuCanvas, z: number): void {
  for (const part of PANCREAS) paintEllipsoid(canvas, part, z, HU.pancreas);
}

export function paintKidneys(canvas: HuCanvas, z: number): void {
  for (const { whole, sinus, pelvis } of KIDNEYS) {
    paintEllipsoid(canvas, whole, z, HU.kidney);
    paintEllipsoid(canvas, sinus, z, HU.renalSinusFat);
    paintEllipsoid(canvas, pelvis, z, HU.urine);
  }
}
