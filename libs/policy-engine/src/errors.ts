import type { ValidationProblem } from './model/objects';

/**
 * Stable codes of the engine's domain errors. The API maps them to HTTP statuses and GraphQL
 * `extensions.code` at its edge; the engine itself knows nothing of transports.
 */
export type EngineErrorCode =
  /** The input could not be parsed at all (broken JSON/YAML, not an object). */
  | 'PARSE_ERROR'
  /** Parsed, but objects break the API server's validation rules: `details.problems` lists them. */
  | 'VALIDATION_FAILED'
  /** A configured size or count limit was exceeded. */
  | 'LIMIT_EXCEEDED'
  /** A named workload, pod, namespace or peer does not exist in the snapshot. */
  | 'NOT_FOUND'
  /** A query argument is malformed (port, protocol, peer reference, selector). */
  | 'BAD_USER_INPUT'
  /** A short reference matches several objects: `details.candidates` names them. */
  | 'AMBIGUOUS';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Thrown when objects break validation rules; carries every problem found, not just the first. */
export class ValidationError extends EngineError {
  constructor(readonly problems: ValidationProblem[]) {
    super('VALIDATION_FAILED', `${problems.length} validation problem(s)`, { problems });
    this.name = 'ValidationError';
  }
}
