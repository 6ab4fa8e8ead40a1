// The outside checkers of our SRs, run on bytes: dicom3tools' dciodvfy (IOD conformance; it exits 0 even with
// errors, so its output is read), dcmtk's dsrdump (renders the content tree) and dcmconv (transcodes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'recist-sr-'));
let n = 0;

export function tempFile(bytes: Uint8Array): string {
  const path = join(dir, `sr-${++n}.dcm`);
  writeFileSync(path, bytes);
  return path;
}

function run(command: string, args: string[]): { out: string; status: number | null } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} did not run (${result.error.message}): npm test installs it (scripts/test-all.mjs)`);
  return { out: `${result.stdout}${result.stderr}`, status: result.status };
}

/** dciodvfy's lines that say Error (warnings, e.g. for our 99RECISTRDR codes, are left out). */
export const dciodvfyErrors = (bytes: Uint8Array): string[] =>
  run('dciodvfy', [tempFile(bytes)]).out.split('\n').filter((line) => /\bError\b/.test(line));

export function dsrdump(bytes: Uint8Array): { out: string; status: number | null } {
  return run('dsrdump', ['--print-template-id', tempFile(bytes)]);
}

/** The same file in another transfer syntax (dcmconv +ti implicit VR, +td deflated), as some PACS send it. */
export function transcoded(bytes: Uint8Array, option: '+ti' | '+td'): Uint8Array {
  const input = tempFile(bytes);
  const output = `${input}${option}.dcm`;
  const { out, status } = run('dcmconv', [option, input, output]);
  if (status !== 0) throw new Error(`dcmconv failed: ${out}`);
  return new Uint8Array(readFileSync(output));
}
