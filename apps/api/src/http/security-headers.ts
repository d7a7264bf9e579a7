import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance, RouteOptions } from 'fastify';

type ContentSecurityPolicy = Exclude<FastifyHelmetOptions['contentSecurityPolicy'], boolean | undefined>;

/**
 * Helmet's defaults (`default-src 'self'`, inline styles and data: images allowed, no plugins, no
 * framing by other sites), which the Swagger UI at `/api/docs` works under: its scripts and stylesheet
 * are served by podreach itself. `upgrade-insecure-requests` is left out: podreach often runs on plain
 * HTTP inside a cluster, where it would send a browser to an https:// port nothing listens on.
 */
const API_CSP: ContentSecurityPolicy = {
  directives: { 'upgrade-insecure-requests': null },
};

/** The GraphiQL page loads React and GraphiQL from unpkg and starts them with an inline script. */
const GRAPHIQL_CSP: ContentSecurityPolicy = {
  directives: {
    'upgrade-insecure-requests': null,
    'script-src': ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
    'style-src': ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
  },
};

/** The path of the GraphQL endpoint, which serves the GraphiQL page to browsers outside production. */
const GRAPHQL_PATH = '/graphql';

/**
 * Security headers on every answer (@fastify/helmet): a Content-Security-Policy, `nosniff`,
 * `X-Frame-Options`, HSTS, `Referrer-Policy: no-referrer` and the cross-origin isolation headers.
 * Registered on the Fastify instance before Nest adds its own hooks, so that answers sent early (a
 * refused API key) carry the headers too. Outside production only `/graphql` gets a policy that lets the
 * GraphiQL page load its scripts; in production that page is off (see api-graphql.module.ts).
 */
export function registerSecurityHeaders(instance: FastifyInstance, production: boolean): void {
  void instance.register(fastifyHelmet, { contentSecurityPolicy: API_CSP });
  if (production) return;
  instance.addHook('onRoute', (route: RouteOptions) => {
    if (route.url !== GRAPHQL_PATH) return;
    // @fastify/helmet reads a route's own options from its config, at every request.
    route.config = { ...route.config, helmet: { contentSecurityPolicy: GRAPHIQL_CSP } };
  });
}
