import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config';
import { loggerParams } from './logging';

describe('request logs', () => {
  it('hold the method, URL and id of a request, never its Authorization header or other headers', () => {
    const { pinoHttp } = loggerParams(loadConfig({}));
    const serializers = (pinoHttp as { serializers: Record<string, (value: unknown) => unknown> })
      .serializers;
    const key = 'prk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const logged = serializers.req({
      id: 'r1',
      method: 'GET',
      url: '/api/v1/snapshots',
      headers: { authorization: `Bearer ${key}`, cookie: 'session=1' },
    });
    expect(logged).toEqual({ id: 'r1', method: 'GET', url: '/api/v1/snapshots' });
    expect(JSON.stringify(logged)).not.toContain(key);
  });
});
