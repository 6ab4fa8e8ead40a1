// `npm run pacs` as a user runs it: first start loads the sample, Ctrl+C stops Orthanc, the storage persists, and a
// taken port is explained instead of failing in Orthanc's log.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/pacs/orthancServer';
import { startOrthanc } from './orthancProcess';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm run pacs -- args` in its own process group, as a terminal runs it (so Ctrl+C reaches the whole group). */
const runs: Run[] = [];

function runPacs(args: string[]): Run {
  const child = spawn('npm', ['run', '--silent', 'pacs', '--', ...args], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const run = { child, output: () => text, exited };
  runs.push(run);
  return run;
}

/** A test that failed half-way must not leave its process group (npm, the script, Orthanc) running. */
function killLeftovers(): void {
  for (const run of runs) {
    // Only groups whose leader still runs: a finished one's number may belong to someone else by now.
    if (run.child.pid === undefined || run.child.exitCode !== null || run.child.signalCode !== null) continue;
    try {
      process.kill(-run.child.pid, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
  }
}

async function waitFor(run: Run, needle: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes(needle)) {
    if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`"${needle}" never came; output:\n${run.output()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function waitForStop(run: Run): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!run.output().includes('Orthanc stopped; the studies stay')) {
    if (Date.now() > deadline) throw new Error(`Ctrl+C did not stop the PACS; output:\n${run.output()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Ctrl+C in a terminal: SIGINT to every process of the foreground group. */
function ctrlC(run: Run): void {
  if (run.child.pid) process.kill(-run.child.pid, 'SIGINT');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm run pacs', () => {
  let work: string;
  let app: string;
  let data: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'recist-pacs-command-'));
    app = join(work, 'app');
    data = join(work, 'data');
    mkdirSync(app);
    writeFileSync(join(app, 'index.html'), '<!doctype html><html><head></head><body>built app</body></html>');
  });

  afterAll(() => {
    killLeftovers();
    rmSync(work, { recursive: true, force: true });
  });

  it('loads the sample on first start, serves the app beside DICOMweb, stops on Ctrl+C and keeps the studies', async () => {
    const port = await freePort();
    const first = runPacs(['--port', String(port), '--data', data, '--app', app]);
    await waitFor(first, 'Ctrl+C stops it.');
    expect(first.output()).toContain('Loaded 120 instances.');
    expect(first.output()).toContain(`http://127.0.0.1:${port}/recist/`);
    const orthancPid = Number(readFileSync(join(data, 'orthanc.pid'), 'utf8'));
    const studies = (await (await fetch(`http://127.0.0.1:${port}/dicom-web/studies`)).json()) as unknown[];
    expect(studies).toHaveLength(3);
    expect(await (await fetch(`http://127.0.0.1:${port}/recist/`)).text()).toContain('built app');

    // npm itself dies of the SIGINT at once (as in a terminal); our script stops Orthanc and says so.
    ctrlC(first);
    await waitForStop(first);
    expect(isRunning(orthancPid)).toBe(false);
    expect(existsSync(join(data, 'orthanc.pid'))).toBe(false);
    expect(first.output()).toContain('Orthanc stopped; the studies stay in');

    const second = runPacs(['--port', String(port), '--data', data, '--app', app]);
    await waitFor(second, 'Ctrl+C stops it.');
    expect(second.output()).not.toContain('loading the sample');
    const again = (await (await fetch(`http://127.0.0.1:${port}/dicom-web/studies`)).json()) as unknown[];
    expect(again).toHaveLength(3);
    ctrlC(second);
    await waitForStop(second);
  }, 90_000);

  it('explains a port held by another Orthanc (as Debian\'s orthanc.service holds 8042) and starts nothing', async () => {
    const other = await startOrthanc();
    try {
      const run = runPacs(['--port', String(other.port), '--data', join(work, 'data-2'), '--app', app]);
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`Port ${other.port} is taken by another Orthanc`);
      expect(run.output()).toContain('sudo systemctl stop orthanc');
      expect(run.output()).toContain(`--port ${other.port + 1}`);
    } finally {
      await other.stop();
    }
  }, 60_000);
});
