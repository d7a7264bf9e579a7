import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectDiffGolden,
  textParser,
  uploadDiffSnapshots,
  type DiffSnapshots,
} from './fixtures/diff/diff-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * `GET /api/v1/diff` between the fixture snapshots of test/fixtures/diff: from base (`main`) to head (`pr-7`),
 * billing gets a default-deny and a new allow rule for shop on 5432, web's policy gains a rule admitting the
 * internet on 8080, and worker gains the label that api's policy admits.
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

const diff = (query: string) => t.http().get(`/api/v1/diff?${query}`);

describe('the JSON diff', () => {
  it('is the whole answer: connectivity with causes and exposure, policies and labels', async () => {
    const res = await diff(`base=${ids.base}&head=${ids.head}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expectDiffGolden('diff.json', res.body, ids);
  });

  it('puts the public exposure of web first and says what caused each change', async () => {
    const { body } = await diff(`base=${ids.base}&head=${ids.head}&format=json`);
    expect(body.summary).toEqual({ added: 3, removed: 2, changed: 3, policiesChanged: 3 });
    expect(body.connectivity[0]).toMatchObject({
      type: 'added',
      dst: { type: 'workload', namespace: 'shop', kind: 'Deployment', name: 'web' },
      exposure: 'public',
      after: { text: 'TCP 8080' },
    });
    const worker = body.connectivity.find(
      (c: { src: { name?: string }; dst: { name?: string } }) =>
        c.src.name === 'worker' && c.dst.name === 'api',
    );
    expect(worker).toMatchObject({ type: 'added', causedBy: [expect.objectContaining({ kind: 'labels' })] });
  });

  it('is empty between a snapshot and itself', async () => {
    const { body } = await diff(`base=${ids.base}&head=${ids.base}`);
    expect(body.summary).toEqual({ added: 0, removed: 0, changed: 0, policiesChanged: 0 });
    expect([body.connectivity, body.policies, body.labels]).toEqual([[], [], []]);
  });

  it('from head to base is the same diff with added and removed swapped', async () => {
    const forward = (await diff(`base=${ids.base}&head=${ids.head}`)).body;
    const backward = (await diff(`base=${ids.head}&head=${ids.base}`)).body;
    const swapped = { added: 'removed', removed: 'added', changed: 'changed' } as const;
    const pairs = (answer: { connectivity: { type: keyof typeof swapped; src: unknown; dst: unknown }[] }) =>
      answer.connectivity.map((c) => JSON.stringify([c.type, c.src, c.dst])).sort();
    expect(pairs(backward)).toEqual(
      forward.connectivity
        .map((c: { type: keyof typeof swapped; src: unknown; dst: unknown }) =>
          JSON.stringify([swapped[c.type], c.src, c.dst]),
        )
        .sort(),
    );
  });

  it('passes ipBlockMatchesPods on', async () => {
    const { body } = await diff(`base=${ids.base}&head=${ids.head}&ipBlockMatchesPods=true`);
    expect(body.options).toEqual({ ipBlockMatchesPods: true });
  });
});

describe('rendered diffs', () => {
  it.each([
    { format: 'md', type: 'text/markdown; charset=utf-8' },
    { format: 'txt', type: 'text/plain; charset=utf-8' },
    { format: 'csv', type: 'text/csv; charset=utf-8' },
    { format: 'dot', type: 'text/vnd.graphviz; charset=utf-8' },
  ])('format=$format is streamed as $type', async ({ format, type }) => {
    const res = await diff(`base=${ids.base}&head=${ids.head}&format=${format}`)
      .buffer(true)
      .parse(textParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expectDiffGolden(`diff.${format}`, res.body, ids);
  });

  it('markdown starts with the marker a bot looks for', async () => {
    const res = await diff(`base=${ids.base}&head=${ids.head}&format=md`).buffer(true).parse(textParser);
    expect((res.body as string).split('\n')[0]).toBe('<!-- podreach-diff -->');
  });
});

describe('errors', () => {
  it.each([
    {
      name: 'an unknown base',
      query: () => `base=${randomUUID()}&head=${ids.head}`,
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      name: 'an unknown head',
      query: () => `base=${ids.base}&head=${randomUUID()}`,
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      name: 'a head that is no id',
      query: () => `base=${ids.base}&head=nope`,
      status: 404,
      code: 'NOT_FOUND',
    },
    { name: 'no head', query: () => `base=${ids.base}`, status: 400, code: 'BAD_USER_INPUT' },
    { name: 'no base', query: () => `head=${ids.head}`, status: 400, code: 'BAD_USER_INPUT' },
    {
      name: 'an unknown format',
      query: () => `base=${ids.base}&head=${ids.head}&format=html`,
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'a bad option',
      query: () => `base=${ids.base}&head=${ids.head}&ipBlockMatchesPods=yes`,
      status: 400,
      code: 'BAD_USER_INPUT',
    },
  ])('$name is $status $code', async ({ query, status, code }) => {
    const res = await diff(query());
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });
});
