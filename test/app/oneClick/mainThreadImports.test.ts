// The segmentation runs in the one-click worker only: the modules the page loads import none of it (a type import is
// erased), so the page stays light and a segmentation that cannot load in a browser fails one-click, not the app.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('../../../src/app/oneClick/', import.meta.url));
const PAGE_MODULES = ['useOneClick.ts', 'oneClickClient.ts', 'proposal.ts', 'suggestTarget.ts', 'insideOutline.ts', 'oneClickProtocol.ts'];
const WORKER_ONLY = ['./suggestLesion', './oneClickTasks', './oneClickWorker', '../../segment/segmentLesion'];

const valueImports = (file: string) =>
  [...readFileSync(`${DIR}${file}`, 'utf8').matchAll(/^\s*import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)].map(([, from]) => from ?? '');

it.each(PAGE_MODULES)('%s loads nothing of the segmentation', (file) => {
  expect(valueImports(file).filter((m) => WORKER_ONLY.includes(m))).toEqual([]);
  expect(valueImports(file).filter((m) => m.startsWith('../../segment/'))).toEqual([]);
});
