// npm run sample:generate                      -> the committed sample studies in sample-dicom/
// npm run sample:generate -- --large [--slices 300] [--out bench/data/large]
//                                              -> one 512 x 512 x N series for benchmarks (not committed)
import { resolve } from 'node:path';
import { DEFAULT_LARGE_SLICES, writeSampleStudies, type SampleOptions } from '../src/phantom/writeSampleStudies';

const USAGE = `Usage: npm run sample:generate -- [--large [--slices N]] [--out DIR]
  (no flags)   write the three sample studies, ground truth and manifest to sample-dicom/
  --large      write one 512 x 512 x N baseline series (default N = ${DEFAULT_LARGE_SLICES}) to bench/data/large/
  --slices N   number of slices of the large series
  --out DIR    write somewhere else`;

interface Command {
  readonly outDir: string;
  readonly options: SampleOptions;
}

function parseArgs(args: readonly string[]): Command | string {
  let large = false;
  let slices = DEFAULT_LARGE_SLICES;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--large') large = true;
    else if (arg === '--slices' && value !== undefined) {
      slices = Number(value);
      if (!Number.isInteger(slices) || slices < 1 || slices > 9999) {
        return `--slices needs a whole number from 1 to 9999, not "${value}"`;
      }
      i++;
    } else if (arg === '--out' && value !== undefined) {
      out = value;
      i++;
    } else return `Unknown or incomplete option "${arg}"`;
  }
  if (!large && args.includes('--slices')) return '--slices only applies with --large';
  return large
    ? { outDir: resolve(out ?? 'bench/data/large'), options: { kind: 'large', slices } }
    : { outDir: resolve(out ?? 'sample-dicom'), options: { kind: 'sample' } };
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const command = parseArgs(args);
if (typeof command === 'string') {
  console.error(`${command}\n\n${USAGE}`);
  process.exit(2);
}
const started = performance.now();
const summary = writeSampleStudies(command.outDir, command.options);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const megabytes = (summary.bytes / 1e6).toFixed(1);
console.log(`Wrote ${summary.files} files (${megabytes} MB) to ${command.outDir} in ${seconds} s`);
