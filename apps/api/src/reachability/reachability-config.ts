import { readInteger } from '../config/env-readers';

/** Settings of the reachability answers, read from the environment once at start. */
export interface ReachabilityConfig {
  /** Snapshot analyses kept in memory (least recently used evicted first). */
  analysisCacheEntries: number;
}

/** Injection token of the ReachabilityConfig. */
export const REACHABILITY_CONFIG = Symbol('REACHABILITY_CONFIG');

/** Reads `PODREACH_ANALYSIS_CACHE_ENTRIES` (default 8); throws ConfigError for a bad value. */
export function loadReachabilityConfig(env: NodeJS.ProcessEnv): ReachabilityConfig {
  return { analysisCacheEntries: readInteger(env, 'PODREACH_ANALYSIS_CACHE_ENTRIES', 8, 1, 10_000) };
}
