import { Module } from '@nestjs/common';
import { AnalysisPoolModule } from '../analysis-pool/analysis-pool.module';
import { AnalysisStoreModule } from '../analysis-store/analysis-store.module';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { DiffController } from './diff.controller';
import { DiffService } from './diff.service';
import { DiffResolver } from './graphql/diff.resolver';
import { WhatIfController } from './what-if.controller';

/** Change review: the diff of two stored snapshots and what-if diffs, over REST and GraphQL. */
@Module({
  imports: [SnapshotsModule, AnalysisPoolModule, AnalysisStoreModule],
  controllers: [DiffController, WhatIfController],
  providers: [DiffService, DiffResolver],
})
export class DiffModule {}
