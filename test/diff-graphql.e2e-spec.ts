import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadDiffSnapshots, type DiffSnapshots } from './fixtures/diff/diff-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * GraphQL `diff` and `whatIf` over the fixture snapshots of test/fixtures/diff: where GraphQL and REST answer
 * the same thing, the answers agree (GraphQL adds peers' text, lists every protocol of a ConnectionSet and
 * gives changed field values as JSON text).
 */
let t: TestApp;
let ids: DiffSnapshots;

beforeAll(async () => {
  t = await startTestApp();
  ids = await uploadDiffSnapshots(t);
});

afterAll(async () => {
  await t?.close();
});

const PEER = 'type namespace name kind start end';
const DIFF_FIELDS = `
  base { id label } head { id label } whatIf options { ipBlockMatchesPods } complete
  summary { added removed changed policiesChanged }
  workloads { added { ${PEER} } removed { ${PEER} } }
  connectivity(first: 100) {
    totalCount
    nodes {
      type exposure src { ${PEER} } dst { ${PEER} } before { text } after { text }
      workloadChange { src dst }
      causedBy { kind direction detail change policy { kind namespace name } object { kind namespace name } fields }
    }
  }
  policies(first: 100) { totalCount nodes { kind namespace name change fields { path before after } } }
  labels(first: 100) { totalCount nodes { kind namespace name change fields { path before after } } }
`;

async function query(text: string, variables: Record<string, unknown>) {
  const res = await t
    .http()
    .post('/graphql')
    .set('content-type', 'application/json')
    .send({ query: text, variables });
  return res.body as { data?: Record<string, unknown>; errors?: { extensions: { code: string } }[] };
}

type Json = Record<string, unknown>;

/** Drops GraphQL's nulls, so that a node compares with the REST JSON where optional fields are absent. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, compact(v)]),
  );
}

/** The REST JSON answer in the shape of the GraphQL selection above. */
function asGraphql(rest: Json): Json {
  const connectivity = rest.connectivity as Json[];
  const objectChanges = (list: Json[]) => ({
    totalCount: list.length,
    nodes: list.map((change) => ({
      ...change,
      fields: (change.fields as Json[]).map((f) => ({
        path: f.path,
        ...(f.before !== null && { before: JSON.stringify(f.before) }),
        ...(f.after !== null && { after: JSON.stringify(f.after) }),
      })),
    })),
  });
  return {
    ...(rest.head === null ? {} : { head: rest.head }),
    base: rest.base,
    whatIf: rest.whatIf,
    options: rest.options,
    complete: rest.complete,
    summary: rest.summary,
    workloads: rest.workloads,
    connectivity: {
      totalCount: connectivity.length,
      nodes: connectivity.map((c) => ({
        ...c,
        before: c.before === null ? undefined : { text: (c.before as Json).text },
        after: c.after === null ? undefined : { text: (c.after as Json).text },
        causedBy: (c.causedBy as Json[]).map((cause) => ({ fields: [], ...cause })),
      })),
    },
    policies: objectChanges(rest.policies as Json[]),
    labels: objectChanges(rest.labels as Json[]),
  };
}

/** `JSON.parse(JSON.stringify(...))` drops the `undefined`s the mapping above leaves. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('diff', () => {
  it('equals the REST JSON answer where they overlap', async () => {
    const graphql = await query(
      `query ($base: ID!, $head: ID!) { diff(base: $base, head: $head) { ${DIFF_FIELDS} } }`,
      ids as unknown as Record<string, unknown>,
    );
    expect(graphql.errors).toBeUndefined();
    const rest = await t.http().get(`/api/v1/diff?base=${ids.base}&head=${ids.head}`);
    expect(compact(graphql.data?.diff)).toEqual(plain(asGraphql(rest.body)));
  });

  it('pages the connectivity changes', async () => {
    const paged = `query ($base: ID!, $head: ID!) {
      diff(base: $base, head: $head) { connectivity(first: 2) { totalCount pageInfo { hasNextPage } nodes { type } } }
    }`;
    const { data } = await query(paged, ids as unknown as Record<string, unknown>);
    expect(data?.diff).toEqual({
      connectivity: {
        totalCount: 8,
        pageInfo: { hasNextPage: true },
        nodes: [{ type: 'added' }, { type: 'added' }],
      },
    });
  });

  it('an unknown snapshot is NOT_FOUND', async () => {
    const { errors } = await query(
      `query ($base: ID!, $head: ID!) { diff(base: $base, head: $head) { whatIf } }`,
      {
        base: ids.base,
        head: randomUUID(),
      },
    );
    expect(errors?.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
  });
});

describe('whatIf', () => {
  const WHAT_IF = `query ($snapshot: ID!, $manifests: String, $deletions: [WhatIfDeletionInput!]) {
    whatIf(snapshot: $snapshot, manifests: $manifests, deletions: $deletions) { ${DIFF_FIELDS} }
  }`;
  const deletions = [{ kind: 'NetworkPolicy', namespace: 'shop', name: 'default-deny-ingress' }];

  it('equals the REST what-if answer', async () => {
    const graphql = await query(WHAT_IF, { snapshot: ids.base, deletions });
    expect(graphql.errors).toBeUndefined();
    const rest = await t
      .http()
      .post(`/api/v1/snapshots/${ids.base}/what-if`)
      .send({ manifests: '', deletions });
    expect(compact(graphql.data?.whatIf)).toEqual(plain(asGraphql(rest.body)));
  });

  it.each([
    { name: 'an unknown snapshot', variables: () => ({ snapshot: randomUUID() }), code: 'NOT_FOUND' },
    {
      name: 'broken manifests',
      variables: () => ({ snapshot: ids.base, manifests: 'kind: [' }),
      code: 'PARSE_ERROR',
    },
    {
      name: 'invalid manifests',
      variables: () => ({
        snapshot: ids.base,
        manifests:
          'kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: { name: x, namespace: shop }\nspec: { podSelector: { matchLabels: { "a b": c } } }',
      }),
      code: 'VALIDATION_FAILED',
    },
  ])('$name is $code', async ({ variables, code }) => {
    const { errors } = await query(WHAT_IF, variables());
    expect(errors?.map((e) => e.extensions.code)).toEqual([code]);
  });
});
