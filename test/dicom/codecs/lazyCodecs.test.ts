// The first screen must not pay for WASM codecs: decodeFrame.ts reaches them only through dynamic import(), so
// Vite splits each into its own chunk that loads when the first frame of its syntax arrives. Read from the source.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CODECS = resolve(__dirname, '../../../src/dicom/codecs');
const STATIC_IMPORT = /^\s*import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm;

/** Every module decodeFrame.ts loads at once: its static (non-type) imports, followed through our own files. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
    if (spec === undefined) continue;
    if (!spec.startsWith('.')) {
      seen.add(spec);
      continue;
    }
    const target = resolve(dirname(file), `${spec}.ts`);
    if (!seen.has(target)) {
      seen.add(target);
      staticClosure(target, seen);
    }
  }
  return seen;
}

describe('codec loading', () => {
  const closure = [...staticClosure(resolve(CODECS, 'decodeFrame.ts'))];

  it('decodeFrame.ts imports no codec package statically', () => {
    const packages = closure.filter((m) => !m.startsWith('/'));
    expect(packages).toEqual([]);
  });

  it.each(['decodeJpeg2000', 'decodeJpegLs', 'decodeJpegBaseline', 'decodeJpegLossless', 'decodeJpegExtended'])(
    '%s is loaded only on demand',
    (name) => {
      expect(closure).not.toContain(resolve(CODECS, `${name}.ts`));
      expect(readFileSync(resolve(CODECS, 'decodeFrame.ts'), 'utf8')).toContain(`import('./${name}')`);
    },
  );
});
