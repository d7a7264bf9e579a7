import { EngineError, ValidationError, type ValidationProblem } from '@podreach/policy-engine';
import { CliError, UsageError } from './cli-error';

/** `document: Kind namespace/name: path: message`, the parts a problem has. */
function problemLine(problem: ValidationProblem): string {
  const object =
    problem.kind === undefined
      ? ''
      : ` ${problem.kind} ${problem.namespace === undefined ? '' : `${problem.namespace}/`}${problem.name ?? '(no name)'}:`;
  const path = problem.path === '' ? '' : ` ${problem.path}:`;
  return `  ${problem.document}:${object}${path} ${problem.message}`;
}

/**
 * The text printed on stderr for an error: the message, then what helps fix it (every validation
 * problem with its file and field path, the candidates of an ambiguous name, the command's help).
 * Anything that is not a known error is a bug: its stack is shown so it can be reported.
 */
export function describeError(error: unknown): string {
  if (error instanceof UsageError) {
    const help = error.command === undefined ? 'podreach --help' : `podreach ${error.command} --help`;
    return `podreach: ${error.message}\nRun \`${help}\` for usage.\n`;
  }
  if (error instanceof CliError) return [`podreach: ${error.message}`, ...error.details, ''].join('\n');
  if (error instanceof ValidationError) {
    return [`podreach: invalid manifests: ${error.message}`, ...error.problems.map(problemLine), ''].join(
      '\n',
    );
  }
  if (error instanceof EngineError) return `podreach: ${error.message}\n`;
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `podreach: unexpected error (please report it):\n${stack}\n`;
}
