import { defineConfig } from 'prisma/config';
import { migrationAdapter } from './prisma/migration-adapter';

// With a config file Prisma reads no .env, and an unresolvable DATABASE_URL makes the CLI try to
// download a query engine: default to the local development database.
process.env.DATABASE_URL ||= 'postgresql://postgres@127.0.0.1:5432/podreach';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => migrationAdapter(process.env.DATABASE_URL as string),
});
