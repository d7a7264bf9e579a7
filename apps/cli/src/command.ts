import type { CliIo } from './io';

/** Options of one command as `node:util` parseArgs takes them; `multiple` options may be repeated. */
export type OptionSpecs = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** A parsed command line: option values by long name (a list for `multiple` ones), and the positional arguments. */
export interface CommandArgs {
  values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  positionals: string[];
}

/** One subcommand (`diff`, `check`, ...): its help, its options and what it does. */
export interface Command {
  name: string;
  /** One line for the command list of `podreach --help`. */
  summary: string;
  /** The whole text of `podreach <name> --help`. */
  help: string;
  options: OptionSpecs;
  /** How many positional arguments the command takes. */
  positionals: { min: number; max: number };
  /** Returns the exit code; throws CliError for anything the user must fix. */
  run(args: CommandArgs, io: CliIo): Promise<number>;
}
