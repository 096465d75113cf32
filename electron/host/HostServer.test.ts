import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../main/windows/contentSecurityPolicy';
import { createRecordingBackend, sampleRefreshEvent } from '../main/ipc/testing/recordingBackend';
import { HostServer, MAX_BODY_BYTES, type HostServerOptions } from './HostServer';

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
    waitFor: (pattern: RegExp) =>
      vi.waitFor(() => expect(text).toMatch(pattern), { timeout: 3_000 }),
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
});

describe('HostServer events', () => {
  it('streams contract events as Server-Sent Events with keep-alive comments', async () => {
    const { port, recording } = await startHost({ keepAliveMs: 50 });
    const events = openEvents(port);
    const response = await events.opened;
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(response.headers['cache-control']).toBe('no-store');
    await vi.waitFor(() => expect(recording.listenerCount('feeds.onDidRefresh')).toBe(1));
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
    await vi.waitFor(() => expect(recording.listenerCount('feeds.onDidRefresh')).toBe(1));
    events.close();
    await vi.waitFor(() => expect(recording.listenerCount('feeds.onDidRefresh')).toBe(0));
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

  it('turns a visit to /?token= into an HttpOnly, SameSite=Strict cookie and a clean address', async () => {
    const { port } = await startHost({ token });
    const visit = await send(port, { path: `/?token=${token}` });
    expect(visit.status).toBe(303);
    expect(visit.headers.location).toBe('/');
    const cookie = visit.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie.split(';')[0] ?? '';
    expect((await send(port, { path: '/', headers: { Cookie: pair } })).status).toBe(200);
    expect((await callMethod(port, 'feeds.list', [], { Cookie: pair })).status).toBe(200);
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
