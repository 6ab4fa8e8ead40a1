export interface CliIo {
  /** Reads a UTF-8 text file; throws (like fs.readFileSync) when it cannot. */
  readFile(path: string): string;
  /** Reads a file's bytes; throws (like fs.readFileSync) when it cannot. */
  readBytes(path: string): Uint8Array;
  /** Writes a file, making its folder when missing; throws when it cannot. Commands that write files need it. */
  readonly writeBytes?: (path: string, bytes: Uint8Array) => void;
  /**
   * Where a long output goes as it is made (the process's standard output), so nothing is held after it is printed;
   * without it (in-process runs) the command returns all of it in CliOutput.stdout.
   */
  readonly writeOut?: (text: string) => void;
  /**
   * The built command's worker script for `recist inspect` (beside the bundle): files are then read and decoded on
   * every core. Without it (tests, tsx) they are read on this thread, one after another.
   */
  readonly inspectWorker?: URL;
}

export interface CliOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A text file's content, or what `recist <command>` prints when it cannot be read (exit 2): the file and why. */
export function readTextFile(io: CliIo, command: string, file: string): string | CliOutput {
  try {
    return io.readFile(file);
  } catch (e) {
    const reason = e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e);
    return { stdout: '', stderr: `recist ${command}: cannot read ${file}: ${reason}\n`, exitCode: 2 };
  }
}
