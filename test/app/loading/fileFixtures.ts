// Files as the loading pipeline gets them, for tests: in-memory Blobs, and a file deleted after it was chosen.
import { openAsBlob, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dcmjsImage } from '../../dicom/fixtures/dcmjsImage';

export const blobOf = (bytes: Uint8Array): Blob => new Blob([bytes as Uint8Array<ArrayBuffer>]);

/** A file that was chosen, then deleted: reading it fails as it does in a browser (NotReadableError). */
export async function goneFile(): Promise<Blob> {
  const path = join(tmpdir(), `recist-gone-${process.pid}-${Math.random().toString(36).slice(2)}.dcm`);
  writeFileSync(path, dcmjsImage({}));
  const blob = await openAsBlob(path);
  rmSync(path);
  return blob;
}
