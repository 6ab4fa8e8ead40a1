export interface CliIo {
  /** Reads a UTF-8 text file; throws (like fs.readFileSync) when it cannot. */
  readFile(path: string): string;
}

export interface CliOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}
