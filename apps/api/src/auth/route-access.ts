import type { Scope } from './principal';

/** What a route asks of its caller: nothing (`public`), or a key holding `scope`. */
export type RouteAccess = { public: true } | { public: false; scope: Scope };

const PUBLIC: RouteAccess = { public: true };
const needs = (scope: Scope): RouteAccess => ({ public: false, scope });

/** Routes anyone may call: probes must work for orchestrators that hold no key. */
const PUBLIC_ROUTES = new Set(['/healthz', '/readyz']);
/** Routes that only ask questions although their method is not GET. */
const QUESTION_ROUTES = new Set([
  // Every GraphQL operation is a query: the schema has no mutations.
  '/graphql',
  // A what-if diff is computed and answered, never stored.
  '/api/v1/snapshots/:id/what-if',
]);
const KEY_ROUTES = '/api/v1/keys';
const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * The access rule of a request, by its method and matched route pattern (`undefined` when no route
 * matched): reads need `read`, everything that changes stored state needs `write`, managing keys needs
 * `admin`. Unknown routes need a key too, so that the set of routes is no secret to probe without one.
 */
export function routeAccess(method: string, route: string | undefined, metricsPublic: boolean): RouteAccess {
  // A CORS preflight never carries credentials (Fetch standard) and reaches no route of ours.
  if (method === 'OPTIONS') return PUBLIC;
  if (route !== undefined && READ_METHODS.has(method)) {
    if (PUBLIC_ROUTES.has(route) || (metricsPublic && route === '/metrics')) return PUBLIC;
  }
  if (route === KEY_ROUTES || route?.startsWith(`${KEY_ROUTES}/`)) return needs('admin');
  if (route === undefined || READ_METHODS.has(method) || QUESTION_ROUTES.has(route)) return needs('read');
  return needs('write');
}
