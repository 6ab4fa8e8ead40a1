// The reference `npm run bench -- parse` times `recist inspect` against: dicom-parser used plainly, in plain
// JavaScript, for the same result: every file of a folder parsed, its pixel data read, the modality LUT applied to
// each stored value for min / max / mean, and the same JSON array printed. Native little-endian 16-bit greyscale
// only (what the benchmark series is): anything else is refused, so it never looks faster by doing less.
// Usage: node bench/plainInspect.mjs FOLDER
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node bench/plainInspect.mjs FOLDER');
  process.exit(2);
}

const spacing = (ds, tag) => {
  const text = ds.string(tag);
  return text === undefined ? null : text.split('\\').map(Number);
};

const reports = [];
for (const name of readdirSync(folder).sort()) {
  const file = join(folder, name);
  const data = readFileSync(file);
  const ds = dicomParser.parseDicom(data);
  const transferSyntaxUid = ds.string('x00020010');
  const rows = ds.uint16('x00280010');
  const columns = ds.uint16('x00280011');
  if (!['1.2.840.10008.1.2', '1.2.840.10008.1.2.1'].includes(transferSyntaxUid) || ds.uint16('x00280100') !== 16) {
    throw new Error(`${file}: not native little-endian 16-bit`);
  }
  const pixel = ds.elements.x7fe00010;
  const count = rows * columns;
  const start = data.byteOffset + pixel.dataOffset;
  const pixels = ds.uint16('x00280103') === 1
    ? new Int16Array(data.buffer.slice(start, start + count * 2))
    : new Uint16Array(data.buffer.slice(start, start + count * 2));
  const slope = ds.floatString('x00281053') ?? 1;
  const intercept = ds.floatString('x00281052') ?? 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const hu = pixels[i] * slope + intercept;
    if (hu < min) min = hu;
    if (hu > max) max = hu;
    sum += hu;
  }
  const pixelSpacing = spacing(ds, 'x00280030');
  const imagerSpacing = spacing(ds, 'x00181164');
  const thickness = ds.floatString('x00180050');
  reports.push({
    file,
    ok: true,
    modality: ds.string('x00080060'),
    transferSyntaxUid,
    rows,
    columns,
    frames: Number(ds.string('x00280008') ?? 1),
    samplesPerPixel: ds.uint16('x00280002'),
    photometricInterpretation: ds.string('x00280004'),
    pixelSpacing,
    calibration: pixelSpacing ? 'pixel-spacing' : imagerSpacing ? 'imager-pixel-spacing' : 'uncalibrated',
    sliceThickness: thickness ?? null,
    min,
    max,
    mean: Math.round((sum / count) * 1000) / 1000,
  });
}
process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
