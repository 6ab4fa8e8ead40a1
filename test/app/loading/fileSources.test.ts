import { describe, expect, it } from 'vitest';
import { filesFromEntries } from '../../../src/app/loading/fileSources';

// Just the FileSystemEntry members a drop uses; a folder lists its children in batches, as Chromium does (100 at a time).
type Node = { name: string; file?: string; children?: Node[]; fails?: boolean };

function entry(node: Node, parent = ''): FileSystemEntry {
  const fullPath = `${parent}/${node.name}`;
  if (node.children === undefined) {
    return {
      isFile: true, isDirectory: false, name: node.name, fullPath,
      file: (resolve: (f: File) => void, reject: (e: Error) => void) =>
        (node.fails ? reject(new Error('NotReadableError')) : resolve(new File([node.file ?? ''], node.name))),
    } as unknown as FileSystemEntry;
  }
  const children = node.children.map((child) => entry(child, fullPath));
  return {
    isFile: false, isDirectory: true, name: node.name, fullPath,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (resolve: (batch: FileSystemEntry[]) => void) => {
          const batch = children.slice(at, at + 2);
          at += 2;
          resolve(batch);
        },
      };
    },
  } as unknown as FileSystemEntry;
}

describe('filesFromEntries: a drop of files and folders', () => {
  it('walks folders recursively, through every batch of a long listing, naming files by their path', async () => {
    const dropped = await filesFromEntries([
      entry({ name: 'CD', children: [
        { name: 'DICOMDIR', file: 'x' },
        { name: 'S1', children: [{ name: 'IM1', file: 'a' }, { name: 'IM2', file: 'b' }, { name: 'IM3', file: 'c' }] },
        { name: 'empty', children: [] },
      ] }),
      entry({ name: 'loose.dcm', file: 'd' }),
    ]);
    expect(dropped.files.map((f) => f.name)).toEqual(['CD/DICOMDIR', 'CD/S1/IM1', 'CD/S1/IM2', 'CD/S1/IM3', 'loose.dcm']);
    expect(dropped.unreadable).toEqual([]);
  });

  it('a file the browser will not read is a report line; the rest of the drop goes on', async () => {
    const dropped = await filesFromEntries([entry({ name: 'F', children: [{ name: 'ok', file: 'a' }, { name: 'locked', fails: true }] })]);
    expect(dropped.files.map((f) => f.name)).toEqual(['F/ok']);
    expect(dropped.unreadable).toEqual([{ file: 'F/locked', code: 'UNREADABLE', detail: 'NotReadableError', frame: undefined }]);
  });
});
