import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MAX_REQUEST_BYTES } from '@shared/contract';
import { CONTENT_SECURITY_POLICY } from '../main/windows/contentSecurityPolicy';
import { createRecordingBackend, sampleRefreshEvent } from '../main/ipc/testing/recordingBackend';
import { HostServer, type HostServerOptions } from './HostServer';
import {
  createSelfSignedCertificate,
  opensslAvailable,
  type TestCertificate,
} from './testing/selfSignedCertificate';

const MAX_BODY_BYTES = DEFAULT_MAX_REQUEST_BYTES;

/** On a loaded machine a loopback event can take seconds: wait for it, not for the clock. */
const UNDER_LOAD = { timeout: 15_000 };

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so tests control Host, Origin and undecoded paths exactly. */
function send(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        // A fresh connection each time: a pooled one may belong to a server a test has closed.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function callMethod(
  port: number,
  member: string,
  args: unknown,
  headers: Record<string, string> = {},
) {
  return send(port, {
    method: 'POST',
    path: `/api/${member}`,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof args === 'string' ? args : JSON.stringify(args),
  });
}

/** Opens `/api/events` and collects the raw stream. */
function openEvents(port: number, headers: Record<string, string> = {}) {
  let text = '';
  let response: IncomingMessage | undefined;
  const opened = new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/events', headers }, (res) => {
      response = res;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      resolve(res);
    });
    req.on('error', reject);
    req.end();
  });
  return {
    opened,
    text: () => text,
    waitFor: (pattern: RegExp) => vi.waitFor(() => expect(text).toMatch(pattern), UNDER_LOAD),
    close: () => response?.destroy(),
  };
}

let folder: string;
let rendererDir: string;
let servers: HostServer[] = [];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rounds-host-'));
  rendererDir = join(folder, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Rounds</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("rounds")');
  await writeFile(join(folder, 'secret.txt'), 'patient list');
  await symlink(join(folder, 'secret.txt'), join(rendererDir, 'assets', 'linked.txt'));
});

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  await rm(folder, { recursive: true, force: true });
  vi.restoreAllMocks();
});

async function startHost(options: Partial<HostServerOptions> = {}) {
  const recording = createRecordingBackend();
  const server = await HostServer.start({
    backend: recording.backend,
    host: '127.0.0.1',
    port: 0,
    token: null,
    rendererDir,
    ...options,
  });
  servers.push(server);
  return { server, port: server.port, recording };
}

describe('HostServer API', () => {
  it('prints a loopback URL with the bound port', async () => {
    const { server, port } = await startHost();
    expect(port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${port}/`);
  });

  it('answers a call with the Result as JSON, not cacheable', async () => {
    const { port, recording } = await startHost();
    const answer = await callMethod(port, 'library.setStarred', [{ id: 'item-1', starred: true }]);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      ok: true,
      value: { answeredBy: 'library.setStarred' },
    });
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(recording.calls).toEqual([
      { member: 'library.setStarred', args: [{ id: 'item-1', starred: true }] },
    ]);
  });

  it('answers expected failures and invalid arguments with HTTP 200 and the failure', async () => {
    const { port } = await startHost();
    const answer = await callMethod(port, 'feeds.add', [{ url: '' }]);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it.each([
    ['not JSON', '{"url":'],
    ['JSON that is not an array', '{"url":"https://example.org/feed"}'],
  ])('refuses a body that is %s with 400', async (_label, body) => {
    const { port, recording } = await startHost();
    const answer = await callMethod(port, 'feeds.add', body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(recording.calls).toEqual([]);
  });

  it.each([
    'feeds.launch',
    'shell.exec',
    'feeds.constructor',
    'feeds.onDidRefresh',
    'feeds',
    'feeds.add.extra',
  ])('answers 404 for %s', async (member) => {
    const { port } = await startHost();
    const answer = await callMethod(port, member, []);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('accepts only POST on a method', async () => {
    const { port } = await startHost();
    const answer = await send(port, { path: '/api/feeds.list' });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('POST');
  });

  it('refuses a body that is not declared as JSON (no cross-site form posts)', async () => {
    const { port, recording } = await startHost();
    const answer = await send(port, {
      method: 'POST',
      path: '/api/feeds.list',
      headers: { 'Content-Type': 'text/plain' },
      body: '[]',
    });
    expect(answer.status).toBe(415);
    expect(recording.calls).toEqual([]);
  });

  it('refuses a body over 1 MB with 413, declared or streamed', async () => {
    const { port, recording } = await startHost();
    const oversized = JSON.stringify([{ url: 'x'.repeat(MAX_BODY_BYTES) }]);
    expect((await callMethod(port, 'feeds.add', oversized)).status).toBe(413);
    const streamed = await send(port, {
      method: 'POST',
      path: '/api/feeds.add',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: oversized,
    });
    expect(streamed.status).toBe(413);
    expect(recording.calls).toEqual([]);
  });

  it('accepts a body just under the limit', async () => {
    const { port } = await startHost();
    const padding = ' '.repeat(MAX_BODY_BYTES - 2);
    const answer = await callMethod(port, 'feeds.list', `[${padding}]`);
    expect(answer.status).toBe(200);
  });

  it('answers a declared oversized body with 413 that the client receives, then closes', async () => {
    const { port, recording } = await startHost();
    // Far more than the socket buffers hold: closing at once would cut the client off mid-upload.
    const answer = await callMethod(port, 'feeds.add', Buffer.alloc(16 * 1024 * 1024, 0x20));
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      code: 'invalid-argument',
      message: 'That request is larger than Rounds accepts for feeds.add (1 MB).',
    });
    expect(recording.calls).toEqual([]);
  });

  it('answers 413 from the declared length alone, before any of the body arrives', async () => {
    const { port } = await startHost();
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/feeds.add',
      headers: { 'Content-Type': 'application/json', 'Content-Length': MAX_BODY_BYTES + 1 },
    });
    request.on('error', () => undefined);
    request.flushHeaders();
    const response = await new Promise<IncomingMessage>((resolve) =>
      request.once('response', resolve),
    );
    expect(response.statusCode).toBe(413);
    request.destroy();
  });

  it('answers 413 when a chunked body passes the limit mid-stream, then closes', async () => {
    const { port, recording } = await startHost();
    const answer = await send(port, {
      method: 'POST',
      path: '/api/feeds.add',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: Buffer.alloc(16 * 1024 * 1024, 0x20),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(recording.calls).toEqual([]);
  });

  it('takes each method’s body limit from the contract: OPML import accepts several megabytes', async () => {
    const { port, recording } = await startHost();
    const opml = `<opml version="2.0"><body>${' '.repeat(4 * 1024 * 1024)}</body></opml>`;
    const answer = await callMethod(port, 'sources.importOpml', [{ text: opml }]);
    expect(answer.status).toBe(200);
    expect(recording.calls).toEqual([{ member: 'sources.importOpml', args: [{ text: opml }] }]);
    const tooLarge = await callMethod(port, 'sources.importOpml', [
      { text: ' '.repeat(7 * 1024 * 1024) },
    ]);
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body).message).toBe(
      'That request is larger than Rounds accepts for sources.importOpml (6 MB).',
    );
  });

  it('refuses deeply nested JSON with 400 before parsing it', async () => {
    const { port, recording } = await startHost();
    const depth = 400_000;
    const answer = await callMethod(port, 'feeds.add', '['.repeat(depth) + ']'.repeat(depth));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      code: 'invalid-argument',
      message: 'The request body is nested too deeply (more than 64 levels).',
    });
    expect(recording.calls).toEqual([]);
  });

  it('counts nesting outside strings only', async () => {
    const { port } = await startHost();
    const bracketsInText = JSON.stringify([{ url: `https://example.org/${'[{'.repeat(500)}` }]);
    expect((await callMethod(port, 'feeds.add', bracketsInText)).status).toBe(200);
  });
});

describe('HostServer events', () => {
  it('streams contract events as Server-Sent Events with keep-alive comments', async () => {
    const { port, recording } = await startHost({ keepAliveMs: 50 });
    const events = openEvents(port);
    const response = await events.opened;
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(response.headers['cache-control']).toBe('no-store');
    await vi.waitFor(
      () => expect(recording.listenerCount('feeds.onDidRefresh')).toBe(1),
      UNDER_LOAD,
    );
    recording.emit('feeds.onDidRefresh', sampleRefreshEvent);
    await events.waitFor(/event: feeds\.onDidRefresh\ndata: .*\n\n/);
    const data = /event: feeds\.onDidRefresh\ndata: (.*)\n\n/.exec(events.text())?.[1];
    expect(JSON.parse(data ?? 'null')).toEqual(sampleRefreshEvent);
    await events.waitFor(/: keep-alive\n\n/);
    events.close();
  });

  it('unsubscribes from the backend when the browser disconnects', async () => {
    const { port, recording } = await startHost();
    const events = openEvents(port);
    await events.opened;
    await vi.waitFor(
      () => expect(recording.listenerCount('feeds.onDidRefresh')).toBe(1),
      UNDER_LOAD,
    );
    events.close();
    await vi.waitFor(
      () => expect(recording.listenerCount('feeds.onDidRefresh')).toBe(0),
      UNDER_LOAD,
    );
  });

  it('ends open event streams on close so shutdown does not hang', async () => {
    const { server, port, recording } = await startHost();
    const events = openEvents(port);
    const response = await events.opened;
    const ended = new Promise((resolve) => response.once('end', resolve));
    await server.close();
    await ended;
    expect(recording.listenerCount('feeds.onDidRefresh')).toBe(0);
  });
});

describe('HostServer request checks', () => {
  it('refuses a Host header that is not this server (DNS rebinding)', async () => {
    const { port, recording } = await startHost();
    const rebound = await callMethod(port, 'feeds.list', [], { Host: `attacker.example:${port}` });
    expect(rebound.status).toBe(403);
    expect((await send(port, { path: '/', headers: { Host: 'attacker.example' } })).status).toBe(
      403,
    );
    expect(recording.calls).toEqual([]);
  });

  it('accepts localhost and the bound address as Host', async () => {
    const { port } = await startHost();
    expect((await callMethod(port, 'feeds.list', [], { Host: `localhost:${port}` })).status).toBe(
      200,
    );
    expect((await callMethod(port, 'feeds.list', [], { Host: `127.0.0.1:${port}` })).status).toBe(
      200,
    );
  });

  it('refuses calls from another web site, accepts calls from its own page', async () => {
    const { port, recording } = await startHost();
    const foreign = await callMethod(port, 'feeds.remove', [{ id: 'feed-1' }], {
      Origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(
      (await callMethod(port, 'feeds.remove', [{ id: 'feed-1' }], { Origin: 'null' })).status,
    ).toBe(403);
    expect(recording.calls).toEqual([]);
    const own = await callMethod(port, 'feeds.remove', [{ id: 'feed-1' }], {
      Origin: `http://127.0.0.1:${port}`,
    });
    expect(own.status).toBe(200);
  });

  it('answers odd request targets with a short 4xx, never a 500', async () => {
    const { port } = await startHost();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await send(port, { path: '//' })).status).toBe(404);
    expect((await send(port, { path: '///api/feeds.list' })).status).toBe(404);
    for (const path of [`http://127.0.0.1:${port}/`, '*']) {
      const answer = await send(port, { method: 'OPTIONS', path });
      expect(answer.status).toBe(400);
      expect(answer.body).toBe('Rounds answers only requests for a path, such as /api/….');
    }
    expect(errors).not.toHaveBeenCalled();
  });

  it('refuses plain HTTP beyond the loopback unless told a TLS proxy is in front', async () => {
    // 192.0.2.0/24 is reserved for documentation: the refusal must come before any attempt to bind.
    await expect(
      startHost({ host: '192.0.2.10', token: 'a-long-enough-token-for-tests' }),
    ).rejects.toThrow(/Refusing to serve 192\.0\.2\.10 over plain HTTP/);
  });

  it('refuses to listen on a network address without a token', async () => {
    await expect(startHost({ host: '0.0.0.0', token: null })).rejects.toThrow(
      /without an access token/,
    );
  });
});

describe('HostServer access token', () => {
  const token = 'a-long-enough-token-for-tests';

  it('refuses API calls and pages without the token', async () => {
    const { port, recording } = await startHost({ token });
    expect((await callMethod(port, 'feeds.list', [])).status).toBe(401);
    expect(
      (
        await callMethod(port, 'feeds.list', [], {
          Authorization: 'Bearer wrong-token-wrong-token',
        })
      ).status,
    ).toBe(401);
    expect((await send(port, { path: '/' })).status).toBe(401);
    expect((await send(port, { path: '/api/events' })).status).toBe(401);
    expect(recording.calls).toEqual([]);
  });

  it('accepts the token as a Bearer header', async () => {
    const { port } = await startHost({ token });
    const answer = await callMethod(port, 'feeds.list', [], { Authorization: `Bearer ${token}` });
    expect(answer.status).toBe(200);
  });

  it('exchanges /?token= for an HttpOnly, SameSite=Strict session cookie and a clean address', async () => {
    const { port } = await startHost({ token });
    const visit = await send(port, { path: `/?token=${token}` });
    expect(visit.status).toBe(303);
    expect(visit.headers.location).toBe('/');
    expect(visit.headers['cache-control']).toBe('no-store');
    const cookie = visit.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const pair = cookie.split(';')[0] ?? '';
    expect((await send(port, { path: '/', headers: { Cookie: pair } })).status).toBe(200);
    expect((await callMethod(port, 'feeds.list', [], { Cookie: pair })).status).toBe(200);
  });

  it('puts a random session id in the cookie, never the token', async () => {
    const { port } = await startHost({ token });
    const cookie = (await send(port, { path: `/?token=${token}` })).headers['set-cookie']?.[0];
    const [name, value] = (cookie ?? '').split(';')[0]!.split('=');
    // Cookies ignore ports: the port in the name keeps two hosts on one machine apart.
    expect(name).toBe(`rounds_session_${port}`);
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie).not.toContain(token);
    expect(cookie).not.toContain(encodeURIComponent(token));
  });

  it('refuses a cookie that holds the token itself, as earlier versions set it', async () => {
    const { port, recording } = await startHost({ token });
    for (const name of [`rounds_token_${port}`, `rounds_session_${port}`]) {
      const answer = await callMethod(port, 'feeds.list', [], { Cookie: `${name}=${token}` });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
    expect(recording.calls).toEqual([]);
  });

  it('refuses a session id from a previous run', async () => {
    const first = await startHost({ token });
    const cookie = (await send(first.port, { path: `/?token=${token}` })).headers['set-cookie'];
    const pair = cookie?.[0]?.split(';')[0] ?? '';
    expect((await send(first.port, { path: '/', headers: { Cookie: pair } })).status).toBe(200);
    await first.server.close();
    const second = await startHost({ token, port: first.port });
    const stale = await send(second.port, { path: '/', headers: { Cookie: pair } });
    expect(stale.status).toBe(401);
    expect(stale.body).toContain('?token=');
  });

  it('answers a malformed session cookie with a short 400 and no stack trace', async () => {
    const { port, recording } = await startHost({ token });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const path of ['/', '/api/feeds.list']) {
      const answer = await send(port, {
        method: path === '/' ? 'GET' : 'POST',
        path,
        headers: {
          'Content-Type': 'application/json',
          Cookie: `rounds_token_${port}=%E0%A4%A; rounds_session_${port}=%E0%A4%A`,
        },
        body: path === '/' ? undefined : '[]',
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(/session cookie/);
      expect(answer.body).toMatch(/\?token=/);
      expect(answer.body).not.toMatch(/Error|\bat \S+ \(|node:/);
    }
    expect(errors).not.toHaveBeenCalled();
    expect(recording.calls).toEqual([]);
  });

  it('ignores cookies other servers on this address set, however malformed', async () => {
    const { port } = await startHost({ token });
    const cookie = (await send(port, { path: `/?token=${token}` })).headers['set-cookie'];
    const pair = cookie?.[0]?.split(';')[0] ?? '';
    const answer = await send(port, {
      path: '/',
      headers: { Cookie: `other_app=%E0%A4%A; theme; ${pair}; rounds_session_1=%` },
    });
    expect(answer.status).toBe(200);
  });

  it('sets no cookie for a wrong token', async () => {
    const { port } = await startHost({ token });
    const visit = await send(port, { path: '/?token=not-the-token-at-all' });
    expect(visit.status).toBe(401);
    expect(visit.headers['set-cookie']).toBeUndefined();
  });
});

describe('HostServer static files', () => {
  it('serves index.html for / with the security headers', async () => {
    const { port } = await startHost();
    const page = await send(port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Rounds</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their content type', async () => {
    const { port } = await startHost();
    const script = await send(port, { path: '/assets/app.js' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/assets/linked.txt',
    '/assets%00/app.js',
    '/%E0%A4%A',
  ])('never serves a file outside the renderer folder: %s', async (path) => {
    const { port } = await startHost();
    const answer = await send(port, { path });
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('patient list');
  });

  it('answers 404 for a missing file and for a folder', async () => {
    const { port } = await startHost();
    expect((await send(port, { path: '/missing.js' })).status).toBe(404);
    expect((await send(port, { path: '/assets' })).status).toBe(404);
  });

  it('explains how to build when the renderer is missing', async () => {
    const { port } = await startHost({ rendererDir: join(folder, 'not-built') });
    const answer = await send(port, { path: '/' });
    expect(answer.status).toBe(404);
    expect(answer.body).toContain('npm run build');
  });
});

/** Opens a raw connection and resolves once it is established. */
function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends one keep-alive request on a raw connection and resolves with the status line. */
function requestOnSocket(socket: Socket, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onData);
      resolve(received.slice(0, received.indexOf('\r\n')));
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(`HEAD /assets/app.js HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  });
}

describe('HostServer connection limits', () => {
  it('bounds slow and idle clients and the number of connections', async () => {
    const { server } = await startHost();
    expect(server.connectionLimits).toEqual({
      headersTimeoutMs: 15_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 256,
    });
  });

  it('closes a connection beyond the cap and keeps serving the others', async () => {
    const cap = 4;
    // Idle connections must survive however slowly this test runs.
    const { port } = await startHost({
      limits: { maxConnections: cap, keepAliveTimeoutMs: 600_000 },
    });
    const sockets = await Promise.all(Array.from({ length: cap }, () => openSocket(port)));
    // A full answer on each proves the server has counted every one of them.
    for (const socket of sockets) expect(await requestOnSocket(socket, port)).toMatch(/ 200 OK$/);

    const extra = await openSocket(port);
    let extraReceived = '';
    extra.on('data', (chunk: Buffer) => (extraReceived += chunk.toString()));
    extra.on('error', () => undefined);
    await new Promise((resolve) => extra.once('close', resolve));
    expect(extraReceived).toBe('');

    expect(await requestOnSocket(sockets[0]!, port)).toMatch(/ 200 OK$/);
    for (const socket of sockets) socket.destroy();
  });

  it('keeps an event stream open past the request timeout', async () => {
    const { port, recording } = await startHost({
      limits: { headersTimeoutMs: 100, requestTimeoutMs: 200, checkIntervalMs: 20 },
    });
    const events = openEvents(port);
    await events.opened;
    await vi.waitFor(
      () => expect(recording.listenerCount('feeds.onDidRefresh')).toBe(1),
      UNDER_LOAD,
    );

    // A request that never finishes, opened after the stream: once Node has cut it off with 408,
    // the timeout check has run past the stream's own deadline too.
    const stalled = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/feeds.list',
      headers: { 'Content-Type': 'application/json', 'Content-Length': 10 },
    });
    stalled.on('error', () => undefined);
    stalled.write('[');
    const cutOff = await new Promise<IncomingMessage>((resolve) =>
      stalled.once('response', resolve),
    );
    expect(cutOff.statusCode).toBe(408);

    recording.emit('feeds.onDidRefresh', sampleRefreshEvent);
    await events.waitFor(/event: feeds\.onDidRefresh\n/);
    events.close();
  });
});

describe.skipIf(!opensslAvailable)('HostServer over TLS', () => {
  const token = 'a-long-enough-token-for-tests';
  let certificate: TestCertificate;

  beforeAll(async () => {
    const certificateFolder = await mkdtemp(join(tmpdir(), 'rounds-host-tls-'));
    certificate = await createSelfSignedCertificate(certificateFolder);
    return () => rm(certificateFolder, { recursive: true, force: true });
  });

  function sendTls(port: number, path: string, headers: Record<string, string> = {}) {
    return new Promise<Answer>((resolve, reject) => {
      const request = httpsRequest(
        { host: '127.0.0.1', port, path, headers, ca: certificate.cert, servername: 'localhost' },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      request.on('error', reject);
      request.end();
    });
  }

  it('serves https with a Secure, __Host- session cookie', async () => {
    const { server, port } = await startHost({
      token,
      tls: { cert: certificate.cert, key: certificate.key },
    });
    expect(server.url).toBe(`https://127.0.0.1:${port}/`);
    const visit = await sendTls(port, `/?token=${token}`);
    expect(visit.status).toBe(303);
    const cookie = visit.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^__Host-rounds_session_${port}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; Path=\//);
    const pair = cookie.split(';')[0] ?? '';
    const page = await sendTls(port, '/', { Cookie: pair, Host: `localhost:${port}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Rounds</title>');
  });

  it('accepts API calls from its own https origin only', async () => {
    const { port } = await startHost({ tls: { cert: certificate.cert, key: certificate.key } });
    const call = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const request = httpsRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/feeds.list',
            ca: certificate.cert,
            servername: 'localhost',
            headers: { 'Content-Type': 'application/json', Origin: origin },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on('error', reject);
        request.end('[]');
      });
    expect(await call(`https://127.0.0.1:${port}`)).toBe(200);
    expect(await call(`http://127.0.0.1:${port}`)).toBe(403);
  });

  it('does not answer plain HTTP on its port', async () => {
    const { port } = await startHost({ tls: { cert: certificate.cert, key: certificate.key } });
    const answer = await send(port, { path: '/' }).catch((error: NodeJS.ErrnoException) => error);
    expect(answer).not.toMatchObject({ status: 200 });
  });
});
