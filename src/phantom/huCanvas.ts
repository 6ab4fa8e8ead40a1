// One axial image under construction, in Hounsfield units, painted back to front like a painter's canvas:
// each structure is blended over what is already there by its coverage, so organs sit in fat and lesions in
// organs without any 3-D label volume.
import type { Shape } from './shapes';

/** Where the pixels are: pixel (column i, row j) has its centre at (x0 + i * spacing, y0 + j * spacing) mm. */
export interface PixelGrid {
  readonly columns: number;
  readonly rows: number;
  readonly pixelSpacingMm: number;
  /** Patient x, y (mm) of the centre of the first pixel: ImagePositionPatient for the identity orientation. */
  readonly x0Mm: number;
  readonly y0Mm: number;
}

export class HuCanvas {
  readonly hu: Float32Array;

  constructor(
    readonly grid: PixelGrid,
    fillHu: number,
  ) {
    this.hu = new Float32Array(grid.columns * grid.rows).fill(fillHu);
  }

  /** Blends `valueHu` over the image where `shape` covers it. */
  paint(shape: Shape, valueHu: number): void {
    const { columns, rows, pixelSpacingMm: s, x0Mm, y0Mm } = this.grid;
    const b = shape.bounds;
    const iMin = Math.max(0, Math.floor((b.xMin - x0Mm) / s));
    const iMax = Math.min(columns - 1, Math.ceil((b.xMax - x0Mm) / s));
    const jMin = Math.max(0, Math.floor((b.yMin - y0Mm) / s));
    const jMax = Math.min(rows - 1, Math.ceil((b.yMax - y0Mm) / s));
    const hu = this.hu;
    for (let j = jMin; j <= jMax; j++) {
      const y = y0Mm + j * s;
      const rowStart = j * columns;
      for (let i = iMin; i <= iMax; i++) {
        const a = shape.alpha(x0Mm + i * s, y);
        if (a > 0) {
          const index = rowStart + i;
          const current = hu[index] as number;
          hu[index] = current + (valueHu - current) * a;
        }
      }
    }
  }
}
