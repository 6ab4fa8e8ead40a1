// Every subcommand of `recist`, each loaded only when it is run: `recist --help` reads none of them, and
// `recist assess` never loads the DICOM code. A new subcommand is one line here (its module exports a function of
// the arguments and the io), its words in help.ts; a synchronous one also goes in run.ts's table for in-process use.
import type { CliIo, CliOutput } from './io';

export type Subcommand = (args: string[], io: CliIo) => CliOutput | Promise<CliOutput>;

export const SUBCOMMANDS: Readonly<Record<string, () => Promise<Subcommand>>> = {
  agreement: async () => (await import('./agreementCommand')).agreementCommand,
  assess: async () => (await import('./assessCommand')).assessCommand,
  export: async () => (await import('./exportCommand')).exportCommand,
  inspect: async () => (await import('./inspectCommand')).inspectCommand,
  measure: async () => (await import('./measureCommand')).measureCommand,
  survival: async () => (await import('./survivalCommand')).survivalCommand,
  sr: async () => (await import('./srCommand')).srCommand,
};
