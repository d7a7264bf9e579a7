/**
 * GraphQL's production settings: no batched requests, CSRF prevention, introspection only for callers with
 * a key, and no GraphiQL page when NODE_ENV=production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, declaredAdminKey } from './support/api-keys';
import { startTestApp, type TestApp } from './support/test-app';

const INTROSPECTION = '{ __schema { queryType { name } } }';

/** Local mode, as a developer runs it. */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('requests GraphQL refuses', () => {
  it('a batch of operations in one request', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('a GET without a header that forces a CORS preflight (CSRF prevention)', async () => {
    const res = await t.http().get('/graphql').query({ query: '{ clusters(first: 1) { totalCount } }' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain('Cross-Site Request Forgery');
    expect(res.body.data).toBeUndefined();
  });

  it('a form-like POST, which a browser sends cross-site without a preflight', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send('{"query":"{ __typename }"}');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('but answers a GET that carries the preflight header', async () => {
    const res = await t
      .http()
      .get('/graphql')
      .set('apollo-require-preflight', 'true')
      .query({ query: '{ __typename }' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('outside production', () => {
  it('serves the GraphiQL page to a browser', async () => {
    const res = await t.http().get('/graphql').set('accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('GraphiQL');
  });
});

describe('with NODE_ENV=production and API keys', () => {
  let production: TestApp;
  const adminKey = declaredAdminKey();

  beforeAll(async () => {
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      production = await startTestApp({ auth: 'on', env: { PODREACH_ADMIN_KEY: adminKey } });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });

  afterAll(async () => {
    await production?.close();
  });

  function graphql(query: string, key?: string) {
    const req = production.http().post('/graphql').set('content-type', 'application/json');
    if (key !== undefined) req.set('authorization', bearer(key));
    return req.send({ query });
  }

  it('serves no GraphiQL page, not even to a caller with a key', async () => {
    const res = await production
      .http()
      .get('/graphql')
      .set('accept', 'text/html')
      .set('authorization', bearer(adminKey));
    expect(res.headers['content-type']).not.toContain('text/html');
    expect(res.text).not.toContain('GraphiQL');
    expect(res.headers['content-security-policy']).toContain("script-src 'self';");
  });

  it('answers introspection to a caller with a key', async () => {
    const res = await graphql(INTROSPECTION, adminKey);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('refuses introspection without a key', async () => {
    const res = await graphql(INTROSPECTION);
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.body.data).toBeUndefined();
  });
});
