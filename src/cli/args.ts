// A small, strict option reader: unknown options and missing values are usage errors, never ignored.

export interface OptionSpec {
  readonly flags: readonly string[];
  readonly valued: readonly string[];
}

export type ParsedArgs =
  | { ok: true; positional: string[]; flags: Set<string>; values: Map<string, string> }
  | { ok: false; message: string };

export function parseArgs(args: readonly string[], spec: OptionSpec): ParsedArgs {
  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (spec.flags.includes(name)) {
      if (inline !== undefined) return { ok: false, message: `${name} takes no value` };
      flags.add(name);
    } else if (spec.valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) return { ok: false, message: `${name} needs a value` };
      values.set(name, value);
    } else {
      return { ok: false, message: `unknown option ${name}` };
    }
  }
  return { ok: true, positional, flags, values };
}
