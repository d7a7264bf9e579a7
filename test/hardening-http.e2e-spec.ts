/**
 * HTTP hardening as a browser or a client on the network sees it: security headers on every answer, CORS
 * for the configured origins only, timeouts for clients that stall or idle, and the body limit.
 */
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredAdminKey } from './support/api-keys';
import { startTestApp, uniqueCluster, type TestApp } from './support/test-app';

const DASHBOARD = 'https://dash.example.com';
const KiB = 1024;
const TIMEOUT_MS = 1000;

/** Local mode (no keys), with CORS for the dashboard, short timeouts and a 1 KiB body limit. */
let t: TestApp;
/** The defaults, with keys required: no CORS at all. */
let plain: TestApp;
let port: number;

beforeAll(async () => {
  t = await startTestApp({
    env: {
      PODREACH_CORS_ORIGINS: `${DASHBOARD},http://localhost:3000`,
      PODREACH_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
      PODREACH_KEEP_ALIVE_TIMEOUT_MS: String(TIMEOUT_MS),
      PODREACH_MAX_BODY_BYTES: String(KiB),
    },
  });
  await t.app.listen(0, '127.0.0.1');
  port = (t.app.getHttpServer().address() as AddressInfo).port;
  plain = await startTestApp({ auth: 'on', env: { PODREACH_ADMIN_KEY: declaredAdminKey() } });
});

afterAll(async () => {
  await t?.close();
  await plain?.close();
});

function directives(csp: string | undefined): Map<string, string> {
  return new Map(
    (csp ?? '').split(';').map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('security headers', () => {
  it.each(['/healthz', '/api/v1/clusters', '/api/docs-json', '/no/such/route'])('on %s', async (path) => {
    const res = await t.http().get(path);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    // podreach often serves plain HTTP inside a cluster: the browser must not be sent to https://.
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it('on an answer refused before any route runs (no API key)', async () => {
    const res = await plain.http().get('/api/v1/clusters');
    expect(res.status).toBe(401);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('the API docs page loads only scripts and styles that podreach serves, as its policy allows', async () => {
    const page = await t.http().get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).not.toMatch(/<script>|<script [^>]*>[^<\s]/);
    const assets = [...page.text.matchAll(/(?:src|href)=["']([^"']+\.(?:js|css))["']/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^(https?:)?\/\//);
      const res = await t.http().get(new URL(asset, 'http://podreach/api/docs/').pathname);
      expect(res.status).toBe(200);
    }
    expect(directives(page.headers['content-security-policy']).get('script-src')).toBe("'self'");
  });

  it('outside production, the GraphiQL page may load GraphiQL from unpkg and start it inline', async () => {
    const page = await t.http().get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('https://unpkg.com/graphiql');
    const csp = directives(page.headers['content-security-policy']);
    expect(csp.get('script-src')).toBe("'self' 'unsafe-inline' https://unpkg.com");
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline' https://unpkg.com");
    expect(csp.get('default-src')).toBe("'self'");
  });
});

describe('CORS', () => {
  function preflight(app: TestApp, path: string, origin: string) {
    return app
      .http()
      .options(path)
      .set('origin', origin)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization, content-type, idempotency-key');
  }

  it.each(['/api/v1/snapshots', '/graphql'])(
    'answers the preflight of a configured origin for %s',
    async (path) => {
      const res = await preflight(t, path, DASHBOARD);
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(DASHBOARD);
      expect(res.headers['access-control-allow-methods']).toContain('POST');
      expect(res.headers['access-control-allow-headers']).toMatch(
        /authorization.*content-type.*idempotency-key/,
      );
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    },
  );

  it('lets a configured origin read answers and the headers a client acts on', async () => {
    const res = await t.http().get('/api/v1/clusters').set('origin', 'http://localhost:3000');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(res.headers['access-control-expose-headers']).toContain('retry-after');
  });

  it.each(['https://evil.example.com', 'https://dash.example.com.evil.example', 'null'])(
    'gives %s no access',
    async (origin) => {
      const res = await t.http().get('/api/v1/clusters').set('origin', origin);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect((await preflight(t, '/graphql', origin)).headers['access-control-allow-origin']).toBeUndefined();
    },
  );

  it('sends no CORS header at all when no origin is configured', async () => {
    const answers = [
      await plain.http().get('/healthz').set('origin', DASHBOARD),
      await preflight(plain, '/api/v1/snapshots', DASHBOARD),
    ];
    for (const res of answers) {
      expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });
});

/** A raw connection to the listening service, to behave as no HTTP library would. */
async function rawConnection(): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  socket.on('error', () => undefined);
  const closed = once(socket, 'close').then(() => undefined);
  return { socket, received: () => text, closed };
}

describe('timeouts (PODREACH_REQUEST_TIMEOUT_MS, PODREACH_KEEP_ALIVE_TIMEOUT_MS)', () => {
  it('disconnects a client that stops sending in the middle of an upload, and stores nothing', async () => {
    const cluster = uniqueCluster('stall');
    const { socket, received, closed } = await rawConnection();
    socket.write(
      `POST /api/v1/snapshots?cluster=${cluster} HTTP/1.1\r\nHost: podreach\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"kind": "List", "items": [',
    );

    await closed;
    expect(received()).not.toMatch(/^HTTP\/1\.1 2/);
    expect(await t.sql('SELECT id FROM snapshots WHERE cluster = $1', cluster)).toEqual([]);
  });

  it('closes a keep-alive connection left idle after an answer', async () => {
    const { socket, received, closed } = await rawConnection();
    socket.write('GET /healthz HTTP/1.1\r\nHost: podreach\r\nConnection: keep-alive\r\n\r\n');

    await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(received().toLowerCase()).toContain('connection: keep-alive');
  });
});

describe('body limit (PODREACH_MAX_BODY_BYTES)', () => {
  it.each([
    {
      route: 'PUT /api/v1/clusters/:name/retention',
      send: () => t.http().put('/api/v1/clusters/x/retention'),
    },
    { route: 'POST /graphql', send: () => t.http().post('/graphql') },
  ])('a JSON body over the limit on $route is a 413 LIMIT_EXCEEDED', async ({ send }) => {
    const res = await send().send({ query: '{ __typename }', padding: 'x'.repeat(2 * KiB) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      error: {
        code: 'LIMIT_EXCEEDED',
        message: `Request body exceeds ${KiB} bytes`,
        details: { limit: KiB },
      },
    });
  });
});
