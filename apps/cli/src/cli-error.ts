/** Exit codes of every command: scripts and CI jobs branch on them. */
export const EXIT_OK = 0;
/** `diff --fail-on` was hit, or `check` found the connection denied. */
export const EXIT_GATE = 1;
/** Bad arguments, unreadable or invalid input, an unreachable or failing server. */
export const EXIT_ERROR = 2;

/** An error the user can fix; printed as `podreach: <message>` (plus `details` lines), exit code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    /** Extra lines printed under the message, such as a list of problems. */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A command line that cannot be run: the message is followed by a hint to the command's help. */
export class UsageError extends CliError {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
