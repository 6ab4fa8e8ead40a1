#!/usr/bin/env node
// Runs every test on a fresh Debian machine: installs the system tools the tests need when missing
// (Debian's chromium for the browser tests, dcmtk to validate the sample DICOM), then type check,
// unit tests and end-to-end tests. `npm test` (and so `.ci/run`) calls this file.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const needed = [
  { pkg: 'chromium', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  { pkg: 'dcmtk', present: () => hasCommand('dcmdump') },
  { pkg: 'libgdcm-tools', present: () => hasCommand('gdcmconv') },
  // R and its survival package: the reference the survival module's fixtures come from (and the export tests).
  { pkg: 'r-base-core', present: () => hasCommand('Rscript') },
  { pkg: 'r-cran-survival', present: () => hasRPackage('survival') },
  // psych: the reference for Cohen's kappa and its standard error (recist agreement).
  { pkg: 'r-cran-psych', present: () => hasRPackage('psych') },
  // A real PACS for the DICOMweb tests (test/pacs/orthancProcess.ts): Orthanc, its DICOMweb plugin, the Python
  // plugin that answers the app's folder URL, PostgreSQL for the scale-out test and nginx for the documented proxy.
  { pkg: 'orthanc', present: () => existsSync('/usr/sbin/Orthanc') },
  { pkg: 'orthanc-dicomweb', present: () => existsSync('/usr/share/orthanc/plugins/libOrthancDicomWeb.so') },
  { pkg: 'orthanc-python', present: () => existsSync('/usr/share/orthanc/plugins/libOrthancPython.so') },
  { pkg: 'orthanc-postgresql', present: () => existsSync('/usr/share/orthanc/plugins/libOrthancPostgreSQLIndex.so') },
  { pkg: 'postgresql', present: () => hasPostgresServer() },
  { pkg: 'nginx', present: () => existsSync('/usr/sbin/nginx') },
  // dciodvfy: the SRs we write are checked against the DICOM IODs (test/sr); dcmtk's dsrdump renders them.
  { pkg: 'dicom3tools', present: () => hasCommand('dciodvfy') },
];

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function hasPostgresServer() {
  return spawnSync('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb'], { stdio: 'ignore' }).status === 0;
}

function hasRPackage(name) {
  return hasCommand('Rscript') && spawnSync('Rscript', ['-e', `library(${name})`], { stdio: 'ignore' }).status === 0;
}

const missing = needed.filter((n) => !n.present()).map((n) => n.pkg);
if (missing.length > 0) {
  const sudo = process.getuid && process.getuid() === 0 ? '' : 'sudo ';
  console.log(`Installing Debian packages the tests need: ${missing.join(' ')}`);
  try {
    execSync(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq ${missing.join(' ')}`, {
      stdio: 'inherit',
    });
  } catch {
    console.error(`Could not install ${missing.join(', ')} with apt-get. Install them by hand and run "npm test" again.`);
    process.exit(1);
  }
}

// Each Vitest run also writes a JSON report, so the last line can total every test of the run.
const reports = mkdtempSync(join(tmpdir(), 'recist-tests-'));
const vitest = (name, extra) => ['vitest', 'run', ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${name}.json`)}`];
const steps = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], null],
  // The recist command as users run it (dist-cli/): test/cli/builtCommand.test.ts starts it as a process.
  ['build the recist command', 'node', ['scripts/build-cli.mjs'], null],
  ['unit tests', 'npx', vitest('unit', []), 'unit'],
  ['end-to-end tests', 'npx', vitest('e2e', ['--config', 'vitest.e2e.config.ts']), 'e2e'],
];

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const [name, cmd, args, report] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (report) {
    try {
      const r = JSON.parse(readFileSync(join(reports, `${report}.json`), 'utf8'));
      totals.passed += r.numPassedTests;
      totals.failed += r.numFailedTests;
      totals.skipped += r.numPendingTests + r.numTodoTests;
    } catch {
      // No report (the runner crashed): the exit status below says so.
    }
  }
  if (status !== 0) {
    console.error(`\n${name} failed (exit ${status}).`);
    console.log(`Tests: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed, ${totals.skipped} skipped`);
    process.exit(status ?? 1);
  }
}
console.log('\nAll checks passed: type check, unit tests, end-to-end tests.');
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
