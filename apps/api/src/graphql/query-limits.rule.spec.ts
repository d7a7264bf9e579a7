import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { queryLimitsRule } from './query-limits.rule';

const schema = buildSchema(`
  type Workload { name: String pods: [Pod] }
  type Pod { name: String workload: Workload }
  type Query { workload: Workload }
`);

function problems(query: string, limits = { maxDepth: 3, maxAliases: 1 }): string[] {
  return validate(schema, parse(query), [queryLimitsRule(limits)]).map((error) => error.message);
}

describe('queryLimitsRule', () => {
  it.each([
    { what: 'a query at the depth limit', query: '{ workload { pods { name } } }', expected: [] },
    {
      what: 'a query one level deeper',
      query: '{ workload { pods { workload { name } } } }',
      expected: ['Query depth 4 exceeds the limit of 3'],
    },
    {
      what: 'depth hidden in a fragment',
      query: '{ workload { ...deep } } fragment deep on Workload { pods { workload { name } } }',
      expected: ['Query depth 4 exceeds the limit of 3'],
    },
    {
      what: 'depth hidden in an inline fragment',
      query: '{ workload { ... on Workload { pods { workload { name } } } } }',
      expected: ['Query depth 4 exceeds the limit of 3'],
    },
    { what: 'one alias', query: '{ a: workload { name } }', expected: [] },
    {
      what: 'aliases counted inside fragments too',
      query: '{ a: workload { ...names } } fragment names on Workload { b: name }',
      expected: ['Query uses 2 aliases, more than the limit of 1'],
    },
  ])('$what', ({ query, expected }) => {
    expect(problems(query)).toEqual(expected);
  });

  it('reports its errors with code LIMIT_EXCEEDED and the limit', () => {
    const [error] = validate(schema, parse('{ workload { pods { workload { name } } } }'), [
      queryLimitsRule({ maxDepth: 3, maxAliases: 1 }),
    ]);
    expect(error.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 3, actual: 4 } });
  });

  it("lets GraphiQL's introspection query through the default limits", () => {
    const rule = queryLimitsRule({ maxDepth: 12, maxAliases: 20 });
    expect(validate(schema, parse(getIntrospectionQuery()), [rule])).toEqual([]);
  });
});
