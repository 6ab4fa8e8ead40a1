// `recist <subcommand> ...` to the subcommand's module, loaded on demand; help and usage errors without loading any.
import { HELP } from './help';
import type { CliIo, CliOutput } from './io';
import { SUBCOMMANDS } from './subcommands';

export async function dispatch(argv: string[], io: CliIo): Promise<CliOutput> {
  const [subcommand, ...rest] = argv;
  if (subcommand === undefined) return { stdout: '', stderr: HELP, exitCode: 2 };
  if (subcommand === '--help' || subcommand === '-h' || subcommand === 'help') return { stdout: HELP, stderr: '', exitCode: 0 };
  const load = Object.hasOwn(SUBCOMMANDS, subcommand) ? SUBCOMMANDS[subcommand] : undefined;
  if (load === undefined) {
    return {
      stdout: '',
      stderr: `recist: unknown subcommand "${subcommand}" (known: ${Object.keys(SUBCOMMANDS).join(', ')}). Run "recist --help" for usage.\n`,
      exitCode: 2,
    };
  }
  return (await load())(rest, io);
}
