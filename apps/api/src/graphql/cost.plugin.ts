import type { ApolloDriverConfig } from '@nestjs/apollo';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { QueryLimitError } from './query-limits.rule';

// The plugin type as the driver sees it: @apollo/server's own export resolves to its CommonJS typings here,
// which TypeScript holds distinct from the ESM ones the driver uses.
type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/**
 * Rejects an operation whose estimated cost exceeds `maxCost` before any resolver runs. Every field costs 1;
 * paged fields declare their own estimate (see `pagedComplexity`), so `first: 1000` under `first: 1000`
 * costs a million and is refused instead of timing out.
 *
 * Apollo calls this before it has checked the request fully: an `operationName` the document does not
 * have, or variables of the wrong type, are left to Apollo, which refuses them as request errors before
 * any resolver runs (estimating them would fail with an error that is no request error).
 */
export function costPlugin(maxCost: number): ApolloPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          if (operation === undefined) return;
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              // The operation Apollo resolved: an anonymous one has no name to compare with.
              operationName: operation.name?.value,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // Variables that do not fit their types: graphql-js's own coercion errors. Told apart by name, as
            // this library may load another copy of graphql-js (its CommonJS build beside our ES module one).
            if ((error as Error).name === 'GraphQLError') return;
            throw error;
          }
          if (cost > maxCost) {
            throw new QueryLimitError(
              `Query cost ${cost} exceeds the limit of ${maxCost}; ask for smaller pages`,
              maxCost,
              cost,
            );
          }
        },
      };
    },
  };
}
