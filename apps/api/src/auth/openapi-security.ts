import type { OpenAPIObject } from '@nestjs/swagger';
import { routeAccess } from './route-access';

/** The name of the Bearer security scheme in the OpenAPI document. */
export const BEARER_SCHEME = 'bearer';

/**
 * Marks the operations anyone may call (the health probes) as needing no key, by the same rule the
 * authentication hook applies; every other operation keeps the document's global Bearer requirement.
 * OpenAPI paths write parameters as `{id}` where routes have `:id`, which does not matter here.
 */
export function markPublicOperations(document: OpenAPIObject, metricsPublic: boolean): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'head'] as const) {
      const operation = item[method];
      if (operation && routeAccess(method.toUpperCase(), path, metricsPublic).public) operation.security = [];
    }
  }
}
