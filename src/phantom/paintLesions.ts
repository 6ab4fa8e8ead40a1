// Lesions are painted over the normal anatomy with a slightly softer edge than organs, like real metastases.
import type { HuCanvas } from './huCanvas';
import { LESIONS } from './lesions';
import { ellipsoidSection } from './solids';
import type { StudyKey } from './studies';

const LESION_EDGE_MM = 2;

export function paintLesions(canvas: HuCanvas, z: number, study: StudyKey): void {
  for (const lesion of LESIONS) {
    const size = lesion.sizes[study];
    if (size === null) continue;
    const section = ellipsoidSection(
      {
        centre: lesion.centre,
        a: size.longAxisMm / 2,
        b: size.shortAxisMm / 2,
        c: size.craniocaudalMm / 2,
        angleDeg: lesion.angleDeg,
        edgeMm: LESION_EDGE_MM,
      },
      z,
    );
    if (section !== null) canvas.paint(section, lesion.hu);
  }
}
