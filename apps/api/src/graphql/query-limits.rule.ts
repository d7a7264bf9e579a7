import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/** A request past one of the configured limits; reported with code LIMIT_EXCEEDED. */
export class QueryLimitError extends GraphQLError {
  constructor(message: string, limit: number, actual: number) {
    // A request error, not a fault: 400 whether the validation rule or the cost plugin reports it.
    super(message, {
      extensions: { code: 'LIMIT_EXCEEDED', details: { limit, actual }, http: { status: 400 } },
    });
    this.name = 'QueryLimitError';
  }
}

interface Measure {
  depth: number;
  aliases: number;
}

/**
 * Depth and alias count of a selection set, following fragment spreads (each fragment is measured where it
 * is spread, so a fragment used twice counts twice: the server resolves it twice). `seen` breaks fragment
 * cycles, which the standard NoFragmentCycles rule reports on its own.
 */
function measure(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen: ReadonlySet<string>,
): Measure {
  let depth = 0;
  let aliases = 0;
  for (const selection of selectionSet.selections) {
    let inner: Measure = { depth: 0, aliases: 0 };
    let own = 0;
    if (selection.kind === Kind.FIELD) {
      // Introspection's `ofType` chain unwraps one type's list and non-null wrappers: it is bounded by the
      // schema, not by the caller, and GraphiQL's standard introspection query nests it seven deep.
      own = selection.name.value === 'ofType' ? 0 : 1;
      if (selection.alias !== undefined) aliases += 1;
      if (selection.selectionSet) inner = measure(selection.selectionSet, fragments, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, seen);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment === undefined || seen.has(fragment.name.value)) continue;
      inner = measure(fragment.selectionSet, fragments, new Set([...seen, fragment.name.value]));
    }
    depth = Math.max(depth, own + inner.depth);
    aliases += inner.aliases;
  }
  return { depth, aliases };
}

/** A validation rule rejecting operations nested deeper than `maxDepth` or with more than `maxAliases` aliases. */
export function queryLimitsRule(limits: { maxDepth: number; maxAliases: number }) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation) {
        const { depth, aliases } = measure(operation.selectionSet, fragments, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(
            new QueryLimitError(
              `Query depth ${depth} exceeds the limit of ${limits.maxDepth}`,
              limits.maxDepth,
              depth,
            ),
          );
        }
        if (aliases > limits.maxAliases) {
          context.reportError(
            new QueryLimitError(
              `Query uses ${aliases} aliases, more than the limit of ${limits.maxAliases}`,
              limits.maxAliases,
              aliases,
            ),
          );
        }
      },
    };
  };
}
