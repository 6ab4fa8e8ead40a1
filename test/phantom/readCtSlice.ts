// Test fixture: reads one written CT slice back with dcmjs and answers "what HU is at patient (x, y)?",
// using only what is in the file (ImagePositionPatient, PixelSpacing, RescaleIntercept/Slope).
import { readFileSync } from 'node:fs';
import dcmjs from 'dcmjs';

const { DicomMessage, DicomMetaDictionary } = dcmjs.data;

export interface CtSliceReading {
  readonly sopInstanceUid: string;
  readonly instanceNumber: number;
  readonly rows: number;
  readonly columns: number;
  readonly imagePosition: readonly [number, number, number];
  readonly pixelSpacing: number;
  /** Mean HU over a (2 * radiusPx + 1)^2 patch centred on the pixel nearest patient (x, y). */
  meanHu(x: number, y: number, radiusPx?: number): number;
  /** HU of a pixel by column and row. */
  huAtPixel(column: number, row: number): number;
}

const numbers = (value: unknown): number[] => (Array.isArray(value) ? value.map(Number) : [Number(value)]);

export function readCtSlice(path: string): CtSliceReading {
  const bytes = readFileSync(path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const dataset = DicomMetaDictionary.naturalizeDataset(DicomMessage.readFile(buffer).dict);
  const rows = Number(dataset['Rows']);
  const columns = Number(dataset['Columns']);
  const [x0, y0, z0] = numbers(dataset['ImagePositionPatient']) as [number, number, number];
  const [rowSpacing, columnSpacing] = numbers(dataset['PixelSpacing']) as [number, number];
  if (rowSpacing !== columnSpacing) throw new Error('This fixture only reads square pixels');
  const slope = Number(dataset['RescaleSlope']);
  const intercept = Number(dataset['RescaleIntercept']);
  const pixelData = dataset['PixelData'];
  if (!Array.isArray(pixelData) || !(pixelData[0] instanceof ArrayBuffer)) throw new Error('No PixelData');
  const stored = new Int16Array(pixelData[0]);
  const huAtPixel = (column: number, row: number): number => {
    if (column < 0 || row < 0 || column >= columns || row >= rows) {
      throw new Error(`Pixel ${column},${row} is outside the image`);
    }
    return (stored[row * columns + column] as number) * slope + intercept;
  };
  return {
    sopInstanceUid: String(dataset['SOPInstanceUID']),
    instanceNumber: Number(dataset['InstanceNumber']),
    rows,
    columns,
    imagePosition: [x0, y0, z0],
    pixelSpacing: rowSpacing,
    huAtPixel,
    meanHu(x, y, radiusPx = 2) {
      const column = Math.round((x - x0) / columnSpacing);
      const row = Math.round((y - y0) / rowSpacing);
      let sum = 0;
      let count = 0;
      for (let j = row - radiusPx; j <= row + radiusPx; j++) {
        for (let i = column - radiusPx; i <= column + radiusPx; i++) {
          sum += huAtPixel(i, j);
          count++;
        }
      }
      return sum / count;
    },
  };
}
