import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the stub server received, as the CLI sent it over the wire. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, e.g. `/api/v1/keys`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the stub answers: a status and a JSON body (none for 204). */
export interface StubAnswer {
  status: number;
  body?: unknown;
}

export interface StubServer {
  /** The base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on loopback that answers from `answer` and records every request, so that a test sees
 * exactly what the CLI puts on the wire: method, path, headers and body.
 */
export async function startStubServer(answer: (request: ReceivedRequest) => StubAnswer): Promise<StubServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const { status, body } = answer(request);
      if (body === undefined) {
        res.writeHead(status).end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
