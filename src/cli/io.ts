export interface CliIo {
  /** Reads a UTF-8 text file; throws (like fs.readFileSync) when it cannot. */
  readFile(path: string): string;
  /** Reads a file's bytes; throws (like fs.readFileSync) when it cannot. */
  readBytes(path: string): Uint8Array;
}

export interface CliOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}
