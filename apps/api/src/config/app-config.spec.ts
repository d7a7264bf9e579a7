import { describe, expect, it } from 'vitest';
import { loadConfig } from './app-config';
import { ConfigError } from './env-readers';

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:8080 on the embedded database in ./.podreach-data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', database: { kind: 'pglite' } });
    expect(config.database.kind === 'pglite' && config.database.dataDir).toMatch(/\.podreach-data$/);
    expect(config.limits).toEqual({
      wireBytes: 256 * 1024 ** 2,
      jsonBytes: 2 * 1024 ** 3,
      yamlBytes: 256 * 1024 ** 2,
      maxWorkloadsAndPods: 200_000,
      maxPolicies: 50_000,
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and keeps :memory: as it is', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db:5432/podreach' }).database).toEqual({
      kind: 'postgres',
      url: 'postgresql://u@db:5432/podreach',
    });
    expect(loadConfig({ PODREACH_DATA_DIR: ':memory:' }).database).toEqual({
      kind: 'pglite',
      dataDir: ':memory:',
    });
  });

  it.each([
    { env: { PORT: 'eighty' }, message: 'PORT' },
    { env: { PORT: '70000' }, message: 'PORT' },
    { env: { PODREACH_MAX_UPLOAD_BYTES: '10MB' }, message: 'PODREACH_MAX_UPLOAD_BYTES' },
    { env: { PODREACH_MAX_POLICIES: '0' }, message: 'PODREACH_MAX_POLICIES' },
    { env: { LOG_LEVEL: 'loud' }, message: 'LOG_LEVEL' },
    { env: { DATABASE_URL: 'mysql://root@db/podreach' }, message: 'PostgreSQL' },
    { env: { DATABASE_URL: 'not a url' }, message: 'DATABASE_URL' },
  ])('refuses $env', ({ env, message }) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reports every bad value at once and never echoes a database password', () => {
    const message = (() => {
      try {
        loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://root:hunter2@db/x' });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('hunter2');
  });
});
