import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsAnyField } from './rate-limit-buckets';

const HEAVY = new Set(['connectivity', 'diff', 'whatIf']);

function selectsHeavy(source: string): boolean {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = Object.fromEntries(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return selectsAnyField(operation!.selectionSet, fragments, HEAVY);
}

describe('which GraphQL operations count as heavy', () => {
  it.each([
    { operation: 'a diff', source: '{ diff(base: "a", head: "b") { complete } }', heavy: true },
    { operation: 'a what-if', source: '{ whatIf(snapshot: "a", manifests: "") { complete } }', heavy: true },
    {
      operation: "a snapshot's connectivity",
      source: '{ snapshot(id: "a") { connectivity(first: 1) { complete } } }',
      heavy: true,
    },
    {
      operation: 'connectivity behind an alias, in an inline fragment',
      source: '{ snapshot(id: "a") { ... on Snapshot { all: connectivity { complete } } } }',
      heavy: true,
    },
    {
      operation: 'connectivity in a fragment of a fragment',
      source: `{ snapshot(id: "a") { ...Outer } }
        fragment Outer on Snapshot { id ...Inner }
        fragment Inner on Snapshot { connectivity { complete } }`,
      heavy: true,
    },
    {
      operation: 'one workload',
      source: '{ snapshot(id: "a") { workload(namespace: "n", kind: "Deployment", name: "w") { name } } }',
      heavy: false,
    },
    {
      operation: 'a fragment spread twice',
      source: '{ a: snapshot(id: "a") { ...F } b: snapshot(id: "b") { ...F } } fragment F on Snapshot { id }',
      heavy: false,
    },
    { operation: 'clusters', source: '{ clusters(first: 5) { nodes { name } } }', heavy: false },
  ])('$operation: $heavy', ({ source, heavy }) => {
    expect(selectsHeavy(source)).toBe(heavy);
  });
});
