import { request } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientError, answerFrameworkError } from './framework-errors';

const app = fastify({ frameworkErrors: answerFrameworkError, clientErrorHandler: answerClientError });
app.get('/things/:id', async () => ({ ok: true }));

beforeAll(async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app.close();
});

/** A GET over a real socket: Node's parser only runs there, not under `inject`. */
function get(path: string): Promise<{ status: number; body: unknown }> {
  const { port } = app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('errors raised before a route runs get the one error shape', () => {
  it.each(['/things/%zz', '/things/%E0%A4%A', '/things/%'])(
    'a URL that does not decode (%s): 400',
    async (url) => {
      expect(await get(url)).toEqual({
        status: 400,
        body: {
          error: { code: 'BAD_USER_INPUT', message: expect.stringContaining('not a valid url'), details: {} },
        },
      });
    },
  );

  it('a path segment longer than the router takes: 414', async () => {
    expect(await get(`/things/${'x'.repeat(300)}`)).toEqual({
      status: 414,
      body: {
        error: { code: 'LIMIT_EXCEEDED', message: expect.stringContaining('max param length'), details: {} },
      },
    });
  });

  it('a request line longer than Node reads: 431', async () => {
    expect(await get(`/things/${'x'.repeat(20_000)}`)).toEqual({
      status: 431,
      body: { error: { code: 'LIMIT_EXCEEDED', message: expect.stringContaining('16 KiB'), details: {} } },
    });
  });

  it('a request Node cannot parse at all: 400, and the connection closes', async () => {
    const { port } = app.server.address() as AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
      socket.on('error', reject);
    });
    const [head, body] = answer.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(body)).toEqual({
      error: { code: 'BAD_USER_INPUT', message: 'Malformed HTTP request', details: {} },
    });
  });
});
