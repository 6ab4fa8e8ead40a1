// Muscles around the spine: psoas (appearing at L1 and thickening downwards), quadratus lumborum behind the
// kidneys, and the erector spinae behind the posterior elements.
import type { HuCanvas } from '../huCanvas';
import { SoftEllipse } from '../shapes';
import { profile } from './profile';
import { HU } from './tissue';

const PSOAS_TOP_Z = 26;
const psoasRadius = profile([[PSOAS_TOP_Z, 5], [0, 13], [-50, 20], [-100, 25]]);
const psoasOffsetX = profile([[PSOAS_TOP_Z, 26], [-100, 44]]);

export function paintMuscles(canvas: HuCanvas, z: number): void {
  for (const side of [-1, 1]) {
    if (z < PSOAS_TOP_Z) {
      const r = psoasRadius(z);
      canvas.paint(new SoftEllipse(side * psoasOffsetX(z), 48 - 0.04 * (PSOAS_TOP_Z - z), r * 0.9, r), HU.muscle);
    }
    if (z < 34 && z > -96) {
      canvas.paint(new SoftEllipse(side * 64, 86, 24, 9, side * -0.45), HU.muscle);
    }
    const erector = z > 50 ? { a: 24, b: 16 } : { a: 28, b: 18 };
    canvas.paint(new SoftEllipse(side * 32, 88, erector.a, erector.b, side * 0.25), HU.muscle);
  }
}
