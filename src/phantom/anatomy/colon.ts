// The colon: ascending on the right flank, the transverse colon hanging in front, descending on the left.
// It holds mottled stool with gas in front.
import type { HuCanvas } from '../huCanvas';
import { between, mulberry32, seedFromName } from '../prng';
import { AnteriorOf, Clipped, SoftEllipse } from '../shapes';
import { ellipsoidSection, tubeSection, type EllipsoidSpec, type TubeSpec } from '../solids';
import { BOWEL_WALL_MM } from './lumen';
import { HU } from './tissue';

/** Ascending and descending colon as tubes; the hepatic flexure and transverse colon as a chain of haustra. */
const COLON_TUBES: readonly TubeSpec[] = [
  { from: { x: -106, y: 14, z: -110 }, to: { x: -102, y: 6, z: -22 }, radiusMm: 21 },
  { from: { x: 106, y: 20, z: 32 }, to: { x: 110, y: 28, z: -110 }, radiusMm: 16 },
];
const COLON_HAUSTRA: readonly EllipsoidSpec[] = [
  { centre: { x: -96, y: -8, z: -16 }, a: 24, b: 20, c: 14 },
  { centre: { x: -68, y: -52, z: -12 }, a: 24, b: 17, c: 15, angleDeg: 30 },
  { centre: { x: -28, y: -68, z: -8 }, a: 23, b: 17, c: 15, angleDeg: 8 },
  { centre: { x: 12, y: -70, z: -5 }, a: 23, b: 17, c: 15 },
  { centre: { x: 52, y: -60, z: -1 }, a: 23, b: 17, c: 15, angleDeg: -20 },
  { centre: { x: 86, y: -34, z: 6 }, a: 21, b: 17, c: 16, angleDeg: -55 },
  { centre: { x: 102, y: 2, z: 18 }, a: 18, b: 16, c: 18, angleDeg: -80 },
];

/** Stool is mottled: small gas bubbles in a soft-tissue paste, different on every slice. */
function paintStoolBubbles(canvas: HuCanvas, lumen: SoftEllipse, seedName: string): void {
  const uniform = mulberry32(seedFromName(seedName));
  const count = Math.floor((lumen.a * lumen.b) / 40);
  for (let i = 0; i < count; i++) {
    const angle = between(uniform, 0, 2 * Math.PI);
    const reach = Math.sqrt(uniform()) * 0.9;
    const x = lumen.cx + Math.cos(angle) * reach * lumen.a;
    const y = lumen.cy + Math.sin(angle) * reach * lumen.b;
    const r = between(uniform, 0.8, 2.2);
    canvas.paint(new Clipped(new SoftEllipse(x, y, r, r * between(uniform, 0.6, 1), 0, 1), lumen), HU.air);
  }
}

/** One cut of the colon. It lies well inside the flanks, so the wall painted later trims it if needed. */
function paintColonSection(canvas: HuCanvas, outer: SoftEllipse, variant: number, seedName: string): void {
  canvas.paint(outer, HU.bowelWall);
  const lumen = outer.inset(BOWEL_WALL_MM);
  if (lumen === null) return;
  canvas.paint(lumen, HU.stool);
  paintStoolBubbles(canvas, lumen, seedName);
  const { yMin, yMax } = lumen.bounds;
  const level = yMin + (yMax - yMin) * (0.35 + 0.1 * (variant % 2));
  canvas.paint(new Clipped(lumen, new AnteriorOf(level)), HU.air);
}

export function paintColon(canvas: HuCanvas, z: number, variant: number): void {
  const sections = [
    ...COLON_TUBES.map((tube) => tubeSection(tube, z)),
    ...COLON_HAUSTRA.map((haustrum) => ellipsoidSection(haustrum, z)),
  ];
  sections.forEach((section, index) => {
    if (section !== null) paintColonSection(canvas, section, variant, `stool/${index}/${variant}/${z}`);
  });
}
