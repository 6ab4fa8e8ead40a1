#!/usr/bin/env node
// Runs every test on a fresh Debian machine: installs the system tools the tests need when missing
// (Debian's chromium for the browser tests, dcmtk to validate the sample DICOM), then type check,
// unit tests and end-to-end tests. `npm test` (and so `.ci/run`) calls this file.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = [
  { pkg: 'chromium', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  { pkg: 'dcmtk', present: () => hasCommand('dcmdump') },
  { pkg: 'libgdcm-tools', present: () => hasCommand('gdcmconv') },
];

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
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

const steps = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['end-to-end tests', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts']],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`\n${name} failed (exit ${status}).`);
    process.exit(status ?? 1);
  }
}
console.log('\nAll checks passed: type check, unit tests, end-to-end tests.');
