import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { loggerParams } from './common/logging';
import type { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { DatabaseModule } from './database/database.module';
import { DiffModule } from './diff/diff.module';
import { ApiGraphqlModule } from './graphql/api-graphql.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { ReachabilityModule } from './reachability/reachability.module';
import { SnapshotsModule } from './snapshots/snapshots.module';
import { RateLimitModule } from './throttling/rate-limit.module';

@Module({})
export class AppModule {
  /** The whole service for one validated configuration (tests pass their own). */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseModule,
        AuthModule,
        MetricsModule,
        HealthModule,
        SnapshotsModule,
        ReachabilityModule,
        DiffModule,
        ApiGraphqlModule,
        RateLimitModule.forRoot(config.rateLimits),
      ],
    };
  }
}
