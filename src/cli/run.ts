// The `recist` command as a pure function of its arguments and a file reader, so tests run it without a process.
import { assessCommand } from './assessCommand';
import { HELP } from './help';
import type { CliIo, CliOutput } from './io';

const subcommands: Record<string, (args: string[], io: CliIo) => CliOutput> = {
  assess: assessCommand,
};

export function runRecistCli(argv: string[], io: CliIo): CliOutput {
  const [subcommand, ...rest] = argv;
  if (subcommand === undefined) return { stdout: '', stderr: HELP, exitCode: 2 };
  if (subcommand === '--help' || subcommand === '-h' || subcommand === 'help') {
    return { stdout: HELP, stderr: '', exitCode: 0 };
  }
  const run = subcommands[subcommand];
  if (!run) {
    const known = Object.keys(subcommands).join(', ');
    return {
      stdout: '',
      stderr: `recist: unknown subcommand "${subcommand}" (known: ${known}). Run "recist --help" for usage.\n`,
      exitCode: 2,
    };
  }
  return run(rest, io);
}
