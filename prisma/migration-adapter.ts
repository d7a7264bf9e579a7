import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

/** PostgreSQL type OIDs of `"char"` and `name`, which the adapter cannot deserialize. */
const CHAR_OID = 18;
const NAME_OID = 19;
const TEXT_OID = 25;

/**
 * A pg client that reports `name` and `"char"` result columns as `text`. The schema engine reads the
 * catalogs, whose columns have those types, and `@prisma/adapter-pg` rejects them
 * (prisma/prisma#27403); as text they deserialize fine and mean the same.
 */
class CatalogFriendlyClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    const callback = args[last];
    // pg.Pool passes a callback; the adapter's transactions use the promise form.
    if (typeof callback === 'function') {
      args[last] = (err: Error | null, res?: pg.QueryResult) => callback(err, res && asText(res));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(asText) : result) as never;
  }
}

function asText(result: pg.QueryResult): pg.QueryResult {
  for (const field of result.fields ?? []) {
    if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

/**
 * Pool settings from discrete fields: with a connection string the string's database wins over the
 * `database` field, and the shadow database would silently become the main one.
 */
function poolConfig(databaseUrl: string, database?: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: decodeURIComponent(url.hostname),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || 'postgres',
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: database ?? decodeURIComponent(url.pathname.slice(1)),
    Client: CatalogFriendlyClient,
  } as pg.PoolConfig;
}

/**
 * The driver adapter Prisma's CLI (`migrate dev|deploy|diff`, `db push`) uses with its bundled wasm
 * schema engine, so that no engine binary has to be downloaded.
 */
export function migrationAdapter(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  const main = new PrismaPg(poolConfig(databaseUrl));
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: async (): Promise<SqlDriverAdapter> => {
      const admin = await main.connect();
      const database = `prisma_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadow = await new PrismaPg(poolConfig(databaseUrl, database)).connect();
      const disposeShadow = shadow.dispose.bind(shadow);
      // Close the shadow pool before dropping its database, or the drop waits on our own sessions.
      shadow.dispose = async () => {
        await disposeShadow();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.dispose();
      };
      return shadow;
    },
  };
}
