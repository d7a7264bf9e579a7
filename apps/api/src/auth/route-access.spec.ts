import { describe, expect, it } from 'vitest';
import { routeAccess } from './route-access';

describe('what each route needs', () => {
  it.each([
    { method: 'GET', route: '/healthz', needs: 'nothing' },
    { method: 'HEAD', route: '/readyz', needs: 'nothing' },
    { method: 'OPTIONS', route: undefined, needs: 'nothing' },
    { method: 'GET', route: '/metrics', needs: 'read' },
    { method: 'GET', route: '/api/v1/snapshots', needs: 'read' },
    { method: 'GET', route: '/api/v1/snapshots/:id/connectivity', needs: 'read' },
    { method: 'GET', route: '/api/v1/diff', needs: 'read' },
    { method: 'GET', route: '/api/docs-json', needs: 'read' },
    { method: 'POST', route: '/api/v1/snapshots/:id/what-if', needs: 'read' },
    { method: 'POST', route: '/graphql', needs: 'read' },
    { method: 'GET', route: '/graphql', needs: 'read' },
    { method: 'POST', route: '/api/v1/snapshots', needs: 'write' },
    { method: 'DELETE', route: '/api/v1/snapshots/:id', needs: 'write' },
    { method: 'PUT', route: '/api/v1/clusters/:name/retention', needs: 'write' },
    { method: 'GET', route: '/api/v1/keys', needs: 'admin' },
    { method: 'POST', route: '/api/v1/keys', needs: 'admin' },
    { method: 'DELETE', route: '/api/v1/keys/:id', needs: 'admin' },
    { method: 'POST', route: undefined, needs: 'read' },
    { method: 'GET', route: undefined, needs: 'read' },
    { method: 'POST', route: '/healthz', needs: 'write' },
  ])('$method $route needs $needs', ({ method, route, needs }) => {
    const access = routeAccess(method, route, false);
    expect(access.public ? 'nothing' : access.scope).toBe(needs);
  });

  it('opens /metrics only when configured so', () => {
    expect(routeAccess('GET', '/metrics', true)).toEqual({ public: true });
    expect(routeAccess('GET', '/metrics', false)).toEqual({ public: false, scope: 'read' });
  });
});
