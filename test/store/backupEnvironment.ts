// What dexie-export-import expects of a browser and Node 20 lacks: a global `self` (read when the module loads) and
// FileReader (it reads the backup Blob with one). Import this before anything that imports src/store/backup.ts.
import 'fake-indexeddb/auto';

const scope = globalThis as { self?: unknown; FileReader?: unknown };
scope.self ??= globalThis;

interface ReadEvent { readonly target: { readonly result: ArrayBuffer | null; readonly error: unknown } }

/** Just what dexie-export-import calls: readAsArrayBuffer, then onload (or onerror) with event.target.result. */
class NodeFileReader {
  result: ArrayBuffer | null = null;
  error: unknown = null;
  onload: ((event: ReadEvent) => void) | null = null;
  onerror: ((event: ReadEvent) => void) | null = null;
  onabort: ((event: ReadEvent) => void) | null = null;

  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then(
      (buffer) => { this.result = buffer; this.onload?.({ target: this }); },
      (e: unknown) => { this.error = e; this.onerror?.({ target: this }); },
    );
  }
}
scope.FileReader ??= NodeFileReader;
