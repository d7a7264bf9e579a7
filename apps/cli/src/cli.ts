import { parseCommandArgs } from './args';
import { EXIT_ERROR, EXIT_OK, UsageError } from './cli-error';
import type { Command } from './command';
import { checkCommand } from './commands/check.command';
import { diffCommand } from './commands/diff.command';
import { keysCommand } from './commands/keys.command';
import { uploadCommand } from './commands/upload.command';
import { whoCanReachCommand } from './commands/who-can-reach.command';
import { describeError } from './describe-error';
import type { CliIo } from './io';

/** Every subcommand; a new one is one more entry here. */
export const COMMANDS: readonly Command[] = [
  diffCommand,
  checkCommand,
  whoCanReachCommand,
  uploadCommand,
  keysCommand,
];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const list = COMMANDS.map((command) => `  ${command.name.padEnd(width)}   ${command.summary}`);
  return `podreach - who can reach this pod, and what changed?

Usage: podreach <command> [options]

Commands:
${list.join('\n')}

Run \`podreach <command> --help\` for the options of a command.
Exit codes: 0 success; 1 diff --fail-on was hit, or check found the connection denied; 2 an error.
`;
}

/**
 * Runs one command line (the arguments after `podreach`) and returns the exit code. Never throws:
 * errors are printed on stderr and give exit code 2.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.stderr(mainHelp());
      return EXIT_ERROR;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      io.stdout(mainHelp());
      return EXIT_OK;
    }
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (command === undefined) {
      throw new UsageError(
        name.startsWith('-') ? `unknown option "${name}" before the command` : `unknown command "${name}"`,
      );
    }
    const args = parseCommandArgs(command, rest);
    if (args.help) {
      io.stdout(command.help);
      return EXIT_OK;
    }
    return await command.run(args, io);
  } catch (error) {
    io.stderr(describeError(error));
    return EXIT_ERROR;
  }
}
