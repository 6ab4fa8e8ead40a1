import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, readSource, sourceFiles, violations } from './dependencyRules';

const srcRoot = resolve(__dirname, '../../src');

describe('dependency directions (STYLE.md, Layout)', () => {
  it('no module in src/ imports across a forbidden direction', () => {
    const found = sourceFiles(srcRoot).flatMap((f) => violations(srcRoot, f, readSource(f)));
    expect(found).toEqual([]);
  });

  it('the checker sees every import form', () => {
    const source = [
      "import a from 'dexie';",
      "import type { B } from '../ui/B';",
      "export { c } from './c';",
      "import './side-effect';",
      "const d = await import('cornerstone-core');",
      "import {\n  e,\n  f,\n} from 'react';",
    ].join('\n');
    expect(importsOf(source)).toEqual(['dexie', '../ui/B', './c', './side-effect', 'cornerstone-core', 'react']);
  });

  it.each([
    ['recist', "import { x } from '../ui/App';", 'recist must not import ui'],
    ['recist', "import React from 'react';", 'recist must not import react'],
    ['ui', "import Dexie from 'dexie';", 'only store may import dexie'],
    ['ui', "import * as cs from 'cornerstone-core';", 'only viewer may import cornerstone-core'],
    ['dicom', "import { useState } from 'react';", 'dicom must not import react'],
    ['store', "import { show } from '../viewer/show';", 'store must not import viewer'],
    ['recist', "import { readFileSync } from 'node:fs';", 'recist must not use Node built-in node:fs'],
  ])('flags a %s file that does %s', (layer, source, message) => {
    const file = join(srcRoot, layer, 'example.ts');
    expect(violations(srcRoot, file, source).join('\n')).toContain(message);
  });

  it('allows the directions STYLE.md permits', () => {
    expect(violations(srcRoot, join(srcRoot, 'cli', 'x.ts'), "import { a } from '../recist/assess';\nimport { b } from '../export/c';")).toEqual([]);
    expect(violations(srcRoot, join(srcRoot, 'viewer', 'x.ts'), "import * as cs from 'cornerstone-core';")).toEqual([]);
  });
});

describe('the command line never imports the UI', () => {
  it('flags any import of src/ui from src/cli, its messages included (shared words live below both)', () => {
    const cli = join(srcRoot, 'cli', 'x.ts');
    expect(violations(srcRoot, cli, "import { describeDicomErrorCode } from '../ui/messages';").join()).toContain('cli must not import ui');
    expect(violations(srcRoot, cli, "import { App } from '../ui/ReadingScreen';").join()).toContain('cli must not import ui');
    expect(violations(srcRoot, cli, "const m = await import('../ui/messages');").join()).toContain('cli must not import ui');
  });

  it('holds for every file of src/cli', () => {
    const cliFiles = sourceFiles(join(srcRoot, 'cli'));
    expect(cliFiles.length).toBeGreaterThan(0);
    const intoUi = cliFiles.flatMap((f) => violations(srcRoot, f, readSource(f))).filter((v) => v.includes('must not import ui'));
    expect(intoUi).toEqual([]);
  });
});
