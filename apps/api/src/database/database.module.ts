import { Global, Logger, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DATABASE_CONNECTION, openDatabase } from './database-connection';
import { DatabaseHealthIndicator } from './database.health';
import { PrismaService } from './prisma.service';

@Global()
@Module({
  imports: [TerminusModule],
  providers: [
    {
      provide: DATABASE_CONNECTION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => openDatabase(config.database, new Logger('Migrations')),
    },
    PrismaService,
    DatabaseHealthIndicator,
  ],
  exports: [PrismaService, DatabaseHealthIndicator, DATABASE_CONNECTION],
})
export class DatabaseModule {}
