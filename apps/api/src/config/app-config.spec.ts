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
    expect(config.analysisCacheBytes).toBe(1024 * 1024 ** 2);
    expect(config.graphql).toEqual({ maxDepth: 12, maxAliases: 20, maxCost: 200_000 });
  });

  it('reads the analysis cache size and the GraphQL limits, and allows zero aliases', () => {
    const config = loadConfig({
      PODREACH_ANALYSIS_CACHE_MB: '64',
      PODREACH_GRAPHQL_MAX_DEPTH: '100',
      PODREACH_GRAPHQL_MAX_ALIASES: '0',
      PODREACH_GRAPHQL_MAX_COST: '5000',
    });
    expect(config.analysisCacheBytes).toBe(64 * 1024 ** 2);
    expect(config.graphql).toEqual({ maxDepth: 100, maxAliases: 0, maxCost: 5000 });
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
    { env: { PODREACH_ANALYSIS_CACHE_MB: '63' }, message: 'PODREACH_ANALYSIS_CACHE_MB' },
    { env: { PODREACH_ANALYSIS_CACHE_MB: '1048577' }, message: 'from 64 to 1048576' },
    { env: { PODREACH_GRAPHQL_MAX_DEPTH: '0' }, message: 'PODREACH_GRAPHQL_MAX_DEPTH' },
    { env: { PODREACH_GRAPHQL_MAX_DEPTH: '101' }, message: 'from 1 to 100' },
    { env: { PODREACH_GRAPHQL_MAX_ALIASES: '-1' }, message: 'PODREACH_GRAPHQL_MAX_ALIASES' },
    { env: { PODREACH_GRAPHQL_MAX_ALIASES: '1001' }, message: 'from 0 to 1000' },
    { env: { PODREACH_GRAPHQL_MAX_COST: '0' }, message: 'PODREACH_GRAPHQL_MAX_COST' },
    { env: { PODREACH_GRAPHQL_MAX_COST: '2e5' }, message: 'PODREACH_GRAPHQL_MAX_COST' },
    { env: { DATABASE_URL: 'mysql://root@db/podreach' }, message: 'PostgreSQL' },
    { env: { DATABASE_URL: 'not a url' }, message: 'DATABASE_URL' },
  ])('refuses $env', ({ env, message }) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reports every bad value at once and never echoes a database password', () => {
    const message = (() => {
      try {
        loadConfig({
          PORT: 'x',
          DATABASE_URL: 'mysql://root:hunter2@db/x',
          PODREACH_GRAPHQL_MAX_DEPTH: 'deep',
          PODREACH_ANALYSIS_CACHE_MB: '1.5',
        });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('PODREACH_GRAPHQL_MAX_DEPTH');
    expect(message).toContain('PODREACH_ANALYSIS_CACHE_MB');
    expect(message).not.toContain('hunter2');
  });
});
