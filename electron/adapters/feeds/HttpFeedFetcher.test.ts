import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FetchOutcome } from '../../services/feeds/ports';
import { HttpFeedFetcher } from './HttpFeedFetcher';
import { ManualDeadlineTimers } from './testing/ManualDeadlineTimers';
import { closeServersAfterEach } from './testing/closeServersAfterEach';

const RSS =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Cardiology</title></channel></rss>';
const NO_VALIDATORS = { etag: null, lastModified: null };

interface LoopbackServer {
  url: string;
  requests: IncomingMessage[];
  /** Resolves when every socket the server accepted has closed. */
  allSocketsClosed(): Promise<void>;
}

const servers = closeServersAfterEach();

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<LoopbackServer> {
  const requests: IncomingMessage[] = [];
  const sockets = new Set<Socket>();
  const closed: Promise<void>[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    closed.push(new Promise((resolve) => socket.once('close', () => resolve())));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    allSocketsClosed: async () => void (await Promise.all(closed)),
  };
}

function expectFailure(outcome: FetchOutcome, code: string): string {
  if (outcome.kind !== 'failed') throw new Error(`expected a failure, got ${outcome.kind}`);
  expect(outcome.code).toBe(code);
  return outcome.message;
}

function expectFetched(outcome: FetchOutcome): Extract<FetchOutcome, { kind: 'fetched' }> {
  if (outcome.kind !== 'fetched')
    throw new Error(`expected a body, got ${JSON.stringify(outcome)}`);
  return outcome;
}

const fetcher = new HttpFeedFetcher({ userAgent: 'Rounds/test (desktop journal club)' });

describe('HttpFeedFetcher', () => {
  it('fetches a feed with a real User-Agent and an Accept header that prefers feed types', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(RSS);
    });

    const outcome = expectFetched(await fetcher.fetch(`${server.url}/feed.xml`, NO_VALIDATORS));

    expect(Buffer.from(outcome.body).toString('utf8')).toBe(RSS);
    expect(outcome.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(outcome.finalUrl).toBe(`${server.url}/feed.xml`);
    const headers = server.requests[0]?.headers;
    expect(headers?.['user-agent']).toBe('Rounds/test (desktop journal club)');
    expect(headers?.accept?.startsWith('application/rss+xml, application/atom+xml')).toBe(true);
    expect(headers?.['if-none-match']).toBeUndefined();
  });

  it('echoes ETag and Last-Modified exactly and reports 304 as not modified', async () => {
    const etag = 'W/"5f3a-Ab/9+x=="';
    const lastModified = 'Tue, 02 Jan 2024 10:00:00 GMT';
    const server = await serve((req, res) => {
      if (
        req.headers['if-none-match'] === etag &&
        req.headers['if-modified-since'] === lastModified
      ) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      res.writeHead(200, { etag, 'last-modified': lastModified, 'content-type': 'text/xml' });
      res.end(RSS);
    });

    const first = expectFetched(await fetcher.fetch(`${server.url}/feed`, NO_VALIDATORS));
    expect(first.etag).toBe(etag);
    expect(first.lastModified).toBe(lastModified);

    const second = await fetcher.fetch(`${server.url}/feed`, {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second).toEqual({ kind: 'not-modified' });
    expect(server.requests[1]?.headers['if-none-match']).toBe(etag);
    expect(server.requests[1]?.headers['if-modified-since']).toBe(lastModified);
  });

  it('decompresses gzip and brotli bodies', async () => {
    const server = await serve((req, res) => {
      const brotli = req.url === '/br';
      res.writeHead(200, {
        'content-encoding': brotli ? 'br' : 'gzip',
        'content-type': 'text/xml',
      });
      res.end(brotli ? brotliCompressSync(RSS) : gzipSync(RSS));
    });

    for (const path of ['/gzip', '/br']) {
      const outcome = expectFetched(await fetcher.fetch(`${server.url}${path}`, NO_VALIDATORS));
      expect(Buffer.from(outcome.body).toString('utf8')).toBe(RSS);
    }
    expect(server.requests[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('counts the size cap on decompressed bytes, so a small compressed bomb is refused', async () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20));
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const small = new HttpFeedFetcher({ userAgent: 'test', maxBodyBytes: 1024 * 1024 });

    const message = expectFailure(await small.fetch(server.url, NO_VALIDATORS), 'too-large');
    expect(message).toBe('The feed is larger than 1 MB, the most Rounds downloads.');
  });

  it('stops reading a body that never ends and closes the connection', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      const pump = setInterval(() => res.write(chunk), 1);
      res.on('close', () => clearInterval(pump));
    });
    const small = new HttpFeedFetcher({ userAgent: 'test', maxBodyBytes: 256 * 1024 });

    expectFailure(await small.fetch(server.url, NO_VALIDATORS), 'too-large');
    await server.allSocketsClosed();
  });

  it('refuses a body whose declared length exceeds the cap without downloading it', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(2 * 1024 * 1024) });
      res.write('<rss');
    });
    const small = new HttpFeedFetcher({
      userAgent: 'test',
      maxBodyBytes: 1024 * 1024,
      timeoutMs: 5_000,
    });

    expectFailure(await small.fetch(server.url, NO_VALIDATORS), 'too-large');
  });

  it('follows a chain of redirects, relative ones included, and reports the final address', async () => {
    const server = await serve((req, res) => {
      const next: Record<string, [number, string]> = {
        '/old': [301, '/moved'],
        '/moved': [302, `http://${req.headers.host}/temporary`],
        '/temporary': [307, 'final.xml'],
      };
      const hop = next[req.url ?? ''];
      if (hop) {
        res.writeHead(hop[0], { location: hop[1] });
        res.end('moved');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(RSS);
    });

    const outcome = expectFetched(await fetcher.fetch(`${server.url}/old`, NO_VALIDATORS));
    expect(outcome.finalUrl).toBe(`${server.url}/final.xml`);
    expect(server.requests.map((req) => req.url)).toEqual([
      '/old',
      '/moved',
      '/temporary',
      '/final.xml',
    ]);
  });

  it('refuses a redirect loop and a chain longer than the limit', async () => {
    const server = await serve((req, res) => {
      const url = req.url ?? '';
      if (url === '/a') res.writeHead(302, { location: '/b' });
      else if (url === '/b') res.writeHead(302, { location: '/a' });
      else res.writeHead(302, { location: `/hop${Number(url.replace('/hop', '')) + 1}` });
      res.end();
    });

    expect(
      expectFailure(await fetcher.fetch(`${server.url}/a`, NO_VALIDATORS), 'redirect-loop'),
    ).toMatch(/loop/);
    expect(
      expectFailure(await fetcher.fetch(`${server.url}/hop0`, NO_VALIDATORS), 'redirect-loop'),
    ).toBe('The address redirected more than 5 times without reaching the feed.');
  });

  it('refuses to follow a redirect to anything but http or https', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(301, { location: 'file:///etc/passwd' });
      res.end();
    });

    expect(expectFailure(await fetcher.fetch(server.url, NO_VALIDATORS), 'invalid-url')).toMatch(
      /"file:"/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('reports HTTP errors with their status', async () => {
    const server = await serve((req, res) => {
      res.writeHead(req.url === '/missing' ? 404 : 500);
      res.end('error page');
    });

    expect(
      expectFailure(await fetcher.fetch(`${server.url}/missing`, NO_VALIDATORS), 'http-error'),
    ).toBe('The server answered 404 Not Found.');
    expect(
      expectFailure(await fetcher.fetch(`${server.url}/broken`, NO_VALIDATORS), 'http-error'),
    ).toBe('The server answered 500 Internal Server Error.');
  });

  it('reads Retry-After of a 429 or 503 as seconds or as a date on the server’s clock', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/seconds') res.writeHead(429, { 'retry-after': '120' });
      else if (req.url === '/date')
        res.writeHead(503, {
          date: 'Sun, 01 Feb 2026 08:00:00 GMT',
          'retry-after': 'Sun, 01 Feb 2026 09:30:00 GMT',
        });
      else if (req.url === '/week') res.writeHead(429, { 'retry-after': String(7 * 86_400) });
      else if (req.url === '/bare') res.writeHead(429);
      else res.writeHead(503);
      res.end();
    });
    const fetchPath = (path: string) => fetcher.fetch(`${server.url}${path}`, NO_VALIDATORS);

    expect(await fetchPath('/seconds')).toEqual({
      kind: 'failed',
      code: 'rate-limited',
      message:
        'The server answered 429 Too Many Requests and asked Rounds to wait 2 minutes before asking again.',
      retryAfterSeconds: 120,
    });
    expect(await fetchPath('/date')).toMatchObject({
      code: 'rate-limited',
      retryAfterSeconds: 90 * 60,
    });
    expect(await fetchPath('/week')).toMatchObject({ retryAfterSeconds: 24 * 60 * 60 });
    const bare = await fetchPath('/bare');
    expect(bare).toMatchObject({ code: 'rate-limited' });
    expect(bare).not.toHaveProperty('retryAfterSeconds');
    // An outage that does not say when it ends is an ordinary error, backed off as usual.
    expect(await fetchPath('/outage')).toMatchObject({ code: 'http-error' });
  });

  it('stops a body that never ends at the size cap and closes the connection', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    });
    const capped = new HttpFeedFetcher({ userAgent: 'test', maxBodyBytes: 1024 * 1024 });

    expectFailure(await capped.fetch(server.url, NO_VALIDATORS), 'too-large');
    await server.allSocketsClosed();
  });

  it('times out quickly on a server that never answers and closes the socket', async () => {
    const server = await serve(() => {
      // Accepts the request and never answers.
    });
    const impatient = new HttpFeedFetcher({
      userAgent: 'test',
      connectTimeoutMs: 150,
      timeoutMs: 5_000,
    });

    const message = expectFailure(await impatient.fetch(server.url, NO_VALIDATORS), 'timeout');
    expect(message).toBe('127.0.0.1 did not answer within 0.2 seconds.');
    await server.allSocketsClosed();
  });

  it('times out on a body that trickles in past the total limit', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      const drip = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(drip));
    });
    const impatient = new HttpFeedFetcher({ userAgent: 'test', timeoutMs: 300 });

    const message = expectFailure(await impatient.fetch(server.url, NO_VALIDATORS), 'timeout');
    expect(message).toBe('127.0.0.1 took longer than 0.3 seconds to send the feed.');
    await server.allSocketsClosed();
  });

  it('reports a refused connection as unreachable and names the host', async () => {
    const server = await serve(() => undefined);
    const url = server.url;
    const closing = servers.pop();
    await new Promise((resolve) => closing?.close(resolve));

    expect(expectFailure(await fetcher.fetch(`${url}/feed`, NO_VALIDATORS), 'unreachable')).toBe(
      '127.0.0.1 refused the connection.',
    );
  });

  it('reports a connection the server drops as unreachable and names the host', async () => {
    const server = await serve((req) => req.socket.destroy());

    expect(expectFailure(await fetcher.fetch(server.url, NO_VALIDATORS), 'unreachable')).toBe(
      'The connection to 127.0.0.1 was interrupted.',
    );
  });

  it('refuses addresses that are not http or https before any request', async () => {
    expectFailure(await fetcher.fetch('ftp://example.org/feed', NO_VALIDATORS), 'invalid-url');
    expectFailure(await fetcher.fetch('not an address', NO_VALIDATORS), 'invalid-url');
    expectFailure(
      await fetcher.fetch('https://user:pw@example.org/', NO_VALIDATORS),
      'invalid-url',
    );
  });

  it('rejects with the caller’s reason when the caller aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('shutting down');
    // Aborted once the request is in flight: the server has it and will never answer.
    const server = await serve(() => controller.abort(reason));

    await expect(fetcher.fetch(server.url, NO_VALIDATORS, controller.signal)).rejects.toBe(reason);
  });
});

describe('HttpFeedFetcher deadlines', () => {
  // Injected timers fire each deadline on cue, once the server has the request: the outcome is
  // proved without a real clock that a loaded machine could run late.
  const TOTAL_MS = 30_000;
  const ANSWER_MS = 10_000;

  function fetcherWith(timers: ManualDeadlineTimers): HttpFeedFetcher {
    return new HttpFeedFetcher({
      userAgent: 'test',
      timeoutMs: TOTAL_MS,
      connectTimeoutMs: ANSWER_MS,
      timers,
    });
  }

  it('ends a request the server never answers when the answer deadline fires, and closes the socket', async () => {
    let received!: () => void;
    const requestReceived = new Promise<void>((resolve) => (received = resolve));
    const server = await serve(() => received());
    const timers = new ManualDeadlineTimers();

    const fetching = fetcherWith(timers).fetch(server.url, NO_VALIDATORS);
    await requestReceived;
    timers.fire(ANSWER_MS);

    expect(expectFailure(await fetching, 'timeout')).toBe(
      '127.0.0.1 did not answer within 10 seconds.',
    );
    expect(timers.pendingDelays()).toEqual([]);
    await server.allSocketsClosed();
  });

  it('ends a body that trickles in when the total deadline fires, and closes the socket', async () => {
    let received!: () => void;
    const requestReceived = new Promise<void>((resolve) => (received = resolve));
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.write('<');
      received();
    });
    const timers = new ManualDeadlineTimers();

    const fetching = fetcherWith(timers).fetch(server.url, NO_VALIDATORS);
    await requestReceived;
    timers.fire(TOTAL_MS);

    expect(expectFailure(await fetching, 'timeout')).toBe(
      '127.0.0.1 took longer than 30 seconds to send the feed.',
    );
    expect(timers.pendingDelays()).toEqual([]);
    await server.allSocketsClosed();
  });

  it('arms both deadlines for a fetch and clears them once the feed has arrived', async () => {
    const timers = new ManualDeadlineTimers();
    let pendingWhileServing: number[] = [];
    const server = await serve((_req, res) => {
      pendingWhileServing = timers.pendingDelays();
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
    });

    expectFetched(await fetcherWith(timers).fetch(server.url, NO_VALIDATORS));
    expect(pendingWhileServing).toEqual([TOTAL_MS, ANSWER_MS]);
    expect(timers.pendingDelays()).toEqual([]);
  });
});
