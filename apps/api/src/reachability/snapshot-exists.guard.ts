import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SnapshotsService } from '../snapshots/snapshots.service';

/**
 * Answers 404 for a snapshot that does not exist (any more) before a route runs. Analyses stay cached by id
 * after a snapshot is deleted; this one primary-key read keeps them from answering for it.
 */
@Injectable()
export class SnapshotExistsGuard implements CanActivate {
  constructor(private readonly snapshots: SnapshotsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: { id: string } }>>();
    await this.snapshots.get(request.params.id);
    return true;
  }
}
