import { join } from 'node:path';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PodResolver } from '../reachability/graphql/pod.resolver';
import { SnapshotAnalysisResolver } from '../reachability/graphql/snapshot-analysis.resolver';
import { WorkloadResolver } from '../reachability/graphql/workload.resolver';
import { ReachabilityModule } from '../reachability/reachability.module';
import { SnapshotsResolver } from '../snapshots/graphql/snapshots.resolver';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { costPlugin } from './cost.plugin';
import { formatGraphqlError } from './graphql-errors';
import { knownOperationTypesRule } from './operation-types.rule';
import { queryLimitsRule } from './query-limits.rule';

/** The schema is generated from the code and committed, so that every schema change shows in review. */
const SCHEMA_FILE = join(process.cwd(), 'schema.gql');

function graphqlOptions({ graphql: limits }: AppConfig): ApolloDriverConfig {
  // NODE_ENV is the Node-wide convention every library reads, not a podreach setting, so it is not in AppConfig.
  const production = process.env.NODE_ENV === 'production';
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: SCHEMA_FILE,
    sortSchema: true,
    // No GraphiQL or sandbox in production; Apollo's defaults keep CSRF prevention on and batching off.
    graphiql: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Apollo turns introspection off in production by default. Every request that reaches it here holds
    // an API key (or is local mode, auth off), so callers who may query may also read the schema.
    introspection: true,
    // Nest would answer 200 to every operation that ran; a rate-limited one answers 429 (RateLimitedError).
    preserveHttpStatusForExecutionErrors: false,
    validationRules: [knownOperationTypesRule, queryLimitsRule(limits)],
    plugins: [costPlugin(limits.maxCost)],
    formatError: formatGraphqlError,
    includeStacktraceInErrorResponses: false,
  };
}

/** GraphQL at `/graphql` (Apollo, code-first): the same service methods as REST, paged and cost-limited. */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG],
      useFactory: graphqlOptions,
    }),
    SnapshotsModule,
    ReachabilityModule,
  ],
  providers: [SnapshotsResolver, SnapshotAnalysisResolver, WorkloadResolver, PodResolver],
})
export class ApiGraphqlModule {}
