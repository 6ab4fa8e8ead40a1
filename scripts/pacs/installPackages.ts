// Installs missing Debian packages with apt-get, as scripts/test-all.mjs does for the tests' tools.
import { execSync } from 'node:child_process';

/** apt-get install `packages` (through sudo unless root); throws with what to run by hand when that fails. */
export function installDebianPackages(packages: string[]): void {
  if (packages.length === 0) return;
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  console.log(`Installing Debian packages: ${packages.join(' ')}`);
  try {
    execSync(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq ${packages.join(' ')}`, {
      stdio: 'inherit',
    });
  } catch {
    throw new Error(`Could not install ${packages.join(', ')} with apt-get. Install them by hand ("sudo apt-get install ${packages.join(' ')}") and run this again.`);
  }
}
