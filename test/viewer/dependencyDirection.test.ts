// STYLE.md: `viewer` owns cornerstone; `ui` never imports dexie, cornerstone-core or dicom-parser directly.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const allSources = (readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => f.split('\\').join('/'));
const importsOf = (file: string) =>
  [...readFileSync(`${SRC}${file}`, 'utf8').matchAll(/^\s*import\s+[^'"]*['"]([^'"]+)['"]/gm)].map(([, from]) => from ?? '');

it('cornerstone-core is imported only under src/viewer/', () => {
  const outside = allSources.filter((f) => !f.startsWith('viewer/') && importsOf(f).some((m) => m.startsWith('cornerstone')));
  expect(outside).toEqual([]);
});

it.each(allSources.filter((f) => f.startsWith('ui/')))('ui/%s does not import dexie, cornerstone-core or dicom-parser', (file) => {
  expect(importsOf(file).filter((m) => /^(dexie|cornerstone-core|dicom-parser)(\/|$)/.test(m))).toEqual([]);
});

it('the check sees the viewer files it is about', () => {
  expect(allSources).toContain('viewer/viewportAdapter.ts');
});
