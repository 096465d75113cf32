import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake platforms read it: whole body in memory (tests send small ones). */
export interface FakeRequest {
  method: string;
  /** Path without the query. */
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The `Authorization: Bearer …` token, or null. */
  bearer: string | null;
}

/** What a fake platform answers, or `drop` to close the connection without any answer. */
export type FakeAnswer =
  { status: number; json?: unknown; headers?: Record<string, string> } | { drop: true };

/** A running loopback server and the way to stop it. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server on 127.0.0.1 at a port the system picks, answering every request with
 * `answer`. An exception in `answer` becomes a 500, so a broken fake shows up as a server error
 * in the test rather than a hung request.
 */
export async function startLoopbackServer(
  answer: (request: FakeRequest, url: string) => FakeAnswer | Promise<FakeAnswer>,
): Promise<LoopbackServer> {
  let url = '';
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const authorization = req.headers.authorization ?? '';
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', url).pathname,
      headers: req.headers,
      body: Buffer.concat(chunks),
      bearer: authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : null,
    };
    let reply: FakeAnswer;
    try {
      reply = await answer(request, url);
    } catch (error) {
      reply = { status: 500, json: { error: 'InternalServerError', message: String(error) } };
    }
    if ('drop' in reply) {
      res.socket?.destroy();
      return;
    }
    const body = reply.json === undefined ? '' : JSON.stringify(reply.json);
    res.writeHead(reply.status, {
      ...(body ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      ...reply.headers,
    });
    res.end(body);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Parses a JSON body; null when it is not JSON. */
export function jsonBody(request: FakeRequest): unknown {
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch {
    return null;
  }
}

/** A plain object's fields, or an empty record for anything else. */
export function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
