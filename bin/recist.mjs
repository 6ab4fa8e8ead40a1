#!/usr/bin/env node
// The `recist` command: runs its build, dist-cli/recist.mjs. `npm install` builds it in a checkout (prepare) and
// `npm pack` puts it in the package; if it is missing all the same (install scripts skipped, the folder deleted),
// it is built here once, first.
const built = new URL('../dist-cli/recist.mjs', import.meta.url);

const isMissing = (e) => e instanceof Error && e.code === 'ERR_MODULE_NOT_FOUND' && e.url === built.href;

try {
  await import(built.href);
} catch (e) {
  if (!isMissing(e)) throw e;
  const script = new URL('../scripts/build-cli.mjs', import.meta.url);
  const { buildCli } = await import(script.href).catch(() => ({ buildCli: async () => false }));
  process.stderr.write('recist: building the command first (once) …\n');
  if (!(await buildCli())) {
    const root = new URL('..', import.meta.url).pathname;
    process.stderr.write(`recist: the command is not built and cannot be built here (no sources, or Vite not installed). In a checkout, run "npm install" in ${root}; an installed package, install again. Then try again.\n`);
    process.exit(2);
  }
  await import(built.href);
}
