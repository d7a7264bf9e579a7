import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config';
import { ConfigError } from '../config/env-readers';

describe('HTTP server configuration', () => {
  it('defaults: no CORS, ten minutes for a request, 72 s keep-alive, 10 s to finish on shutdown', () => {
    expect(loadConfig({}).http).toEqual({
      corsOrigins: [],
      requestTimeoutMs: 600_000,
      keepAliveTimeoutMs: 72_000,
      shutdownGraceMs: 10_000,
    });
  });

  it('reads comma-separated origins, trimmed, each once', () => {
    const config = loadConfig({
      PODREACH_CORS_ORIGINS: ' https://dash.example.com, http://localhost:3000,,https://dash.example.com ',
    });
    expect(config.http.corsOrigins).toEqual(['https://dash.example.com', 'http://localhost:3000']);
  });

  it.each([
    'https://dash.example.com/',
    'https://dash.example.com/app',
    '*',
    'dash.example.com',
    'ftp://files.example.com',
    'https://*.example.com',
  ])('refuses %s as an origin, naming the variable', (origin) => {
    expect(() => loadConfig({ PODREACH_CORS_ORIGINS: `https://ok.example.com,${origin}` })).toThrow(
      expect.objectContaining({
        name: ConfigError.name,
        message: expect.stringContaining(`PODREACH_CORS_ORIGINS must list origins`),
      }),
    );
  });

  it.each([
    { env: { PODREACH_REQUEST_TIMEOUT_MS: '999' }, message: 'PODREACH_REQUEST_TIMEOUT_MS' },
    { env: { PODREACH_KEEP_ALIVE_TIMEOUT_MS: '10s' }, message: 'PODREACH_KEEP_ALIVE_TIMEOUT_MS' },
    { env: { PODREACH_SHUTDOWN_GRACE_MS: '-1' }, message: 'PODREACH_SHUTDOWN_GRACE_MS' },
  ])('refuses $env', ({ env, message }) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('allows a zero grace: requests in flight are cut at once', () => {
    expect(loadConfig({ PODREACH_SHUTDOWN_GRACE_MS: '0' }).http.shutdownGraceMs).toBe(0);
  });
});
