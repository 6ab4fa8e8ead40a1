// Vite settings the codecs want, for vite.config.ts to merge in (its owner decides; nothing here is applied by
// itself). Checked with Vite 8 in headless Chromium, in the dev server and in a build, inside a module Worker.

/**
 * For `optimizeDeps.include`. The Emscripten glue of the WASM codecs is CommonJS and reached only through dynamic
 * import(), so without this the dev server discovers it on the first compressed frame, re-optimises, and reloads
 * the page ("optimized dependencies changed. reloading") - the flaky-e2e pattern vite.config.ts already avoids.
 */
export const CODEC_OPTIMIZE_DEPS: readonly string[] = [
  '@cornerstonejs/codec-openjpeg/decodewasmjs',
  '@cornerstonejs/codec-charls/decodewasmjs',
  '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
  '@cornerstonejs/jpeg-lossless-decoder-js',
  'pako',
];

/**
 * For `worker`. With the default 'iife' format a worker is one bundle, so all codec glue (about 110 kB) loads with
 * the worker; 'es' keeps each codec in its own chunk, fetched with its first frame. The .wasm files are fetched
 * on first use either way. Module workers: `new Worker(new URL('./x.ts', import.meta.url), { type: 'module' })`.
 */
export const CODEC_WORKER_SETTINGS = { format: 'es' } as const;
