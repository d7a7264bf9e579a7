/** What a key may do: `read` everything it sees, `write` (upload, delete, retention), `admin` (manage keys). */
export type Scope = 'read' | 'write' | 'admin';

/** Every scope, weakest first: each one implies those before it. */
export const SCOPES: readonly Scope[] = ['read', 'write', 'admin'];

/**
 * Who is calling: the API key a request was authenticated with, set on the Fastify request as
 * `request.principal` when the request arrives (before its body is read). `keyId` is null in local mode
 * (auth off); `clusters` null means every cluster.
 */
export interface Principal {
  keyId: string | null;
  name: string;
  /** The granted scopes with those they imply: an admin key holds `admin`, `write` and `read`. */
  scopes: ReadonlySet<Scope>;
  clusters: readonly string[] | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for every request that needs a key (and for every request in local mode). */
    principal?: Principal;
  }
}

/** The caller in local mode, where authentication is off: everything, everywhere. */
export const LOCAL_PRINCIPAL: Principal = Object.freeze({
  keyId: null,
  name: 'local',
  scopes: new Set(SCOPES),
  clusters: null,
});

/** The granted scopes with everything they imply (admin implies write, write implies read). */
export function impliedScopes(granted: Iterable<Scope>): Set<Scope> {
  const strongest = Math.max(...[...granted].map((scope) => SCOPES.indexOf(scope)));
  return new Set(SCOPES.slice(0, strongest + 1));
}

/** Whether the principal may see (and, with `write`, change) the snapshots of `cluster`. */
export function maySeeCluster(principal: Principal, cluster: string): boolean {
  return principal.clusters === null || principal.clusters.includes(cluster);
}
