// The great vessels: aorta left of the midline in front of the spine, the IVC to its right, the mesenteric
// vessels in front, the portal vein into the liver hilum, and the iliac vessels below the bifurcation.
import type { HuCanvas } from '../huCanvas';
import { SoftEllipse } from '../shapes';
import { tubeSection, type TubeSpec } from '../solids';
import { HU } from './tissue';

const AORTIC_BIFURCATION_Z = -64;
const IVC_CONFLUENCE_Z = -70;

const AORTA: TubeSpec = {
  from: { x: 14, y: 32, z: 140 },
  to: { x: 10, y: 20, z: AORTIC_BIFURCATION_Z },
  radiusMm: 11.5,
};

interface Vessel {
  readonly tube: TubeSpec;
  readonly hu: number;
}

const BRANCHES: readonly Vessel[] = [
  // Common iliac arteries and veins below the bifurcation.
  { tube: { from: AORTA.to, to: { x: 52, y: 20, z: -140 }, radiusMm: 6.5 }, hu: HU.aorta },
  { tube: { from: AORTA.to, to: { x: -36, y: 22, z: -140 }, radiusMm: 6.5 }, hu: HU.aorta },
  { tube: { from: { x: -22, y: 40, z: IVC_CONFLUENCE_Z }, to: { x: -44, y: 36, z: -140 }, radiusMm: 7.5 }, hu: HU.ivc },
  { tube: { from: { x: -22, y: 40, z: IVC_CONFLUENCE_Z }, to: { x: 36, y: 40, z: -140 }, radiusMm: 7.5 }, hu: HU.ivc },
  // Superior mesenteric artery, and the vein to its right joining the portal vein behind the pancreas neck.
  { tube: { from: { x: 12, y: 14, z: 20 }, to: { x: 6, y: -14, z: -100 }, radiusMm: 3.8 }, hu: HU.aorta },
  { tube: { from: { x: -6, y: -2, z: 12 }, to: { x: -12, y: -22, z: -100 }, radiusMm: 5.5 }, hu: HU.ivc },
  { tube: { from: { x: -6, y: -2, z: 12 }, to: { x: -30, y: 10, z: 30 }, radiusMm: 7 }, hu: HU.portalVein },
  // Suprahepatic IVC, running up to the right atrium.
  { tube: { from: { x: -10, y: 34, z: 140 }, to: { x: -22, y: 32, z: 84 }, radiusMm: 11 }, hu: HU.ivc },
];

/** The infrahepatic IVC is flattened side to side, so it is an ellipse, not a tube. */
function ivcSection(z: number): SoftEllipse | null {
  if (z > 84 || z < IVC_CONFLUENCE_Z) return null;
  const t = (84 - z) / (84 - IVC_CONFLUENCE_Z);
  return new SoftEllipse(-22, 32 + 8 * t, 13, 9.5, 0.2);
}

/** Small calcified plaques in the posterior aortic wall of an older patient. */
const PLAQUE_LEVELS = [-22, -38, -52];

export function paintVessels(canvas: HuCanvas, z: number): void {
  const ivc = ivcSection(z);
  if (ivc !== null) canvas.paint(ivc, HU.ivc);
  for (const { tube, hu } of BRANCHES) {
    const section = tubeSection(tube, z);
    if (section !== null) canvas.paint(section, hu);
  }
  const aorta = tubeSection(AORTA, z);
  if (aorta === null) return;
  canvas.paint(aorta, HU.aorta);
  if (PLAQUE_LEVELS.some((level) => Math.abs(z - level) < 3)) {
    canvas.paint(new SoftEllipse(aorta.cx + 6, aorta.cy + 9, 3.5, 1.6, 0.6, 1), HU.calcification);
  }
}
