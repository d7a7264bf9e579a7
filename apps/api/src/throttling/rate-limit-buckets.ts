import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The buckets a request is counted in: every limited request in `requests`, some in one more. */
export type RateLimitBucket = 'requests' | 'uploads' | 'heavy';

/** Routes, as `METHOD pattern`, whose body is a snapshot or manifests to decode. */
const UPLOAD_ROUTES = new Set(['POST /api/v1/snapshots', 'POST /api/v1/snapshots/:id/what-if']);
/** Routes that compute every connection of one or two snapshots. */
const HEAVY_ROUTES = new Set(['GET /api/v1/snapshots/:id/connectivity', 'GET /api/v1/diff']);
/** Probes and the metrics scrape: an orchestrator or Prometheus must never be turned away. */
const UNLIMITED_ROUTES = new Set(['GET /healthz', 'GET /readyz', 'GET /metrics']);
/** GraphQL fields that compute every connection: `Snapshot.connectivity`, `diff`, `whatIf`. */
const HEAVY_FIELDS = new Set(['connectivity', 'diff', 'whatIf']);

function routeKey(request: FastifyRequest): string {
  // A HEAD request runs the GET handler.
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  return `${method} ${request.routeOptions.url ?? ''}`;
}

/** Whether a REST request is one that rate limits never apply to. */
export function isUnlimitedRoute(request: FastifyRequest): boolean {
  return UNLIMITED_ROUTES.has(routeKey(request));
}

/**
 * Whether an operation selects one of `fields` anywhere, through fragments too. Runs after validation,
 * so every fragment exists and none spreads itself; `seen` only keeps a fragment from being walked twice.
 */
export function selectsAnyField(
  selectionSet: SelectionSetNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  fields: ReadonlySet<string>,
  seen = new Set<string>(),
): boolean {
  return selectionSet.selections.some((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return (
          fields.has(selection.name.value) ||
          (selection.selectionSet !== undefined &&
            selectsAnyField(selection.selectionSet, fragments, fields, seen))
        );
      case Kind.INLINE_FRAGMENT:
        return selectsAnyField(selection.selectionSet, fragments, fields, seen);
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (seen.has(name) || fragment === undefined) return false;
        seen.add(name);
        return selectsAnyField(fragment.selectionSet, fragments, fields, seen);
      }
    }
  });
}

/**
 * The stricter bucket a request counts in besides `requests`, if any: REST by its route, GraphQL by the
 * fields its operation selects (so that a full connectivity costs the same whichever API asks).
 */
export function specialBucket(context: ExecutionContext): 'uploads' | 'heavy' | undefined {
  if (context.getType<GqlContextType>() === 'graphql') {
    const { operation, fragments } = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    return selectsAnyField(operation.selectionSet, fragments, HEAVY_FIELDS) ? 'heavy' : undefined;
  }
  const key = routeKey(context.switchToHttp().getRequest<FastifyRequest>());
  if (UPLOAD_ROUTES.has(key)) return 'uploads';
  if (HEAVY_ROUTES.has(key)) return 'heavy';
  return undefined;
}
