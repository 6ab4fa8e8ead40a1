// `npm run pacs`: a PACS in one command. Orthanc with DICOMweb on 127.0.0.1:8042, its storage in .pacs/, the
// sample patient loaded on first start, and the built app served at http://127.0.0.1:8042/recist/ on the same
// origin as /dicom-web/. Ctrl+C stops it. See docs/pacs.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildNeeded } from './appBuild';
import { installDebianPackages } from './installPackages';
import { APP_MOUNT, DICOMWEB_ROOT, type OrthancSettings } from './orthancConfig';
import { missingPackages, OrthancStartError, portIsFree, startOrthancProcess } from './orthancServer';
import { explainPortInUse } from './portInUse';
import { dicomFilesUnder, stowFiles } from './stow';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const HELP = `npm run pacs [-- options]

Starts Orthanc (installed through apt-get when absent) with DICOMweb on 127.0.0.1, loads the sample patient on
first start and serves the built app on the same origin. Ctrl+C stops it; the storage stays for the next start.

  --port N        HTTP port (default 8042)
  --data DIR      configuration, log and storage (default .pacs/ in the repository)
  --app DIR       the built app to serve at /recist/ (default dist/, built first when older than its sources)
  --no-build      serve --app as it is, even if older than the sources
  --no-sample     do not load the sample patient on first start
  --help          this text
`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function options() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '8042' },
        data: { type: 'string', default: join(ROOT, '.pacs') },
        app: { type: 'string' },
        'no-build': { type: 'boolean', default: false },
        'no-sample': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
  }
}

async function main(): Promise<void> {
  const args = options();
  if (args.help) {
    console.log(HELP);
    return;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a port number (1-65535), not "${args.port}".`);
  const dataDir = resolve(args.data);
  const appDir = resolve(args.app ?? join(ROOT, 'dist'));
  const pidFile = join(dataDir, 'orthanc.pid');
  const sampleMarker = join(dataDir, 'sample-loaded');
  const settings: OrthancSettings = { httpPort: port, storageDir: join(dataDir, 'storage'), appDir };

  try {
    installDebianPackages(missingPackages(settings));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  // Checked after installing: on a machine with systemd, installing "orthanc" starts its own service on 8042.
  if (!(await portIsFree(port))) fail(await explainPortInUse(port, pidFile));

  const why = args.app || args['no-build'] ? undefined : buildNeeded(ROOT, appDir);
  if (why) {
    // The bundle only: the type check of `npm run build` covers the tests too, and is the developers' gate, not the PACS's.
    console.log(`Building the app (${why}): vite build`);
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) fail('The build failed (above); the PACS was not started. Fix the build, or serve the last one with --no-build.');
  }
  if (!existsSync(join(appDir, 'index.html'))) fail(`${appDir} has no index.html: build the app first (npm run build) or name a built folder with --app.`);

  mkdirSync(dataDir, { recursive: true });
  let orthanc;
  try {
    orthanc = await startOrthancProcess(settings, dataDir);
  } catch (error) {
    fail(error instanceof OrthancStartError || error instanceof Error ? error.message : String(error));
  }
  writeFileSync(pidFile, `${orthanc.pid}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Orthanc (PID ${orthanc.pid})...`);
    await orthanc.stop();
    rmSync(pidFile, { force: true });
    console.log('Orthanc stopped; the studies stay in', settings.storageDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('Ctrl+C'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  void orthanc.exited.then((code) => {
    if (stopping) return;
    rmSync(pidFile, { force: true });
    fail(`Orthanc stopped by itself (exit ${code}); its log is ${orthanc.logFile}.`);
  });

  const dicomWebUrl = `${orthanc.url}${DICOMWEB_ROOT.replace(/\/$/, '')}`;
  if (!args['no-sample'] && !existsSync(sampleMarker)) {
    const files = dicomFilesUnder(join(ROOT, 'sample-dicom'));
    console.log(`First start: loading the sample patient (${files.length} files) through STOW-RS...`);
    try {
      const result = await stowFiles(dicomWebUrl, files);
      if (result.failed.length > 0) console.error(`Orthanc refused ${result.failed.length} sample files: ${result.failed.join(', ')}`);
      writeFileSync(sampleMarker, `${new Date().toISOString()} ${result.stored} instances\n`);
      console.log(`Loaded ${result.stored} instances.`);
    } catch (error) {
      console.error(`Could not load the sample patient: ${error instanceof Error ? error.message : String(error)} (it is tried again at the next start).`);
    }
  }
  console.log(`
PACS ready (Orthanc PID ${orthanc.pid}, loopback only):
  the app          ${orthanc.url}${APP_MOUNT}/
  DICOMweb         ${dicomWebUrl}/
  Orthanc Explorer ${orthanc.url}/app/explorer.html
  storage          ${settings.storageDir}
  log              ${orthanc.logFile}
Ctrl+C stops it.`);
}

void main();
