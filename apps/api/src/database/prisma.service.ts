import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaClient } from '../../../../prisma/generated/client';
import { DATABASE_CONNECTION, type DatabaseConnection } from './database-connection';
import { pendingMigrations } from './migrator';

/** Prisma Client on the service's database (PostgreSQL or the embedded PGlite). */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {
    super({ adapter: connection.adapter });
  }

  /** Names of committed migrations the database lacks; throws when the database cannot be reached. */
  pendingMigrations(): Promise<string[]> {
    return pendingMigrations(
      { query: (sql, params = []) => this.$queryRawUnsafe(sql, ...params) },
      this.connection.migrations,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    await this.connection.close();
  }
}
