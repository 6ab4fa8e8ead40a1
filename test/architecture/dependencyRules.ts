// The dependency directions of STYLE.md as data, and a checker that reads import statements.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

export type Layer = 'shared' | 'recist' | 'dicom' | 'viewer' | 'store' | 'export' | 'cli' | 'ui' | 'app' | 'phantom' | 'survival' | 'tracking' | 'cohort' | 'pacs' | 'sr' | 'agreement' | 'segment';

interface Rule {
  /** Layers of src/ this layer may import (itself is always allowed). */
  readonly mayImport: readonly Layer[];
  /** npm packages it must not import (prefix match on the specifier). */
  readonly forbiddenPackages: readonly string[];
}

const UI_LIBS = ['react', 'react-dom'];
export const RULES: Record<Layer, Rule> = {
  shared: { mayImport: [], forbiddenPackages: ['*'] },
  recist: { mayImport: ['shared'], forbiddenPackages: ['*'] },
  survival: { mayImport: ['shared'], forbiddenPackages: ['*'] },
  // One-click lesion segmentation on a slice's HU: pure, runs in a worker, in the CLI and in the bench.
  segment: { mayImport: ['shared'], forbiddenPackages: ['*'] },
  // Two readers' reads compared: discordance, adjudication, Cohen's kappa (issue 20). Pure.
  agreement: { mayImport: ['shared', 'recist', 'survival'], forbiddenPackages: ['*'] },
  // The cohort screen's view models (patient CSV, groups, statistics, plot geometry, reader agreement) and their
  // wording: pure.
  cohort: { mayImport: ['shared', 'survival', 'recist', 'agreement'], forbiddenPackages: ['*'] },
  dicom: { mayImport: ['shared'], forbiddenPackages: [...UI_LIBS, 'dexie', 'cornerstone-core', 'cornerstone-tools'] },
  phantom: { mayImport: ['shared'], forbiddenPackages: [...UI_LIBS, 'dexie', 'cornerstone-core', 'dicom-parser'] },
  // The reader's record (patients, time points, lesions, measurements) and its mapping onto the engine: pure.
  tracking: { mayImport: ['shared', 'recist', 'dicom'], forbiddenPackages: [...UI_LIBS, 'dexie', 'cornerstone-core', 'cornerstone-tools', 'dicom-parser'] },
  export: { mayImport: ['shared', 'recist', 'survival', 'store', 'tracking', 'agreement'], forbiddenPackages: [...UI_LIBS, 'cornerstone-core', 'dicom-parser'] },
  // The DICOMweb client (QIDO-RS, WADO-RS, STOW-RS) over fetch: no React, no database, no viewer; pure code only,
  // and the comparison of a read here with one rebuilt from the PACS's SRs (tracking rows, sr's tracking UIDs).
  pacs: { mayImport: ['shared', 'dicom', 'recist', 'tracking', 'sr'], forbiddenPackages: [...UI_LIBS, 'dexie', 'cornerstone-core', 'cornerstone-tools', 'dicom-parser'] },
  // DICOM SR (TID 1500) out of and back into the record: pure bytes in and out, its own reader and writer; phantom
  // for its deterministic 2.25 UIDs.
  sr: { mayImport: ['shared', 'recist', 'dicom', 'tracking', 'export', 'phantom'], forbiddenPackages: [...UI_LIBS, 'dexie', 'cornerstone-core', 'cornerstone-tools', 'dicom-parser'] },
  store: { mayImport: ['shared', 'recist', 'dicom', 'tracking', 'sr'], forbiddenPackages: ['cornerstone-core', 'cornerstone-tools', 'dicom-parser'] },
  viewer: { mayImport: ['shared', 'dicom', 'recist', 'tracking', 'segment'], forbiddenPackages: ['dexie'] },
  cli: { mayImport: ['shared', 'recist', 'dicom', 'export', 'survival', 'phantom', 'tracking', 'cohort', 'sr', 'agreement', 'segment'], forbiddenPackages: [...UI_LIBS, 'dexie', 'cornerstone-core'] },
  ui: {
    mayImport: ['shared', 'recist', 'dicom', 'viewer', 'store', 'export', 'survival', 'tracking', 'cohort', 'pacs', 'sr', 'agreement', 'segment'],
    forbiddenPackages: ['dexie', 'cornerstone-core', 'cornerstone-tools', 'dicom-parser'],
  },
  app: { mayImport: ['shared', 'recist', 'dicom', 'viewer', 'store', 'export', 'survival', 'ui', 'tracking', 'cohort', 'pacs', 'sr', 'agreement', 'segment'], forbiddenPackages: [] },
};

/** Packages that exactly one layer owns (STYLE.md principle 6). */
export const OWNERS: Record<string, Layer> = {
  'cornerstone-core': 'viewer',
  'cornerstone-tools': 'viewer',
  'dicom-parser': 'dicom',
  dexie: 'store',
};

const IMPORT = /(?:^|[^\w.])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT)) out.push((m[1] ?? m[2]) as string);
  return out;
}

export function layerOf(srcRoot: string, file: string): Layer | null {
  const top = relative(srcRoot, file).split(/[\\/]/)[0];
  return top !== undefined && top in RULES ? (top as Layer) : null;
}

const isBuiltin = (spec: string) => spec.startsWith('node:');
const packageName = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string));

/** Every violation in one file, as readable sentences. */
export function violations(srcRoot: string, file: string, source: string): string[] {
  const layer = layerOf(srcRoot, file);
  const where = relative(srcRoot, file);
  if (layer === null) return [`${where}: not in a known layer (${Object.keys(RULES).join(', ')})`];
  const rule = RULES[layer];
  const found: string[] = [];
  for (const spec of importsOf(source)) {
    if (spec.startsWith('.')) {
      const target = layerOf(srcRoot, resolve(dirname(file), spec));
      if (target === null) found.push(`${where}: imports ${spec}, outside src/`);
      else if (target !== layer && !rule.mayImport.includes(target)) {
        found.push(`${where}: ${layer} must not import ${target} (${spec})`);
      }
      continue;
    }
    if (isBuiltin(spec)) {
      if (layer !== 'cli' && layer !== 'phantom') found.push(`${where}: ${layer} must not use Node built-in ${spec}`);
      continue;
    }
    const pkg = packageName(spec);
    const owner = OWNERS[pkg];
    if (owner !== undefined && owner !== layer) found.push(`${where}: only ${owner} may import ${pkg}`);
    else if (rule.forbiddenPackages.includes('*') || rule.forbiddenPackages.includes(pkg)) found.push(`${where}: ${layer} must not import ${pkg}`);
  }
  return found;
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

export const readSource = (file: string) => readFileSync(file, 'utf8');
