// STYLE.md: `dicom` knows no React, Dexie or cornerstone, and dicom-parser has one owner module. Read from the source.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIR = new URL('../../src/dicom/', import.meta.url);
const sources = readdirSync(DIR).filter((f) => /\.tsx?$/.test(f));
const importsOf = (file: string) =>
  [...readFileSync(new URL(file, DIR), 'utf8').matchAll(/^\s*import\s+(type\s+)?[^'"]*['"]([^'"]+)['"]/gm)]
    .map(([, type, from]) => ({ from: from ?? '', typeOnly: Boolean(type) }));

describe('src/dicom imports', () => {
  it('has sources to check', () => expect(sources.length).toBeGreaterThan(5));

  it.each(sources)('%s imports nothing from React, Dexie, cornerstone, the viewer, the store or the UI', (file) => {
    const forbidden = importsOf(file).filter(({ from }) =>
      /^(react|react-dom|dexie|cornerstone-core)(\/|$)/.test(from) || /\.\.\/(viewer|store|ui|app)\//.test(from));
    expect(forbidden).toEqual([]);
  });

  it('only parseDataSet.ts calls into dicom-parser (other files may import its types)', () => {
    const owners = sources.filter((file) => importsOf(file).some(({ from, typeOnly }) => from === 'dicom-parser' && !typeOnly));
    expect(owners).toEqual(['parseDataSet.ts']);
  });
});
