import { readInteger } from '../config/env-readers';

/** Most items one page of any GraphQL list may hold. */
export const MAX_PAGE_SIZE = 1000;

/** Items of a page when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 100;

/** Limits that keep one GraphQL request from doing unbounded work; past one, a clear error, not a timeout. */
export interface GraphqlLimits {
  /** Deepest nesting of fields in an operation (fragments included). */
  maxDepth: number;
  /** Most aliased fields in one operation: each alias can repeat an expensive field. */
  maxAliases: number;
  /** Highest estimated cost of an operation: paged fields count `first` times their selection. */
  maxCost: number;
}

/** Injection token of the GraphqlLimits. */
export const GRAPHQL_LIMITS = Symbol('GRAPHQL_LIMITS');

/** Reads `PODREACH_GRAPHQL_MAX_DEPTH|ALIASES|COST`; throws ConfigError for a bad value. */
export function loadGraphqlLimits(env: NodeJS.ProcessEnv): GraphqlLimits {
  return {
    maxDepth: readInteger(env, 'PODREACH_GRAPHQL_MAX_DEPTH', 12, 1, 100),
    maxAliases: readInteger(env, 'PODREACH_GRAPHQL_MAX_ALIASES', 20, 0, 1000),
    maxCost: readInteger(env, 'PODREACH_GRAPHQL_MAX_COST', 200_000, 1),
  };
}
