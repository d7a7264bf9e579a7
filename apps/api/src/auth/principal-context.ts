import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LOCAL_PRINCIPAL, maySeeCluster, type Principal } from './principal';

/**
 * The principal of the request being served, for code far from the request (SnapshotsService, whichever
 * controller or resolver called it). The authentication hook runs each request's handler inside `run`.
 * It fails closed: with authentication on, code that runs outside a request's context sees nobody.
 */
@Injectable()
export class PrincipalContext {
  private readonly storage = new AsyncLocalStorage<Principal>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Runs `work` (and everything it starts) on behalf of `principal`. */
  run<T>(principal: Principal, work: () => T): T {
    return this.storage.run(principal, work);
  }

  /** The caller; UNAUTHENTICATED when authentication is on and no request context carries one. */
  current(): Principal {
    const principal = this.storage.getStore();
    if (principal !== undefined) return principal;
    if (!this.config.auth.enabled) return LOCAL_PRINCIPAL;
    throw new ApiError('UNAUTHENTICATED', 'This request carries no API key');
  }

  /** Whether the caller may see the snapshots of `cluster`. */
  maySee(cluster: string): boolean {
    return maySeeCluster(this.current(), cluster);
  }

  /** The clusters the caller may see; null for all. */
  visibleClusters(): readonly string[] | null {
    return this.current().clusters;
  }
}
