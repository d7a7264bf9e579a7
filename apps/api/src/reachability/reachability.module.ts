import { Module } from '@nestjs/common';
import { AnalysisStoreModule } from '../analysis-store/analysis-store.module';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { AnalysisService } from './analysis.service';
import { ReachabilityController } from './reachability.controller';
import { TargetsController } from './targets.controller';

/** Who can reach what: REST routes over the analyses of stored snapshots. */
@Module({
  imports: [SnapshotsModule, AnalysisStoreModule],
  controllers: [TargetsController, ReachabilityController],
  providers: [AnalysisService],
  exports: [AnalysisService],
})
export class ReachabilityModule {}
