import { Module } from '@nestjs/common';
import { AnalysisPoolModule } from '../analysis-pool/analysis-pool.module';
import { AnalysisStoreModule } from '../analysis-store/analysis-store.module';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { AnalysisService } from './analysis.service';
import { ReachabilityController } from './reachability.controller';
import { TargetsController } from './targets.controller';

/** Who can reach what: REST routes over the analyses of stored snapshots. */
@Module({
  imports: [SnapshotsModule, AnalysisPoolModule, AnalysisStoreModule],
  controllers: [TargetsController, ReachabilityController],
  providers: [AnalysisService],
  exports: [AnalysisService],
})
export class ReachabilityModule {}
