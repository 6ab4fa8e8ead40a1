#!/usr/bin/env node
// Builds the `recist` command into dist-cli/ (vite.cli.config.ts). Run by `npm install` (prepare), `npm pack`,
// `npm test`, and by bin/recist.mjs when the build is missing.
//   --if-stale   build only when a source file is newer than the build (npm run recist, the command's tests)
//   --prepare    as npm's prepare step: without Vite (dev dependencies left out) say so and succeed
// The build goes to a folder of its own and then takes the place of dist-cli/, so a command running meanwhile never
// sees half a build.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const OUT = join(ROOT, 'dist-cli');
const BUILT = join(OUT, 'recist.mjs');
const CONFIG = join(ROOT, 'vite.cli.config.ts');
/** The files the last build was made from (written with it), so staleness is a stat of each, not a walk of src/. */
const INPUTS = join(OUT, 'inputs.json');
const ALWAYS = ['vite.cli.config.ts', 'package-lock.json', 'scripts/build-cli.mjs'];

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : Infinity);

export function isStale() {
  if (!existsSync(BUILT) || !existsSync(INPUTS)) return true;
  const built = statSync(BUILT).mtimeMs;
  const inputs = [...ALWAYS, ...JSON.parse(readFileSync(INPUTS, 'utf8'))];
  return inputs.some((file) => mtime(join(ROOT, file)) > built);
}

/** Our own modules in the build's chunks (packages are covered by package-lock.json), as paths from the root. */
function inputsOf(outputs) {
  const files = new Set();
  for (const output of [outputs].flat()) {
    for (const chunk of output.output ?? []) {
      for (const id of chunk.moduleIds ?? []) {
        const path = relative(ROOT, id.split('?')[0] ?? id);
        if (!path.startsWith('..') && !path.startsWith('node_modules') && !path.includes('\0') && existsSync(join(ROOT, path))) files.add(path);
      }
    }
  }
  return [...files].sort();
}

/** An installed package carries its build and no sources (package.json "files"): there is nothing to build. */
const hasSources = () => existsSync(join(ROOT, 'src', 'cli', 'main.ts')) && existsSync(CONFIG);

export async function buildCli() {
  if (!hasSources()) return false;
  let vite;
  try {
    vite = await import('vite');
  } catch {
    return false;
  }
  const staging = `${OUT}.building-${process.pid}`;
  const old = `${OUT}.old-${process.pid}`;
  try {
    const outputs = await vite.build({ configFile: CONFIG, root: ROOT, logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
    const inputs = inputsOf(outputs);
    if (inputs.length === 0) throw new Error('build-cli: the build names none of its source files');
    writeFileSync(join(staging, 'inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
    if (existsSync(OUT)) renameSync(OUT, old);
    try {
      renameSync(staging, OUT);
    } catch (e) {
      // Another build (a test, npm run recist) put its own in place between the two renames: that one stands.
      if (!existsSync(BUILT)) throw e;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flags = new Set(process.argv.slice(2));
  if (flags.has('--if-stale') && !isStale()) process.exit(0);
  // npm may run prepare when it installs the package itself, built already: nothing to do then.
  if (flags.has('--prepare') && !hasSources() && existsSync(BUILT)) process.exit(0);
  if (!(await buildCli())) {
    const note = hasSources()
      ? 'the recist command was not built: Vite (a dev dependency) is not installed. Run "npm install" with dev dependencies, then "npm run build:cli".'
      : 'the recist command cannot be built here: its sources (src/, vite.cli.config.ts) are not in this folder.';
    console.error(flags.has('--prepare') ? `note: ${note}` : `build-cli: ${note}`);
    process.exit(flags.has('--prepare') ? 0 : 1);
  }
}
