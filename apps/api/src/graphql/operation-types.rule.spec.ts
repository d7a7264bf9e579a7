import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { knownOperationTypesRule } from './operation-types.rule';

const schema = buildSchema('type Query { name: String }');

function problems(document: string): string[] {
  return validate(schema, parse(document), [knownOperationTypesRule]).map((error) => error.message);
}

describe('knownOperationTypesRule', () => {
  it.each([
    ['a query', '{ name }', []],
    ['a named query', 'query Name { name }', []],
    ['a mutation', 'mutation { name }', ['This schema has no mutation operations; send a query']],
    ['a subscription', 'subscription { name }', ['This schema has no subscription operations; send a query']],
  ])('%s', (_, document, expected) => {
    expect(problems(document)).toEqual(expected);
  });
});
