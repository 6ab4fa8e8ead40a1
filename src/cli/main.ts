// Entry point of the `recist` command (bin/recist.mjs loads its build, dist-cli/recist.mjs; `npx tsx` can run it
// from source): real files and streams around the runner. Imports nothing but the dispatcher, so `recist --help`
// starts as fast as Node itself.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { dispatch } from './dispatch';

/** In the build, the inspect worker sits beside this file; from source (tsx) there is none to start. */
const inspectWorker = import.meta.url.endsWith('.mjs') ? new URL('./inspectWorker.mjs', import.meta.url) : undefined;

const result = await dispatch(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  readBytes: (path) => {
    // The Buffer's own memory, not a copy (a 512 x 512 slice is half a megabyte); a small file that Node put in its
    // shared pool is copied, so the bytes never share an ArrayBuffer with anything else.
    const data = readFileSync(path);
    const whole = data.byteOffset === 0 && data.buffer.byteLength === data.length;
    return whole ? new Uint8Array(data.buffer, 0, data.length) : new Uint8Array(data);
  },
  writeBytes: (path, bytes) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  },
  writeOut: (text) => void process.stdout.write(text),
  inspectWorker,
});
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
