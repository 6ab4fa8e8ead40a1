// Whether the built app in dist/ is older than its sources, so `npm run pacs` serves what the repository holds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'public', 'sample-dicom', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

/** Why `appDir` must be (re)built from the repository at `root`, or undefined when it is up to date. */
export function buildNeeded(root: string, appDir: string): string | undefined {
  const index = join(appDir, 'index.html');
  if (!existsSync(index)) return `${appDir} holds no build yet`;
  const built = statSync(index).mtimeMs;
  const changed = SOURCES.find((source) => newestChange(join(root, source)) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}
