import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import { EngineError } from '@podreach/policy-engine';
import { ApiError } from '../common/api-error';
import { QueryLimitError } from './query-limits.rule';

const logger = new Logger('GraphQL');

/** Codes Apollo itself gives to malformed requests: kept as they are. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * The one place GraphQL errors get their `extensions.code`: domain errors (EngineError, ApiError) keep their
 * code and details, exactly as REST sends them; limits say LIMIT_EXCEEDED; Apollo's request errors keep
 * theirs; anything else is INTERNAL with its cause logged, never sent (no stack traces in answers).
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const cause = original instanceof Error && 'originalError' in original ? original.originalError : undefined;
  const { locations, path } = formatted;
  const where = { ...(locations ? { locations } : {}), ...(path ? { path } : {}) };
  if (original instanceof EngineError || original instanceof ApiError) {
    return {
      message: original.message,
      ...where,
      extensions: { code: original.code, details: original.details ?? {} },
    };
  }
  const limit = original instanceof QueryLimitError ? original : cause;
  if (limit instanceof QueryLimitError) {
    const { code, details } = limit.extensions;
    return { message: limit.message, ...where, extensions: { code, details } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_CODES.has(code)) {
    return { message: formatted.message, ...where, extensions: { code } };
  }
  logger.error({ err: original }, 'Unexpected error while serving a GraphQL request');
  return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL' } };
}
