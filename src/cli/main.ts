// Entry point of `npm run --silent recist -- <subcommand> ...`: real files and streams around the pure runner.
import { readFileSync } from 'node:fs';
import { runRecistCliAsync } from './run';

const result = await runRecistCliAsync(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  readBytes: (path) => new Uint8Array(readFileSync(path)),
});
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
