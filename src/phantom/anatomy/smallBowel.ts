// Small bowel: fluid-filled loops packed through the mid and lower abdomen, some with gas, the duodenum by the
// pancreatic head, and small mesenteric vessels in the fat between the loops.
import type { HuCanvas } from '../huCanvas';
import { between, mulberry32, seedFromName } from '../prng';
import { tubeSection, type TubeSpec } from '../solids';
import { BOWEL_WALL_MM, paintLumen, type Contents } from './lumen';
import { HU } from './tissue';
import { trunkAt } from './trunk';

const DUODENUM: TubeSpec = { from: { x: -30, y: -8, z: 22 }, to: { x: -40, y: 8, z: -14 }, radiusMm: 10 };

/**
 * Small-bowel loops packed through the abdomen from a fixed seed. They are painted before the solid organs, so
 * the liver, kidneys and vessels cover any loop that strays into them; only the retroperitoneum behind
 * y = 6 mm (aorta, IVC, the para-aortic node) is kept clear near the midline.
 */
const SMALL_BOWEL: readonly TubeSpec[] = (() => {
  const uniform = mulberry32(seedFromName('small-bowel'));
  const loops: TubeSpec[] = [];
  while (loops.length < 190) {
    const x = between(uniform, -125, 125);
    const y = between(uniform, -100, 40);
    const z = between(uniform, -105, 38);
    const radiusMm = between(uniform, 10, 15);
    const u = x / 125;
    const v = (y + 20) / 85;
    const behindLimit = Math.abs(x) < 62 ? 6 : 34;
    if (u * u + v * v > 1 || y + radiusMm > behindLimit) continue;
    if (z > 8 && x < 20) continue; // the liver and stomach own the upper abdomen
    const azimuth = between(uniform, 0, 2 * Math.PI);
    const rise = between(uniform, 0.5, 1);
    const flat = Math.sqrt(1 - rise * rise);
    const half = between(uniform, 14, 30);
    const d = { x: Math.cos(azimuth) * flat * half, y: Math.sin(azimuth) * flat * half, z: rise * half };
    loops.push({ from: { x: x - d.x, y: y - d.y, z: z - d.z }, to: { x: x + d.x, y: y + d.y, z: z + d.z }, radiusMm });
  }
  return loops;
})();

/** Small mesenteric vessels fanning out from the SMA/SMV root, seen as dots in the fat between loops. */
const MESENTERIC_VESSELS: readonly TubeSpec[] = (() => {
  const uniform = mulberry32(seedFromName('mesenteric-vessels'));
  return Array.from({ length: 40 }, () => {
    const angle = between(uniform, Math.PI * 0.55, Math.PI * 1.9);
    const reach = between(uniform, 40, 110);
    return {
      from: { x: 0, y: -10, z: between(uniform, -10, 10) },
      to: { x: Math.cos(angle) * reach, y: -10 + Math.sin(angle) * reach * 0.7, z: between(uniform, -110, -20) },
      radiusMm: between(uniform, 1.2, 2.2),
      edgeMm: 1.2,
    };
  });
})();

/** Bowel contents move between scans; `variant` (one per study) reshuffles which loops hold gas. */
function smallBowelContents(loop: number, variant: number): Contents {
  const u = mulberry32(seedFromName(`small-bowel/${loop}/${variant}`))();
  if (u < 0.75) return { fluidHu: HU.bowelFluid, gasFraction: 0 };
  if (u < 0.9) return { fluidHu: HU.bowelFluid, gasFraction: 0.3 };
  return { fluidHu: HU.bowelFluid, gasFraction: 1 };
}

export function paintSmallBowel(canvas: HuCanvas, z: number, variant: number): void {
  const { cavity } = trunkAt(z);
  for (const vessel of MESENTERIC_VESSELS) {
    const section = tubeSection(vessel, z);
    if (section !== null) canvas.paint(section, HU.mesentericVessel);
  }
  SMALL_BOWEL.forEach((loop, index) => {
    const section = tubeSection(loop, z);
    if (section !== null) paintLumen(canvas, section, smallBowelContents(index, variant), BOWEL_WALL_MM, cavity);
  });
  const duodenum = tubeSection(DUODENUM, z);
  if (duodenum !== null) {
    paintLumen(canvas, duodenum, { fluidHu: HU.bowelFluid, gasFraction: 0.2 }, BOWEL_WALL_MM, cavity);
  }
}
