// Test harness: a real Orthanc with its DICOMweb plugin, private to one test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_MOUNT, DICOMWEB_ROOT, type PostgresDatabase } from '../../scripts/pacs/orthancConfig';
import { freePort, OrthancStartError, startOrthancProcess } from '../../scripts/pacs/orthancServer';
import { basicAuth, dicomFilesUnder, stowFiles } from '../../scripts/pacs/stow';

/** The repository's sample patient (RR-0001: baseline, 3-month and 6-month CT, 40 slices each). */
export const SAMPLE_DICOM_DIR = fileURLToPath(new URL('../../sample-dicom', import.meta.url));

export interface StartOrthancOptions {
  /** HTTP port; default a free one. Never 8042: that is `npm run pacs`'s (and Debian's orthanc.service). */
  port?: number;
  /** Storage and SQLite index; default a fresh temp folder, deleted by stop(). A folder you give is kept. */
  storageDir?: string;
  /** STOW-RS the 120 sample files (3 studies of RR-0001) before resolving: about 1.5 s. */
  loadSample?: boolean;
  /** A built app folder (e.g. a `vite build` outDir) served at `{url}/recist/`, same origin as `/dicom-web/`. */
  serveApp?: string;
  /** Basic-auth users (name -> password): Orthanc then answers 401 without them (loadSample uses the first). */
  users?: Record<string, string>;
  /** Index and files in this PostgreSQL database instead of storageDir (see scaleOut.test.ts). */
  postgres?: PostgresDatabase;
}

export interface RunningOrthanc {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** `http://127.0.0.1:<port>/dicom-web`, no trailing slash: QIDO `${dicomWebUrl}/studies`, STOW the same URL. */
  dicomWebUrl: string;
  /** `http://127.0.0.1:<port>/recist/` when serveApp was given (ends in `/`), else undefined. */
  appUrl: string | undefined;
  port: number;
  pid: number;
  /** Orthanc's own log, for a failing test's message. */
  logFile: string;
  /** An Authorization header value for the first configured user, else undefined. */
  authorization: string | undefined;
  /**
   * Stops Orthanc by its PID and deletes the temp folders it made: at once (SIGKILL) when its storage was a temp
   * folder, cleanly (SIGTERM, SIGKILL after 5 s) when you gave storageDir.
   */
  stop(): Promise<void>;
}

/**
 * Starts Orthanc on 127.0.0.1 (loopback only, no DICOM port) with its own configuration and storage, and resolves
 * once it answers. Installs nothing: `npm test` (scripts/test-all.mjs) installs the Debian packages `orthanc`,
 * `orthanc-dicomweb`, `orthanc-python` and `orthanc-postgresql`; without them this throws saying which to install.
 * Startup takes about 0.2 s (plus about 1.5 s for the sample's STOW when asked), stop() at once (about 2.5 s when
 * storageDir was given: Orthanc's clean shutdown). Use one per test file, in beforeAll/afterAll:
 *
 *   const pacs = await startOrthanc({ loadSample: true });
 *   const studies = await (await fetch(`${pacs.dicomWebUrl}/studies?PatientID=RR-0001`)).json();
 *   ...
 *   await pacs.stop();
 *
 * For a browser test of the built app against it, build into a temp folder and pass it as serveApp: the page at
 * `appUrl` then reaches DICOMweb at `/dicom-web/` on its own origin, as under `npm run pacs`.
 */
export async function startOrthanc(options: StartOrthancOptions = {}): Promise<RunningOrthanc> {
  // A free port can be taken by a parallel test file between the probe and Orthanc's bind: then try another.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOrthancOnce(options, options.port ?? (await freePort()));
    } catch (error) {
      if (options.port !== undefined || attempt >= 3 || !(error instanceof OrthancStartError) || !/port|bind|address/i.test(error.message)) throw error;
    }
  }
}

async function startOrthancOnce(options: StartOrthancOptions, port: number): Promise<RunningOrthanc> {
  const work = mkdtempSync(join(tmpdir(), 'recist-orthanc-'));
  const storageDir = options.storageDir ? resolve(options.storageDir) : join(work, 'storage');
  const cleanUp = () => rmSync(work, { recursive: true, force: true });
  let orthanc;
  try {
    orthanc = await startOrthancProcess(
      {
        httpPort: port,
        storageDir,
        name: `recist-test-${port}`,
        ...(options.serveApp ? { appDir: resolve(options.serveApp) } : {}),
        ...(options.users ? { users: options.users } : {}),
        ...(options.postgres ? { postgres: options.postgres } : {}),
      },
      work,
    );
  } catch (error) {
    cleanUp();
    throw error;
  }
  const firstUser = Object.entries(options.users ?? {})[0];
  const authorization = firstUser ? basicAuth(firstUser[0], firstUser[1]) : undefined;
  const running: RunningOrthanc = {
    url: orthanc.url,
    dicomWebUrl: `${orthanc.url}${DICOMWEB_ROOT.replace(/\/$/, '')}`,
    appUrl: options.serveApp ? `${orthanc.url}${APP_MOUNT}/` : undefined,
    port,
    pid: orthanc.pid,
    logFile: orthanc.logFile,
    authorization,
    stop: async () => {
      // Storage that is thrown away needs no clean shutdown (2.5 s of Orthanc's threads winding down); given storage does.
      await orthanc.stop(options.storageDir ? 5000 : 0);
      cleanUp();
    },
  };
  if (options.loadSample) {
    try {
      const result = await stowFiles(running.dicomWebUrl, dicomFilesUnder(SAMPLE_DICOM_DIR), authorization ? { authorization } : {});
      if (result.failed.length > 0) throw new Error(`Orthanc refused sample files: ${result.failed.join(', ')}`);
    } catch (error) {
      await running.stop();
      throw error;
    }
  }
  return running;
}
