// Which builds of our app a viewer bench run measures (BENCH_APP_SOURCE): the work tree (default), the last commit
// (`head`), or both in the same browser run (`both`), for an A/B that other work on the machine hits alike.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { DATA_DIR, REPO } from './benchData';

export type AppSource = 'worktree' | 'head' | 'both';

export const APP_SOURCE: AppSource = process.env.BENCH_APP_SOURCE === 'head' ? 'head'
  : process.env.BENCH_APP_SOURCE === 'both' ? 'both' : 'worktree';

/** `ours` is the work tree (the last commit with BENCH_APP_SOURCE=head); `head` is the last commit, in `both` only. */
export type AppViewer = 'ours' | 'head';

export const APP_VIEWERS: readonly AppViewer[] = APP_SOURCE === 'both' ? ['ours', 'head'] : ['ours'];

export const appDist = (viewer: AppViewer): string => join(DATA_DIR, 'dist', viewer === 'ours' ? 'app' : 'app-head');

/** The last commit, as files (a `git archive` into bench/data/app-src); node_modules resolve upwards to the repo's. */
function headSource(): string {
  const dir = join(DATA_DIR, 'app-src');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git archive HEAD | tar -x -C '${dir}'`], { cwd: REPO });
  return dir;
}

/** Builds each app viewer; a failed build is a note, and that viewer is skipped. */
export async function buildApps(): Promise<Map<AppViewer, string>> {
  const errors = new Map<AppViewer, string>();
  for (const viewer of APP_VIEWERS) {
    const root = viewer === 'head' || APP_SOURCE === 'head' ? headSource() : REPO;
    try {
      await build({ root, logLevel: 'error', build: { outDir: appDist(viewer), emptyOutDir: true } });
    } catch (thrown) {
      errors.set(viewer, `${viewer} build failed: ${thrown instanceof Error ? thrown.message.split('\n')[0] : String(thrown)}`);
    }
  }
  return errors;
}

export function appLabel(viewer: AppViewer): string {
  if (APP_SOURCE !== 'both') return 'ours';
  return viewer === 'ours' ? 'ours (work tree)' : 'ours at HEAD';
}

export function gitState(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'index.html', 'vite.config.ts'], { cwd: REPO, encoding: 'utf8' }).trim();
    const tree = `the work tree at ${head}${dirty ? ', with uncommitted changes under src/' : ''}`;
    if (APP_SOURCE === 'head') return `built from commit ${head} (BENCH_APP_SOURCE=head)`;
    if (APP_SOURCE === 'both') return `"ours (work tree)" built from ${tree}; "ours at HEAD" from commit ${head} (BENCH_APP_SOURCE=both)`;
    return `built from ${tree}`;
  } catch {
    return 'built from the work tree (git unavailable)';
  }
}
