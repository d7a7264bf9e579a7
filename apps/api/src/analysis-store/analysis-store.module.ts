import { Module } from '@nestjs/common';
import { AnalysisStore } from './analysis-store.service';

/** Computed answers persisted in the database (see AnalysisStore). */
@Module({
  providers: [AnalysisStore],
  exports: [AnalysisStore],
})
export class AnalysisStoreModule {}
