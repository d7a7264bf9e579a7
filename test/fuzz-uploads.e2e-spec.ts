import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeResponse,
  expectStillServing,
  FUZZ_ENV,
  FUZZ_SEED,
  FUZZ_TIMEOUT_MS,
  fuzzParameters,
} from './support/fuzz-checks';
import { bombs } from './support/fuzz-bombs';
import {
  byteDamage,
  damage,
  encode,
  encoding,
  oddContentEncoding,
  oddContentType,
} from './support/fuzz-encodings';
import { fixtureObjects } from './support/fuzz-fixtures';
import { randomCase, targetedCase } from './support/fuzz-manifests';
import { expectAllOrNothing, postUpload } from './support/fuzz-uploads';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Random and mutated uploads: each one is stored whole (2xx) or refused with a 4xx in the one error
 * shape that stores nothing, never a 5xx; the service keeps serving. Invalid fields are reported at
 * their path. On failure fast-check prints the seed and path: replay with FUZZ_SEED=<seed>.
 */
const KiB = 1024;
const LIMIT = 512 * KiB;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    env: {
      ...FUZZ_ENV,
      PODREACH_MAX_UPLOAD_BYTES: String(8 * LIMIT),
      PODREACH_MAX_JSON_BYTES: String(LIMIT),
      PODREACH_MAX_YAML_BYTES: String(LIMIT),
    },
  });
});

afterAll(async () => {
  await t?.close();
});

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const pod = (status: unknown, spec: unknown = {}) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'shop' },
    spec,
    status,
  });
const aliasBomb = ['a: &a [x, x, x, x, x, x, x, x, x]']
  .concat(
    ['b', 'c', 'd', 'e'].map((key, i) => `${key}: &${key} [${Array(9).fill(`*${'abcd'[i]}`).join(', ')}]`),
  )
  .join('\n');

/** Inputs that once crashed the service (500) or hid a parse difference, each with its expected answer. */
const HARD_INPUTS: { input: string; body: string; type: string; status: number; path?: string }[] = [
  { input: 'JSON nested 10,000 levels', body: nested(10_000), type: 'application/json', status: 400 },
  {
    input: 'JSON nested 10,000 levels sent as YAML',
    body: nested(10_000),
    type: 'application/yaml',
    status: 400,
  },
  {
    input: 'YAML nested 10,000 levels',
    body: `a: ${nested(10_000)}`,
    type: 'application/yaml',
    status: 400,
  },
  { input: 'a YAML alias bomb', body: aliasBomb, type: 'application/yaml', status: 400 },
  {
    input: 'a NUL in a pod phase',
    body: pod({ phase: '\u0000' }),
    type: 'application/json',
    status: 422,
    path: 'status.phase',
  },
  {
    input: 'an unpaired surrogate',
    body: pod({}, { nodeName: '\ud800' }),
    type: 'application/yaml',
    status: 422,
    path: 'spec.nodeName',
  },
  {
    input: 'a NUL in a skipped kind',
    body: '{"kind": "Thing\\u0000", "apiVersion": "v1"}',
    type: 'application/json',
    status: 422,
    path: 'kind',
  },
  {
    input: 'a list kind inherited from `__proto__`',
    body: '{"__proto__": {"kind": "PodList", "apiVersion": "v1"}, "items": [{"metadata": {"name": "a"}}]}',
    type: 'application/json',
    status: 422,
    path: 'kind',
  },
];

describe(`fuzzed uploads (seed ${FUZZ_SEED})`, { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('fixtures with targeted mutations: stored when valid, else 422 naming every broken field', async () => {
    await fc.assert(
      fc.asyncProperty(targetedCase, encoding, async (manifests, how) => {
        const outcome = await postUpload(t, await encode(manifests.objects, how));
        await expectAllOrNothing(t, outcome);
        const context = `${manifests.changes.join('; ')} as ${how.format}: ${describeResponse(outcome.res)}`;
        if (manifests.expectedPaths.length === 0) {
          expect(outcome.res.status, context).toBe(201);
          return;
        }
        expect(outcome.res.status, context).toBe(422);
        const paths = outcome.res.body.error.details.problems.map(
          (problem: { path: string }) => problem.path,
        );
        for (const path of manifests.expectedPaths) expect(paths, context).toContain(path);
      }),
      fuzzParameters(80),
    );
    await expectStillServing(t);
  });

  it('fixtures with random edits, wrong types, huge numbers, unicode and deep nesting', async () => {
    await fc.assert(
      fc.asyncProperty(randomCase, encoding, async (manifests, how) => {
        await expectAllOrNothing(t, await postUpload(t, await encode(manifests.objects, how)));
      }),
      fuzzParameters(80),
    );
    await expectStillServing(t);
  });

  it('valid uploads with damaged bytes: truncated, flipped, inserted, cut, repeated', async () => {
    await fc.assert(
      fc.asyncProperty(fixtureObjects, encoding, byteDamage, async (objects, how, changes) => {
        const wire = await encode(objects, how);
        await expectAllOrNothing(t, await postUpload(t, { ...wire, body: damage(wire.body, changes) }));
      }),
      fuzzParameters(80),
    );
    await expectStillServing(t);
  });

  it('wrong, odd or missing Content-Type and Content-Encoding, and empty bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fixtureObjects,
        encoding,
        oddContentType,
        fc.option(oddContentEncoding),
        fc.boolean(),
        async (objects, how, contentType, contentEncoding, empty) => {
          const wire = await encode(objects, how);
          const body = empty ? Buffer.alloc(0) : wire.body;
          const sent = {
            body,
            contentType,
            contentEncoding: contentEncoding ?? wire.contentEncoding,
            form: wire.form,
          };
          await expectAllOrNothing(t, await postUpload(t, sent));
        },
      ),
      fuzzParameters(40),
    );
    await expectStillServing(t);
  });

  it.each(HARD_INPUTS)('$input: $status, nothing stored', async ({ body, type, status, path }) => {
    const outcome = await postUpload(t, { body: Buffer.from(body), contentType: type, form: type });
    await expectAllOrNothing(t, outcome);
    expect(outcome.res.status, describeResponse(outcome.res)).toBe(status);
    if (path !== undefined)
      expect(outcome.res.body.error.details.problems).toContainEqual(expect.objectContaining({ path }));
  });

  it.each(bombs(LIMIT))('a decompression bomb ($form) is refused with 413, nothing stored', async (bomb) => {
    const wire = await bomb.make();
    expect(wire.body.length).toBeLessThan(LIMIT / 4);
    const outcome = await postUpload(t, wire);
    await expectAllOrNothing(t, outcome);
    expect(outcome.res.status, describeResponse(outcome.res)).toBe(413);
    expect(outcome.res.body.error.code).toBe('LIMIT_EXCEEDED');
    await expectStillServing(t);
  });
});
