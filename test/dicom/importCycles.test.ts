// Modules that import each other (types included) cannot be read, tested or moved one at a time: the codecs, the
// slice types and the pixel store each had such a circle (issue 22). Read from the source, static and dynamic imports.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../architecture/dependencyRules';

const SRC = resolve(__dirname, '../../src');
const AREAS = ['dicom', 'app/loading'].map((area) => join(SRC, area));

const filesUnder = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
});

const resolveImport = (from: string, specifier: string): string | undefined => {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier.split('?')[0] ?? specifier);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
};

/** Every circle of imports among `files`, each as the files it runs through (relative to src/). */
export function importCycles(files: readonly string[]): string[][] {
  const edges = new Map(files.map((file) => [file, importsOf(readFileSync(file, 'utf8'))
    .map((specifier) => resolveImport(file, specifier))
    .filter((target): target is string => target !== undefined && files.includes(target))]));
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]): void => {
    state.set(file, 'open');
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), file, next].map((f) => relative(SRC, f)));
      else if (!state.has(next)) visit(next, [...path, file]);
    }
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file, []);
  return cycles;
}

describe('import cycles', () => {
  const files = AREAS.flatMap(filesUnder);

  it('src/dicom and src/app/loading have sources to check', () => expect(files.length).toBeGreaterThan(40));

  it('no module of src/dicom or src/app/loading imports itself back through others', () => {
    expect(importCycles(files)).toEqual([]);
  });
});
