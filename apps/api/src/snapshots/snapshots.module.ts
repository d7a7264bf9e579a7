import { Module } from '@nestjs/common';
import { ClustersController } from './clusters.controller';
import { SnapshotsController } from './snapshots.controller';
import { SnapshotsRepository } from './snapshots.repository';
import { SnapshotsService } from './snapshots.service';

@Module({
  controllers: [SnapshotsController, ClustersController],
  providers: [SnapshotsService, SnapshotsRepository],
  exports: [SnapshotsService],
})
export class SnapshotsModule {}
