import { Module } from '@nestjs/common';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { ANALYSIS_WORKER_ENTRY, AnalysisPool, BUILT_WORKER_ENTRY } from './analysis-pool.service';
import { SnapshotLoader } from './snapshot-loader';

/** The worker threads that compile and analyse snapshots (see AnalysisPool). */
@Module({
  imports: [SnapshotsModule],
  providers: [SnapshotLoader, AnalysisPool, { provide: ANALYSIS_WORKER_ENTRY, useValue: BUILT_WORKER_ENTRY }],
  exports: [AnalysisPool],
})
export class AnalysisPoolModule {}
