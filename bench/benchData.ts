// The series the viewer and parse benches load, generated into the git-ignored bench/data/ when missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dicomFilesIn } from './seriesTruth';

export const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DATA_DIR = join(REPO, 'bench', 'data');
export const LARGE_DIR = join(DATA_DIR, 'large');
export const LARGE_SLICES = 300;
export const TRANSCODE_SLICES = 40;

export interface BenchSeries {
  /** Short name for tables. */
  readonly name: string;
  readonly dir: string;
  /** For a transcode: the uncompressed folder its slices came from (same SOP Instance UIDs, lossless). */
  readonly originalDir: string;
}

function run(command: string, args: string[]) {
  execFileSync(command, args, { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
}

export function ensureLargeSeries(): string {
  if (existsSync(LARGE_DIR) && dicomFilesIn(LARGE_DIR).length === LARGE_SLICES) return LARGE_DIR;
  console.log(`bench: generating ${LARGE_SLICES} slices into ${LARGE_DIR} …`);
  run('npx', ['tsx', 'scripts/generate-sample-dicom.ts', '--large', '--slices', String(LARGE_SLICES), '--out', LARGE_DIR]);
  return LARGE_DIR;
}

/** The middle TRANSCODE_SLICES slices of the large series, each transcoded losslessly by a Debian tool. */
function ensureTranscode(name: string, folder: string, convert: (input: string, output: string) => void): BenchSeries {
  const dir = join(DATA_DIR, folder);
  const source = dicomFilesIn(LARGE_DIR);
  const start = Math.floor((source.length - TRANSCODE_SLICES) / 2);
  const chosen = source.slice(start, start + TRANSCODE_SLICES);
  const sourceTime = Math.max(...chosen.map((path) => statSync(path).mtimeMs));
  const existing = existsSync(dir) ? dicomFilesIn(dir) : [];
  const fresh = existing.length === chosen.length && existing.every((path) => statSync(path).mtimeMs >= sourceTime);
  if (!fresh) {
    console.log(`bench: transcoding ${chosen.length} slices into ${dir} …`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const input of chosen) convert(input, join(dir, basename(input)));
  }
  return { name, dir, originalDir: LARGE_DIR };
}

export function ensureBenchSeries(): BenchSeries[] {
  ensureLargeSeries();
  return [
    { name: `uncompressed ${LARGE_SLICES}`, dir: LARGE_DIR, originalDir: LARGE_DIR },
    // dcmcjpls: JPEG-LS lossless by default (dcmtk).
    ensureTranscode(`JPEG-LS ${TRANSCODE_SLICES}`, 'jpegls-40', (input, output) => run('dcmcjpls', [input, output])),
    // gdcmconv --j2k: JPEG 2000 lossless unless --lossy is given (libgdcm-tools).
    ensureTranscode(`JPEG 2000 ${TRANSCODE_SLICES}`, 'j2k-40', (input, output) => run('gdcmconv', ['--j2k', input, output])),
  ];
}
