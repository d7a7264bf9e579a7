import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { costPlugin } from './cost.plugin';

const server = new ApolloServer({
  typeDefs: 'type Query { items(first: Int): [Int!]! }',
  resolvers: { Query: { items: (_: unknown, { first }: { first?: number }) => Array(first ?? 1).fill(7) } },
  plugins: [costPlugin(10) as never],
});

/** The codes of the errors of one operation, or `data` when it ran. */
async function outcome(request: {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}) {
  const response = await server.executeOperation(request);
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { errors, data } = response.body.singleResult;
  return errors ? errors.map((error) => error.extensions?.code) : data;
}

describe('costPlugin', () => {
  it('lets an operation within the limit run', async () => {
    expect(await outcome({ query: '{ items }' })).toEqual({ items: [7] });
  });

  it('refuses an operation past the limit with LIMIT_EXCEEDED', async () => {
    expect(
      await outcome({
        query:
          '{ a: items b: items c: items d: items e: items f: items g: items h: items i: items j: items k: items }',
      }),
    ).toEqual(['LIMIT_EXCEEDED']);
  });

  it.each([
    [
      'an operation name an anonymous operation does not have',
      { query: '{ items }', operationName: 'x' },
      'OPERATION_RESOLUTION_FAILURE',
    ],
    [
      'an operation name the document does not have',
      { query: 'query A { items }', operationName: 'B' },
      'OPERATION_RESOLUTION_FAILURE',
    ],
    [
      'a variable of the wrong type',
      { query: 'query($n: Int) { items(first: $n) }', variables: { n: 'x' } },
      'BAD_USER_INPUT',
    ],
    [
      'a missing required variable',
      { query: 'query($n: Int!) { items(first: $n) }', variables: {} },
      'BAD_USER_INPUT',
    ],
  ])('leaves %s to Apollo, which refuses it as a request error', async (_, request, code) => {
    expect(await outcome(request)).toEqual([code]);
  });
});
