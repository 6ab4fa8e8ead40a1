// Many files' bytes -> the series they contain, plus what was skipped and why (pure; the caller reads the files).
import type { CtSeries } from './ctSeries';
import { groupIntoSeries } from './ctSeries';
import type { CtInstance } from './ctInstance';
import type { DicomError } from './dicomError';
import { parseCtInstance } from './parseCtInstance';

export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ParsedFiles {
  readonly series: CtSeries[];
  readonly skipped: DicomError[];
}

export function parseFiles(files: readonly NamedBytes[]): ParsedFiles {
  const instances: CtInstance[] = [];
  const skipped: DicomError[] = [];
  for (const { name, bytes } of files) {
    const result = parseCtInstance(bytes, name);
    if (result.ok) instances.push(result.value);
    else skipped.push(result.error);
  }
  return { series: groupIntoSeries(instances), skipped };
}
