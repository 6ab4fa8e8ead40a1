// `recist measure FILE.dcm --at ROW,COL [--format text|json]`: the one-click measurement of the app on one slice:
// the lesion at a pixel, its contour and RECIST long and short axis; exit 1 with the reason when none is there.
import { parseDicomFile } from '../dicom/parseDicomFile';
import { huSlice } from '../dicom/huSlice';
import { segmentLesion } from '../segment/segmentLesion';
import type { LesionOutline, PixelPoint } from '../segment/types';
import { describeDicomErrorCode } from '../dicom/dicomMessages';
import { parseArgs } from './args';
import type { CliIo, CliOutput } from './io';

const USAGE = 'Usage: recist measure FILE.dcm --at ROW,COL [--format text|json]\n';

const usage = (message: string): CliOutput => ({ stdout: '', stderr: `recist measure: ${message}\n${USAGE}`, exitCode: 2 });

/** `ROW,COL`, two numbers (pixel centres are whole numbers, row 0 at the top), or null. */
function parsePoint(text: string): PixelPoint | null {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 2 || parts.some((p) => p === '' || !Number.isFinite(Number(p)))) return null;
  return { row: Number(parts[0]), col: Number(parts[1]) };
}

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;
const pair = (p: PixelPoint): [number, number] => [round(p.row, 2), round(p.col, 2)];

function asJson(file: string, at: PixelPoint, m: LesionOutline): string {
  return `${JSON.stringify({
    file,
    at: [at.row, at.col],
    longAxisMm: round(m.longAxisMm, 1),
    shortAxisMm: round(m.shortAxisMm, 1),
    longAxis: m.longAxis.map(pair),
    shortAxis: m.shortAxis.map(pair),
    areaMm2: round(m.areaMm2, 1),
    lesionHu: Math.round(m.lesionHu),
    contour: m.contour.map(pair),
  }, null, 2)}\n`;
}

function asText(file: string, at: PixelPoint, m: LesionOutline): string {
  const ends = (e: LesionOutline['longAxis']) => `[[${pair(e[0]).join(', ')}], [${pair(e[1]).join(', ')}]]`;
  return [
    `file         ${file}`,
    `at           row ${at.row}, column ${at.col}`,
    `longAxisMm   ${m.longAxisMm.toFixed(1)}`,
    `shortAxisMm  ${m.shortAxisMm.toFixed(1)}`,
    `longAxis     ${ends(m.longAxis)}`,
    `shortAxis    ${ends(m.shortAxis)}`,
    `areaMm2      ${m.areaMm2.toFixed(1)}`,
    `lesionHu     ${Math.round(m.lesionHu)}`,
    `contour      ${m.contour.length} points: ${m.contour.map((p) => `[${pair(p).join(', ')}]`).join(' ')}`,
    '',
  ].join('\n');
}

export async function measureCommand(args: string[], io: CliIo): Promise<CliOutput> {
  const parsed = parseArgs(args, { flags: [], valued: ['--at', '--format'] });
  if (!parsed.ok) return usage(parsed.message);
  const [file, ...extra] = parsed.positional;
  if (file === undefined) return usage('give one DICOM file');
  if (extra.length > 0) return usage(`one file at a time (also given: ${extra.join(' ')})`);
  const atText = parsed.values.get('--at');
  if (atText === undefined) return usage('--at ROW,COL is needed: the pixel inside the lesion (row, column, from 0 at the top left)');
  const at = parsePoint(atText);
  if (at === null) return usage(`--at ${atText} is not ROW,COL (two numbers, for example --at 120,88)`);
  const format = parsed.values.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(`--format ${format} is not text or json`);

  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(file);
  } catch (e) {
    const reason = e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e);
    return { stdout: '', stderr: `recist measure: cannot read ${file}: ${reason}\n`, exitCode: 2 };
  }
  const instances = parseDicomFile(bytes, file);
  if (!instances.ok) return { stdout: '', stderr: `recist measure: ${file}: ${describeDicomErrorCode(instances.error.code)} [${instances.error.code}]\n`, exitCode: 2 };
  const [slice] = instances.value;
  if (slice === undefined) return { stdout: '', stderr: `recist measure: ${file} holds no image\n`, exitCode: 2 };
  const spacing = slice.pixelSpacingMm;
  if (spacing === undefined) {
    return { stdout: '', stderr: `recist measure: ${file} has no PixelSpacing: nothing on it can be measured in millimetres\n`, exitCode: 2 };
  }
  const decoded = await slice.pixels.load();
  if (!decoded.ok) return { stdout: '', stderr: `recist measure: ${file}: ${describeDicomErrorCode(decoded.error.code)} [${decoded.error.code}]\n`, exitCode: 2 };
  if (decoded.value.kind !== 'greyscale') return { stdout: '', stderr: `recist measure: ${file} is a colour image, not CT\n`, exitCode: 2 };
  const result = segmentLesion(huSlice(slice, spacing, decoded.value.pixels), at);
  if (!result.ok) {
    return { stdout: '', stderr: `recist measure: no lesion at row ${at.row}, column ${at.col} of ${file}: ${result.error.detail} [${result.error.code}]\n`, exitCode: 1 };
  }
  return { stdout: format === 'json' ? asJson(file, at, result.value) : asText(file, at, result.value), stderr: '', exitCode: 0 };
}
