import { describe, expect, it } from 'vitest';
import { applyMigrations, pendingMigrations, type Migration } from './migrator';
import type { SqlSession } from './sql-session';

/** A session that records statements and remembers which migrations were recorded as applied. */
function fakeSession(applied: string[] = [], failOn?: string) {
  const statements: string[] = [];
  const session: SqlSession = {
    query: async <T extends object>(sql: string, params: unknown[] = []) => {
      statements.push(sql.trim().split(/\s+/).slice(0, 3).join(' '));
      if (sql.startsWith('INSERT INTO "_prisma_migrations"')) applied.push(params[2] as string);
      if (sql.startsWith('SELECT migration_name')) {
        return applied.map((name) => ({ migration_name: name, checksum: `sum-${name}` })) as T[];
      }
      return [] as T[];
    },
    exec: async (script) => {
      if (failOn !== undefined && script.includes(failOn)) throw new Error('syntax error');
      statements.push(script.startsWith('CREATE TABLE IF NOT EXISTS') ? 'CREATE bookkeeping' : script);
    },
    close: async () => undefined,
  };
  return { session, statements, applied };
}

const migration = (name: string): Migration => ({ name, sql: `-- ${name}`, checksum: `sum-${name}` });
const silent = { log: () => undefined, warn: () => undefined };

describe('applyMigrations', () => {
  it('applies each missing migration in order, in its own transaction, under the advisory lock', async () => {
    const { session, statements } = fakeSession(['001_init']);
    const appliedNow = await applyMigrations(session, [migration('001_init'), migration('002_more')], silent);

    expect(appliedNow).toEqual(['002_more']);
    expect(statements).toEqual([
      "SELECT pg_advisory_lock(hashtext('podreach:migrations'))",
      'CREATE bookkeeping',
      'SELECT migration_name, checksum',
      'BEGIN',
      '-- 002_more',
      'INSERT INTO "_prisma_migrations"',
      'COMMIT',
      "SELECT pg_advisory_unlock(hashtext('podreach:migrations'))",
    ]);
  });

  it('rolls a failing migration back, records nothing and still releases the lock', async () => {
    const { session, statements, applied } = fakeSession([], '002_bad');
    await expect(
      applyMigrations(session, [migration('001_ok'), migration('002_bad')], silent),
    ).rejects.toThrow('syntax error');

    expect(applied).toEqual(['001_ok']);
    expect(statements.slice(-2)).toEqual([
      'ROLLBACK',
      "SELECT pg_advisory_unlock(hashtext('podreach:migrations'))",
    ]);
  });

  it('warns about a migration edited after it was applied, and does not run it again', async () => {
    const { session } = fakeSession(['001_init']);
    const warnings: string[] = [];
    const edited = { ...migration('001_init'), checksum: 'changed' };

    expect(
      await applyMigrations(session, [edited], { log: () => undefined, warn: (m) => warnings.push(m) }),
    ).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining('001_init')]);
  });
});

describe('pendingMigrations', () => {
  it('names the committed migrations the database lacks', async () => {
    const { session } = fakeSession(['001_init']);
    expect(await pendingMigrations(session, [migration('001_init'), migration('002_more')])).toEqual([
      '002_more',
    ]);
  });
});
