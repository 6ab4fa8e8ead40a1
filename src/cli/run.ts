// The `recist` command as a pure function of its arguments and a file reader, so tests run it without a process.
import { assessCommand } from './assessCommand';
import { exportCommand } from './exportCommand';
import { HELP } from './help';
import { inspectCommand } from './inspectCommand';
import type { CliIo, CliOutput } from './io';
import { survivalCommand } from './survivalCommand';

/** Subcommands that read whole files synchronously. */
const subcommands: Record<string, (args: string[], io: CliIo) => CliOutput> = {
  assess: assessCommand,
  export: exportCommand,
  survival: survivalCommand,
};

/** Subcommands that decode images (codecs load asynchronously). */
const asyncSubcommands: Record<string, (args: string[], io: CliIo) => Promise<CliOutput>> = {
  inspect: inspectCommand,
};

/** The whole command line, for the process entry point: every subcommand, synchronous or not. */
export async function runRecistCliAsync(argv: string[], io: CliIo): Promise<CliOutput> {
  const run = argv[0] === undefined ? undefined : asyncSubcommands[argv[0]];
  return run ? run(argv.slice(1), io) : runRecistCli(argv, io);
}

export function runRecistCli(argv: string[], io: CliIo): CliOutput {
  const [subcommand, ...rest] = argv;
  if (subcommand === undefined) return { stdout: '', stderr: HELP, exitCode: 2 };
  if (subcommand === '--help' || subcommand === '-h' || subcommand === 'help') {
    return { stdout: HELP, stderr: '', exitCode: 0 };
  }
  const run = subcommands[subcommand];
  if (!run) {
    const known = [...Object.keys(subcommands), ...Object.keys(asyncSubcommands)].join(', ');
    return {
      stdout: '',
      stderr: `recist: unknown subcommand "${subcommand}" (known: ${known}). Run "recist --help" for usage.\n`,
      exitCode: 2,
    };
  }
  return run(rest, io);
}
