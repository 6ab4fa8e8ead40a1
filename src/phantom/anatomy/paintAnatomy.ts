// The normal anatomy of one axial slice, painted back to front: what is painted later covers what is under
// it, so the order below is the anatomy's "in front of" relation (e.g. the liver's left lobe over the stomach,
// the muscle wall over anything that would poke through it).
import type { HuCanvas } from '../huCanvas';
import { paintColon } from './colon';
import { paintMuscles } from './muscles';
import { paintSkeleton } from './skeleton';
import { paintSmallBowel } from './smallBowel';
import { paintKidneys, paintLiver, paintPancreas, paintSpleen } from './solidOrgans';
import { paintStomach } from './stomach';
import { paintThorax } from './thorax';
import { paintBody, paintCouch, paintWall } from './trunk';
import { paintVessels } from './vessels';

/**
 * Paints the patient's anatomy at height z (mm) onto a canvas filled with air. `variant` changes only what
 * moves between visits (bowel gas, gastric filling), so follow-ups are the same patient, not a copy.
 */
export function paintAnatomy(canvas: HuCanvas, z: number, variant: number): void {
  paintCouch(canvas);
  paintBody(canvas, z);
  paintThorax(canvas, z);
  paintSmallBowel(canvas, z, variant);
  paintColon(canvas, z, variant);
  paintStomach(canvas, z, variant);
  paintPancreas(canvas, z);
  paintLiver(canvas, z);
  paintSpleen(canvas, z);
  paintKidneys(canvas, z);
  paintVessels(canvas, z);
  paintWall(canvas, z);
  paintMuscles(canvas, z);
  paintSkeleton(canvas, z);
}
