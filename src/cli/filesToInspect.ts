// What `recist inspect` was given, one file at a time: files as named, folders walked recursively as the app's
// "Open folder…" walks them. A generator, so a folder of any size is read one directory listing at a time.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export type InspectTarget =
  /** `named`: given on the command line; otherwise found in a folder, where a file that is no image is skipped. */
  | { readonly kind: 'file'; readonly path: string; readonly named: boolean }
  /** A path that could not be looked at (no such file, a folder that cannot be listed). */
  | { readonly kind: 'unreadable'; readonly path: string; readonly thrown: unknown };

/** Each folder's entries in name order (code points), so the output is the same on every machine. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function* filesToInspect(paths: readonly string[]): Generator<InspectTarget> {
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch (thrown: unknown) {
      yield { kind: 'unreadable', path, thrown };
      continue;
    }
    if (isFolder) yield* filesBelow(path, new Set());
    else yield { kind: 'file', path, named: true };
  }
}

/** `seen`: the folders (device and inode) on the way down, so a link back to a parent is not walked forever. */
function* filesBelow(folder: string, seen: Set<string>): Generator<InspectTarget> {
  let entries: Dirent[];
  try {
    const { dev, ino } = statSync(folder);
    if (seen.has(`${dev}:${ino}`)) return;
    seen = new Set(seen).add(`${dev}:${ino}`);
    entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => byName(a.name, b.name));
  } catch (thrown: unknown) {
    yield { kind: 'unreadable', path: folder, thrown };
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    let isFolder = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      // A link counts as what it points to, as in the browser's folder picker.
      try {
        isFolder = statSync(path).isDirectory();
      } catch (thrown: unknown) {
        yield { kind: 'unreadable', path, thrown };
        continue;
      }
    }
    if (isFolder) yield* filesBelow(path, seen);
    else yield { kind: 'file', path, named: false };
  }
}
