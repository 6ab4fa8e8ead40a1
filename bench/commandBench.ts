// The `recist` command as users run it, each run a whole process, side by side with its reference (alternating,
// so background load on a shared machine hits both alike):
// - start-up: `recist --help` against `node -e ''` (target: within 1.5x);
// - `recist inspect` on the 300-file series against dicom-parser used plainly for the same output
//   (bench/plainInspect.mjs; target: at most 1.0x its time). The two outputs must be the same bytes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO } from './benchData';
import { fmt, markdownTable, median } from './stats';

const STARTUP_RUNS = 30;
const INSPECT_RUNS = 9;

interface Command {
  readonly name: string;
  readonly args: readonly string[];
}

interface Run {
  readonly ms: number;
  /** CPU of the process and its threads (user + system), when /proc says it; undefined elsewhere. */
  readonly cpuMs: number | undefined;
  readonly stdout: string;
}

/** User + system time of this process's waited-for children, in ms (Linux /proc; 100 ticks a second). */
function childrenCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function runOnce(command: Command): Run {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const run = spawnSync(process.execPath, command.args, { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  const cpuAfter = childrenCpuMs();
  if (run.status !== 0) throw new Error(`${command.name} exited ${run.status}: ${run.stderr}`);
  return { ms, cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore, stdout: run.stdout };
}

/** Each command `runs` times, taking turns, after one warm-up run each. */
function sideBySide(commands: readonly Command[], runs: number): Run[][] {
  commands.forEach((c) => runOnce(c));
  const results: Run[][] = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, k) => results[k]?.push(runOnce(c)));
  return results;
}

function table(commands: readonly Command[], results: readonly Run[][]): string {
  const reference = median(results[0]?.map((r) => r.ms) ?? []) ?? NaN;
  return markdownTable(['command', 'median ms', 'best ms', 'worst ms', 'median CPU ms', '/ reference (median)'],
    commands.map((c, k) => {
      const ms = results[k]?.map((r) => r.ms) ?? [];
      const cpu = results[k]?.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs])) ?? [];
      return [c.name, fmt(median(ms)), fmt(Math.min(...ms)), fmt(Math.max(...ms)), cpu.length ? fmt(median(cpu)) : 'n/a',
        fmt((median(ms) ?? NaN) / reference, 2)];
    }));
}

const verdict = (good: boolean) => (good ? 'PASS' : 'MISS');

export function runCommandBench(series: string): void {
  const built = spawnSync(process.execPath, [join(REPO, 'scripts/build-cli.mjs'), '--if-stale'], { cwd: REPO, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('bench: the recist command could not be built (npm run build:cli)');
  const recist = join(REPO, 'bin/recist.mjs');
  console.log(`\nthe recist command as a process (bin/recist.mjs), ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  const startup: Command[] = [{ name: "node -e ''", args: ['-e', ''] }, { name: 'recist --help', args: [recist, '--help'] }];
  const started = sideBySide(startup, STARTUP_RUNS);
  console.log(`\nstart-up, ${STARTUP_RUNS} runs each, alternating:\n`);
  console.log(table(startup, started));
  const startRatio = (median(started[1]?.map((r) => r.ms) ?? []) ?? NaN) / (median(started[0]?.map((r) => r.ms) ?? []) ?? NaN);
  console.log(`\ntarget: recist --help within 1.5x of node -e '': ${fmt(startRatio, 2)}x -> ${verdict(startRatio <= 1.5)}`);

  const inspect: Command[] = [
    { name: 'dicom-parser plainly (bench/plainInspect.mjs)', args: [join(REPO, 'bench/plainInspect.mjs'), series] },
    { name: 'recist inspect', args: [recist, 'inspect', series] },
  ];
  const inspected = sideBySide(inspect, INSPECT_RUNS);
  console.log(`\ninspect ${series} (parse, pixel data, HU min/max/mean, JSON out), ${INSPECT_RUNS} runs each, alternating:\n`);
  console.log(table(inspect, inspected));
  const same = inspected[0]?.every((plain, i) => plain.stdout === inspected[1]?.[i]?.stdout && plain.stdout.length > 0);
  console.log(`\nsame output, byte for byte, in every run: ${same ? 'yes' : 'NO'}`);
  const ratio = (median(inspected[1]?.map((r) => r.ms) ?? []) ?? NaN) / (median(inspected[0]?.map((r) => r.ms) ?? []) ?? NaN);
  console.log(`target: recist inspect at most 1.0x the time of plain dicom-parser: ${fmt(ratio, 2)}x -> ${verdict(ratio <= 1.0 && same === true)}`);
}
