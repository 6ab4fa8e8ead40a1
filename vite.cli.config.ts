// The `recist` command built to plain JavaScript for Node (`npm run build:cli`, run by `npm install` through
// `prepare`): the same modules the app uses, bundled with Vite's own bundler, so no TypeScript compiler or tsx runs
// when the command does. Every subcommand is a chunk of its own, loaded when it runs (src/cli/subcommands.ts), and
// `recist inspect`'s worker thread an entry of its own beside the command.
import { defineConfig } from 'vite';

/**
 * The Emscripten codecs stay outside the bundle, loaded from node_modules on the first compressed frame: their glue
 * finds its .wasm beside itself. They are runtime dependencies of the package, so a global install has them too.
 * (Their `import('x.wasm?url')`, for the browser, stays as written: Node never evaluates it, see wasmCodec.ts.)
 */
const EXTERNAL = [/^@cornerstonejs\/codec-/];

export default defineConfig({
  // No public/ copy: the command has no static files.
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: { recist: 'src/cli/main.ts', inspectWorker: 'src/cli/inspectWorker.ts' },
      external: EXTERNAL,
      output: {
        format: 'es',
        entryFileNames: '[name].mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs',
      },
    },
  },
  // Bundle every package but the codecs: the command then starts without resolving node_modules.
  ssr: { noExternal: true, external: [], target: 'node' },
});
