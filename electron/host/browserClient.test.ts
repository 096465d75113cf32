// The renderer's HTTP client (renderer/src/ipc/createHttpTransport.ts) against real loopback
// servers: what a page sees when the host is gone, refuses it, or answers something unexpected.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '@shared/contract/createClient';
import {
  BACKEND_UNREACHABLE_MESSAGE,
  createHttpTransport,
} from '../../renderer/src/ipc/createHttpTransport';
import { createRecordingBackend, sampleRefreshEvent } from '../main/ipc/testing/recordingBackend';
import { HostServer, type HostServerOptions } from './HostServer';
import { NodeEventSource } from './testing/NodeEventSource';

/** On a loaded machine a loopback event can take seconds: wait for it, not for the clock. */
const UNDER_LOAD = { timeout: 15_000 };

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startHost(options: Partial<HostServerOptions> = {}) {
  const recording = createRecordingBackend();
  const rendererDir = await mkdtemp(join(tmpdir(), 'rounds-renderer-'));
  cleanups.push(() => rm(rendererDir, { recursive: true, force: true }));
  const server = await HostServer.start({
    backend: recording.backend,
    host: '127.0.0.1',
    port: 0,
    token: null,
    rendererDir,
    ...options,
  });
  cleanups.push(() => server.close());
  return { server, recording };
}

function clientFor(baseUrl: string) {
  const sources: NodeEventSource[] = [];
  const api = createClient(
    createHttpTransport({
      baseUrl,
      fetch: (url, init) => fetch(url, init),
      openEventSource: (url) => {
        const source = new NodeEventSource(url);
        sources.push(source);
        return source;
      },
    }),
  );
  return { api, sources };
}

describe('the browser client', () => {
  it('resolves to an internal failure when the host is not running', async () => {
    const { server } = await startHost();
    const baseUrl = server.url;
    await server.close();
    const { api } = clientFor(baseUrl);
    expect(await api.feeds.list()).toEqual({
      ok: false,
      code: 'internal',
      message: BACKEND_UNREACHABLE_MESSAGE,
    });
  });

  it('passes the host’s refusal through as a failure the page can show', async () => {
    const { server } = await startHost({ token: 'a-long-enough-token-for-tests' });
    const { api } = clientFor(server.url);
    const answer = await api.feeds.list();
    expect(answer).toMatchObject({ ok: false, code: 'internal' });
    expect(answer.ok ? '' : answer.message).toContain('access token');
  });

  it('resolves to an internal failure when something else answers', async () => {
    const stranger: Server = createServer((_request, response) => {
      response.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>Bad gateway</h1>');
    });
    await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => stranger.close(resolve)));
    const { api } = clientFor(`http://127.0.0.1:${(stranger.address() as AddressInfo).port}`);
    expect(await api.library.get({ id: 'item-1' })).toEqual({
      ok: false,
      code: 'internal',
      message: BACKEND_UNREACHABLE_MESSAGE,
    });
  });

  it('imports a 4 MB OPML file, which the contract allows, through the page’s client', async () => {
    const { server, recording } = await startHost();
    const { api } = clientFor(server.url);
    const outline = '<outline text="Circulation" type="rss" xmlUrl="https://example.org/rss"/>\n';
    const text = `<opml version="2.0"><body>\n${outline.repeat((4 * 1024 * 1024) / outline.length)}</body></opml>`;
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024 - outline.length);
    expect(await api.sources.importOpml({ text })).toMatchObject({ ok: true });
    expect(recording.calls).toEqual([{ member: 'sources.importOpml', args: [{ text }] }]);
  });

  it('shares one event stream between listeners and closes it after the last one leaves', async () => {
    const { server, recording } = await startHost();
    const { api, sources } = clientFor(server.url);
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = api.feeds.onDidRefresh((event) => first.push(event));
    const stopSecond = api.feeds.onDidRefresh((event) => second.push(event));
    expect(sources).toHaveLength(1);
    await vi.waitFor(
      () => expect(recording.listenerCount('feeds.onDidRefresh')).toBe(1),
      UNDER_LOAD,
    );
    recording.emit('feeds.onDidRefresh', sampleRefreshEvent);
    await vi.waitFor(() => expect(second).toEqual([sampleRefreshEvent]), UNDER_LOAD);
    expect(first).toEqual([sampleRefreshEvent]);

    stopFirst();
    expect(sources[0]?.closed).toBe(false);
    stopSecond();
    expect(sources[0]?.closed).toBe(true);
    await vi.waitFor(
      () => expect(recording.listenerCount('feeds.onDidRefresh')).toBe(0),
      UNDER_LOAD,
    );
  });
});
