import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectDiffGolden, uploadDiffSnapshots, type DiffSnapshots } from './fixtures/diff/diff-fixtures';
import { fixture } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * `POST /api/v1/snapshots/{id}/what-if` on the base snapshot of test/fixtures/diff: the objects that head.yaml
 * changes, proposed as manifests, must give the same diff as the stored head; nothing is ever stored.
 */
let t: TestApp;
let ids: DiffSnapshots;

/** The objects head.yaml adds or changes: worker's Deployment, web-ingress and billing's two new policies. */
const CHANGED = /name: (worker|web-ingress|default-deny|invoices-from-shop), namespace: (shop|billing)/;
const changedManifests = fixture('diff/head.yaml')
  .split('\n---\n')
  .filter((document) => CHANGED.test(document))
  .join('\n---\n');

beforeAll(async () => {
  t = await startTestApp();
  ids = await uploadDiffSnapshots(t);
});

afterAll(async () => {
  await t?.close();
});

const whatIf = (body: string | object, contentType = 'application/json', query = '') =>
  t
    .http()
    .post(`/api/v1/snapshots/${ids.base}/what-if${query}`)
    .set('content-type', contentType)
    .send(typeof body === 'string' ? body : JSON.stringify(body));

async function snapshotCount(): Promise<number> {
  const [{ count }] = await t.sql<{ count: bigint }>('SELECT count(*) AS count FROM snapshots');
  return Number(count);
}

/** The parts of a diff answer that do not name the head. */
function changes(answer: Record<string, unknown>) {
  const { summary, connectivity, workloads, policies, labels } = answer;
  return { summary, connectivity, workloads, policies, labels };
}

describe('what-if', () => {
  it.each([
    { body: 'a YAML body of manifests', send: () => whatIf(changedManifests, 'application/yaml') },
    { body: 'a JSON body', send: () => whatIf({ manifests: changedManifests }) },
  ])('with $body answers the diff the stored head gives, as a what-if', async ({ send }) => {
    const res = await send();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    const stored = await t.http().get(`/api/v1/diff?base=${ids.base}&head=${ids.head}`);
    expect(res.body).toMatchObject({ base: { id: ids.base, label: 'main' }, head: null, whatIf: true });
    expect(changes(res.body)).toEqual(changes(stored.body));
  });

  it('deletes objects: without the default-deny, worker opens up to every namespace and the internet', async () => {
    const res = await whatIf({
      manifests: '',
      deletions: [{ kind: 'NetworkPolicy', namespace: 'shop', name: 'default-deny-ingress' }],
    });
    expect(res.status).toBe(200);
    expectDiffGolden('what-if-deletion.json', res.body, ids);
  });

  it('renders in the other formats too', async () => {
    const res = await whatIf(changedManifests, 'application/yaml', '?format=md');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.text.split('\n').slice(0, 2)).toEqual([
      '<!-- podreach-diff -->',
      '## podreach: `main` -> what-if',
    ]);
  });

  it('stores nothing', async () => {
    const before = await snapshotCount();
    await whatIf(changedManifests, 'application/yaml');
    await whatIf({ manifests: 'kind: [' });
    expect(await snapshotCount()).toBe(before);
  });
});

describe('errors', () => {
  const invalidPolicy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: bad, namespace: shop }
spec:
  podSelector: {}
  ingress: [{ ports: [{ protocol: TCP, port: 70000 }] }]
`;
  it.each([
    {
      name: 'broken YAML',
      send: () => whatIf('kind: [', 'application/yaml'),
      status: 400,
      code: 'PARSE_ERROR',
    },
    {
      name: 'broken JSON',
      send: () => whatIf('{"manifests":', 'application/json'),
      status: 400,
      code: 'PARSE_ERROR',
    },
    {
      name: 'manifests that are no text',
      send: () => whatIf({ manifests: [] }),
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'a deletion without a name',
      send: () => whatIf({ deletions: [{ kind: 'NetworkPolicy' }] }),
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'a deletion of an unknown kind',
      send: () => whatIf({ deletions: [{ kind: 'Secret', namespace: 'shop', name: 'x' }] }),
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'a deletion of a missing object',
      send: () => whatIf({ deletions: [{ kind: 'NetworkPolicy', namespace: 'shop', name: 'nope' }] }),
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      name: 'a bad format',
      send: () => whatIf({}, 'application/json', '?format=pdf'),
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'a body of text',
      send: () => whatIf('hello', 'text/plain'),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'an unknown snapshot',
      send: () => t.http().post(`/api/v1/snapshots/${randomUUID()}/what-if`).send({}),
      status: 404,
      code: 'NOT_FOUND',
    },
  ])('$name is $status $code', async ({ send, status, code }) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it('invalid manifests are 422 with every problem and its field path', async () => {
    const res = await whatIf(invalidPolicy, 'application/yaml');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.problems).toEqual([
      expect.objectContaining({
        kind: 'NetworkPolicy',
        namespace: 'shop',
        name: 'bad',
        path: 'spec.ingress[0].ports[0].port',
      }),
    ]);
  });
});
