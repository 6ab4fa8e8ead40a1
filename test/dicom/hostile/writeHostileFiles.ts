// Writes the hostile files into a folder, to time `recist inspect` on each (see README of issue 18's figures):
//   npx tsx test/dicom/hostile/writeHostileFiles.ts /tmp/hostile
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { missingTools, workdir } from '../codecs/fixtures/tools';
import { HOSTILE_TOOLS, hostileFiles } from './hostileFiles';

const target = process.argv[2];
if (target === undefined) throw new Error('usage: writeHostileFiles.ts FOLDER');
const missing = missingTools(...HOSTILE_TOOLS);
if (missing) throw new Error(missing);
const dir = workdir();
try {
  for (const { name, bytes } of hostileFiles(dir)) writeFileSync(join(target, name), bytes);
} finally {
  dir.remove();
}
