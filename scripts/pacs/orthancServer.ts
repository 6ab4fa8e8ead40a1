// Starts one Orthanc process with our configuration, waits until it answers, and stops it by the PID it started.
// Used by `npm run pacs` and by the tests' harness (test/pacs/orthancProcess.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { orthancConfig, pluginFiles, type OrthancSettings } from './orthancConfig';

export interface OrthancProcess {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Orthanc's stdout and stderr. */
  readonly logFile: string;
  /** Resolves with the exit code (or signal name) once the process has gone, whoever stopped it. */
  readonly exited: Promise<number | string>;
  /** SIGTERM (Orthanc then closes its index cleanly), SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

export class OrthancStartError extends Error {
  constructor(message: string, readonly logTail: string) {
    super(logTail ? `${message}\n--- Orthanc's log (last lines) ---\n${logTail}` : message);
    this.name = 'OrthancStartError';
  }
}

/** Debian puts Orthanc in /usr/sbin, which is not on a normal user's PATH. */
export function orthancBinary(): string {
  return ['/usr/sbin/Orthanc', '/usr/bin/Orthanc', '/usr/local/sbin/Orthanc', '/usr/local/bin/Orthanc'].find(existsSync) ?? 'Orthanc';
}

/** The Debian packages that provide what `settings` needs and are not installed yet. */
export function missingPackages(settings: Omit<OrthancSettings, 'httpPort' | 'storageDir'>): string[] {
  const byPlugin: Record<string, string> = {
    'libOrthancDicomWeb.so': 'orthanc-dicomweb',
    'libServeFolders.so': 'orthanc',
    'libOrthancPython.so': 'orthanc-python',
    'libOrthancPostgreSQLIndex.so': 'orthanc-postgresql',
    'libOrthancPostgreSQLStorage.so': 'orthanc-postgresql',
  };
  const missing = new Set<string>();
  if (orthancBinary() === 'Orthanc') missing.add('orthanc');
  for (const file of pluginFiles({ ...settings, httpPort: 0, storageDir: '' })) {
    if (!existsSync(file)) missing.add(byPlugin[file.split('/').pop() ?? ''] ?? 'orthanc');
  }
  return [...missing];
}

function tail(file: string, lines = 25): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Orthanc listens on every interface, so the port must be free on all of them, not only on 127.0.0.1. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, () => probe.close(() => done(true)));
  });
}

/** A port the system has just handed out as free (on every interface, as Orthanc will bind it). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Writes the configuration to `configDir/orthanc.json`, starts Orthanc with it and resolves once GET /system answers
 * (200, or 401 when users are configured). Throws OrthancStartError with the log's tail if it exits or stays silent.
 */
export async function startOrthancProcess(
  settings: OrthancSettings,
  configDir: string,
  options: { timeoutMs?: number; logFile?: string } = {},
): Promise<OrthancProcess> {
  const missing = missingPackages(settings);
  if (missing.length > 0) {
    throw new OrthancStartError(
      `Orthanc cannot start: the Debian package(s) ${missing.join(', ')} are not installed. ` +
        `Install them with "sudo apt-get install ${missing.join(' ')}" (npm test and npm run pacs do this themselves).`,
      '',
    );
  }
  if (!(await portIsFree(settings.httpPort))) {
    throw new OrthancStartError(`Orthanc cannot start: port ${settings.httpPort} is taken by another program.`, '');
  }
  mkdirSync(configDir, { recursive: true });
  mkdirSync(settings.storageDir, { recursive: true });
  const configFile = join(configDir, 'orthanc.json');
  writeFileSync(configFile, JSON.stringify(orthancConfig(settings), null, 2));
  const logFile = options.logFile ?? join(configDir, 'orthanc.log');
  const log = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(orthancBinary(), [configFile], { stdio: ['ignore', log, log], cwd: configDir });
  } finally {
    closeSync(log);
  }
  const exited = new Promise<number | string>((done) => {
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown'));
    child.once('error', () => done('spawn failed'));
  });
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  // A test runner or script that dies must not leave an Orthanc behind holding the port and the storage.
  const killOnExit = () => {
    if (!gone && child.pid) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  process.once('exit', killOnExit);

  const url = `http://127.0.0.1:${settings.httpPort}`;
  const stop = async (graceMs = 5000): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (gone || !child.pid) return;
    child.kill('SIGTERM');
    const outcome = await Promise.race([exited.then(() => 'exited'), sleep(graceMs).then(() => 'late')]);
    if (outcome === 'late') {
      child.kill('SIGKILL');
      await exited;
    }
  };

  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (gone) {
      throw new OrthancStartError(`Orthanc exited at start (config ${configFile}).`, tail(logFile));
    }
    try {
      const answer = await fetch(`${url}/system`, { signal: AbortSignal.timeout(1000) });
      await answer.arrayBuffer();
      if (answer.ok || answer.status === 401) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop(1000);
      throw new OrthancStartError(`Orthanc did not answer on ${url} in time (config ${configFile}).`, tail(logFile));
    }
    await sleep(50);
  }
  return { url, port: settings.httpPort, pid: child.pid ?? 0, logFile, exited, stop };
}
