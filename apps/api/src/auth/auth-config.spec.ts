import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config';
import { ConfigError } from '../config/env-readers';
import { isLoopbackHost } from './auth-config';

const POSTGRES = { DATABASE_URL: 'postgresql://u@db:5432/podreach' };
const ADMIN_KEY = 'c2VjcmV0LXZhbHVlLW9mLWF0LWxlYXN0LTMyLWNoYXJz';

describe('whether requests need a key', () => {
  it.each([
    { env: {}, enabled: false },
    { env: { HOST: 'localhost' }, enabled: false },
    { env: { HOST: '::1' }, enabled: false },
    { env: { HOST: '127.0.0.2' }, enabled: false },
    { env: { PODREACH_AUTH: 'off' }, enabled: false },
    { env: { PODREACH_AUTH: 'on' }, enabled: true },
    { env: { HOST: '0.0.0.0' }, enabled: true },
    { env: { HOST: '192.168.1.10' }, enabled: true },
    { env: { HOST: '::' }, enabled: true },
    { env: POSTGRES, enabled: true },
    { env: { ...POSTGRES, PODREACH_AUTH: 'auto' }, enabled: true },
  ])('$env: auth on is $enabled', ({ env, enabled }) => {
    expect(loadConfig(env).auth.enabled).toBe(enabled);
  });

  it.each([{ HOST: '0.0.0.0' }, POSTGRES])('refuses PODREACH_AUTH=off outside local mode: %j', (env) => {
    expect(() => loadConfig({ ...env, PODREACH_AUTH: 'off' })).toThrow(
      /PODREACH_AUTH=off is only allowed in local mode/,
    );
  });

  it('refuses an unknown mode', () => {
    expect(() => loadConfig({ PODREACH_AUTH: 'maybe' })).toThrow(ConfigError);
  });

  it('knows loopback addresses, bracketed IPv6 and IPv4-mapped ones included', () => {
    for (const host of ['127.0.0.1', '127.255.0.9', '::1', '[::1]', '::ffff:127.0.0.1', 'localhost'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'example.com', 'localhost.example.com'])
      expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('PODREACH_ADMIN_KEY and PODREACH_METRICS_PUBLIC', () => {
  it('reads a declared admin key and the metrics setting, both off by default', () => {
    expect(loadConfig({}).auth).toEqual({ enabled: false, adminKey: undefined, metricsPublic: false });
    expect(loadConfig({ PODREACH_ADMIN_KEY: ADMIN_KEY, PODREACH_METRICS_PUBLIC: 'true' }).auth).toMatchObject(
      {
        adminKey: ADMIN_KEY,
        metricsPublic: true,
      },
    );
  });

  it.each(['too-short-0123456789', `${ADMIN_KEY} with spaces`, `${ADMIN_KEY}"quoted"`, 'x'.repeat(513)])(
    'refuses %j without echoing it',
    (key) => {
      const message = (() => {
        try {
          loadConfig({ PODREACH_ADMIN_KEY: key, PODREACH_METRICS_PUBLIC: 'yes' });
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(message).toContain('PODREACH_ADMIN_KEY');
      expect(message).toContain('PODREACH_METRICS_PUBLIC');
      expect(message).not.toContain(key);
    },
  );
});
