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
 */
export function costPlugin(maxCost: number): ApolloPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
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
