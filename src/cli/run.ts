// The `recist` command in-process, as a function of its arguments and a file reader, so tests run it without a
// process. The process entry (main.ts) goes through dispatch.ts, which loads only the subcommand it runs.
import { agreementCommand } from './agreementCommand';
import { assessCommand } from './assessCommand';
import { dispatch } from './dispatch';
import { exportCommand } from './exportCommand';
import { HELP } from './help';
import type { CliIo, CliOutput } from './io';
import { SUBCOMMANDS } from './subcommands';
import { survivalCommand } from './survivalCommand';

/** Subcommands that read whole files synchronously, for callers that cannot await (the engine's spec tests). */
const syncSubcommands: Record<string, (args: string[], io: CliIo) => CliOutput> = {
  agreement: agreementCommand,
  assess: assessCommand,
  export: exportCommand,
  survival: survivalCommand,
};

/** The whole command line, every subcommand (those that decode images are asynchronous). */
export const runRecistCliAsync = (argv: string[], io: CliIo): Promise<CliOutput> => dispatch(argv, io);

/** The synchronous subcommands only; an asynchronous one (inspect) is a usage error here: use runRecistCliAsync. */
export function runRecistCli(argv: string[], io: CliIo): CliOutput {
  const [subcommand, ...rest] = argv;
  if (subcommand === undefined) return { stdout: '', stderr: HELP, exitCode: 2 };
  if (subcommand === '--help' || subcommand === '-h' || subcommand === 'help') {
    return { stdout: HELP, stderr: '', exitCode: 0 };
  }
  const run = syncSubcommands[subcommand];
  if (!run && Object.hasOwn(SUBCOMMANDS, subcommand)) throw new Error(`recist ${subcommand} is asynchronous: use runRecistCliAsync`);
  if (!run) {
    return {
      stdout: '',
      stderr: `recist: unknown subcommand "${subcommand}" (known: ${Object.keys(SUBCOMMANDS).join(', ')}). Run "recist --help" for usage.\n`,
      exitCode: 2,
    };
  }
  return run(rest, io);
}

export const SYNC_SUBCOMMAND_NAMES: readonly string[] = Object.keys(syncSubcommands);
