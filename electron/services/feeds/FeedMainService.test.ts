import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RefreshEvent } from '@shared/contract';
// The service is tested over the real adapters, as composeBackend wires them.
import { HttpFeedFetcher } from '../../adapters/feeds/HttpFeedFetcher';
import { RssFeedParser } from '../../adapters/feeds/RssFeedParser';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { FeedMainService } from './FeedMainService';
import type { FeedParser } from './ports';
import { SteppingClock } from './testing/SteppingClock';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A loopback web server whose pages the test changes as it goes. */
class FeedServer {
  readonly routes = new Map<string, Handler>();
  readonly requests: IncomingMessage[] = [];
  private readonly server: Server;
  private inFlight = 0;
  peakInFlight = 0;
  /**
   * Requests are held until this many are waiting, then answered together: overlapping requests
   * are then proved by the requests themselves, not by a delay a slow machine may outlast.
   */
  answerWhenWaiting = 1;
  private readonly waiting: Array<() => void> = [];

  private constructor() {
    this.server = createServer((req, res) => {
      this.requests.push(req);
      this.inFlight++;
      this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
      res.on('close', () => this.inFlight--);
      this.waiting.push(() => {
        const handler = this.routes.get(req.url ?? '');
        if (handler) handler(req, res);
        else res.writeHead(404).end();
      });
      if (this.waiting.length >= this.answerWhenWaiting) {
        for (const answer of this.waiting.splice(0)) answer();
      }
    });
  }

  static async start(): Promise<FeedServer> {
    const feedServer = new FeedServer();
    await new Promise<void>((resolve) => feedServer.server.listen(0, '127.0.0.1', resolve));
    return feedServer;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** Serves a feed with an ETag, answering 304 when the client already has it. */
  serveFeed(path: string, xml: string, etag = `"${xml.length}"`): void {
    this.routes.set(path, (req, res) => {
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(xml);
    });
  }

  /** Serves the same bytes every time, with no validators: only the body hash can tell. */
  servePlain(path: string, body: string, contentType = 'application/rss+xml'): void {
    this.routes.set(path, (_req, res) =>
      res.writeHead(200, { 'content-type': contentType }).end(body),
    );
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

function rss(title: string, items: { guid: string; title: string }[]): string {
  const entries = items
    .map(
      (item) =>
        `<item><guid>${item.guid}</guid><title>${item.title}</title><description>About ${item.title}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://journal.example/</link>${entries}</channel></rss>`;
}

/** The real parser, counting calls and able to blow up on chosen addresses. */
class ObservedParser implements FeedParser {
  readonly real = new RssFeedParser();
  calls = 0;
  explodeOn = new Set<string>();
  async parse(body: Uint8Array, contentType: string | null, url: string) {
    this.calls++;
    if (this.explodeOn.has(url)) throw new Error('parser crashed');
    return this.real.parse(body, contentType, url);
  }
}

let dataDir: string;
let store: LowdbLibraryStore;
let server: FeedServer;
let clock: SteppingClock;
let parser: ObservedParser;
let service: FeedMainService;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-feeds-'));
  store = await LowdbLibraryStore.open(dataDir);
  server = await FeedServer.start();
  clock = new SteppingClock();
  parser = new ObservedParser();
  service = new FeedMainService({
    store,
    fetcher: new HttpFeedFetcher({ userAgent: 'Rounds/test', timeoutMs: 5_000 }),
    parser,
    clock,
  });
});

afterEach(async () => {
  service.dispose();
  await store.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function addFeed(path: string) {
  const result = await service.add({ url: server.url(path) });
  if (!result.ok) throw new Error(`add failed: ${result.message}`);
  return result.value;
}

describe('FeedMainService.add', () => {
  it('subscribes: stores the feed under its final address with validators, and its items', async () => {
    server.routes.set('/old-feed', (_req, res) => res.writeHead(301, { location: '/feed' }).end());
    server.serveFeed(
      '/feed',
      rss('Cardiology', [
        { guid: 'a', title: 'First' },
        { guid: 'b', title: 'Second' },
      ]),
      '"v1"',
    );

    const summary = await addFeed('/old-feed');

    expect(summary).toMatchObject({
      url: server.url('/feed'),
      title: 'Cardiology',
      siteUrl: 'https://journal.example/',
      addedAt: '2026-02-01T08:00:00.000Z',
      lastFetchedAt: '2026-02-01T08:00:00.000Z',
      lastError: null,
      itemCount: 2,
      unreadCount: 2,
    });
    expect(store.getFeed(summary.id)).toMatchObject({ etag: '"v1"', lastModified: null });
    expect(store.getFeed(summary.id)?.bodyHash).toMatch(/^[0-9a-f]{64}$/);
    const titles = (
      await store.queryItems({ feedId: summary.id, filter: 'all', offset: 0, limit: 10 })
    ).rows.map((row) => row.title);
    expect(titles.sort()).toEqual(['First', 'Second']);
  });

  it('refuses an address that is not http or https without any request', async () => {
    const result = await service.add({ url: 'ftp://journal.example/feed' });

    expect(result).toMatchObject({ ok: false, code: 'invalid-url' });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a feed already followed, also when reached through a redirect', async () => {
    server.serveFeed('/feed', rss('Cardiology', [{ guid: 'a', title: 'First' }]));
    server.routes.set('/alias', (_req, res) => res.writeHead(302, { location: '/feed' }).end());
    await addFeed('/feed');

    const again = await service.add({ url: `  ${server.url('/feed')} ` });
    const viaAlias = await service.add({ url: server.url('/alias') });

    expect(again).toEqual({
      ok: false,
      code: 'duplicate',
      message: 'You already follow “Cardiology”.',
    });
    expect(viaAlias).toMatchObject({ ok: false, code: 'duplicate' });
    expect(store.listFeeds()).toHaveLength(1);
  });

  it('stores nothing when the address fails or is not a feed', async () => {
    server.servePlain(
      '/page',
      '<!DOCTYPE html><html><body>Journal home</body></html>',
      'text/html',
    );

    const missing = await service.add({ url: server.url('/missing') });
    const page = await service.add({ url: server.url('/page') });

    expect(missing).toEqual({
      ok: false,
      code: 'http-error',
      message: 'The server answered 404 Not Found.',
    });
    expect(page).toMatchObject({ ok: false, code: 'not-a-feed' });
    expect(page.ok ? '' : page.message).toMatch(/web page with no feed link/);
    expect(store.listFeeds()).toEqual([]);
    expect((await store.queryItems({ filter: 'all', offset: 0, limit: 10 })).total).toBe(0);
  });
});

describe('FeedMainService.refresh', () => {
  it('asks conditionally and reports a 304 as unchanged, without parsing', async () => {
    server.serveFeed('/feed', rss('Cardiology', [{ guid: 'a', title: 'First' }]), 'W/"abc"');
    const feed = await addFeed('/feed');
    const parsesAfterAdd = parser.calls;
    clock.advanceMinutes(30);

    const result = await service.refresh({ id: feed.id });

    expect(result).toEqual({
      ok: true,
      value: [{ feedId: feed.id, newItems: 0, unchanged: true, error: null }],
    });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('W/"abc"');
    expect(parser.calls).toBe(parsesAfterAdd);
    expect(store.getFeed(feed.id)?.lastFetchedAt).toBe('2026-02-01T08:30:00.000Z');
  });

  it('skips parsing a body identical to the last one when the server sends no validators', async () => {
    server.servePlain('/feed', rss('Cardiology', [{ guid: 'a', title: 'First' }]));
    const feed = await addFeed('/feed');
    const parsesAfterAdd = parser.calls;

    const result = await service.refresh({ id: feed.id });

    expect(result.ok && result.value[0]).toEqual({
      feedId: feed.id,
      newItems: 0,
      unchanged: true,
      error: null,
    });
    expect(parser.calls).toBe(parsesAfterAdd);
  });

  it('adds new items, refreshes known ones and keeps the reader’s marks and first fetch time', async () => {
    server.serveFeed('/feed', rss('Cardiology', [{ guid: 'a', title: 'First' }]));
    const feed = await addFeed('/feed');
    const [first] = (
      await store.queryItems({ feedId: feed.id, filter: 'all', offset: 0, limit: 10 })
    ).rows;
    await store.setItemState(first?.id ?? '', { read: true, starred: true });
    clock.advanceMinutes(60);
    server.serveFeed(
      '/feed',
      rss('Cardiology Weekly', [
        { guid: 'a', title: 'First (corrected)' },
        { guid: 'b', title: 'Second' },
      ]),
    );

    const result = await service.refresh({});

    expect(result.ok && result.value).toEqual([
      { feedId: feed.id, newItems: 1, unchanged: false, error: null },
    ]);
    const known = await store.getItem(first?.id ?? '');
    expect(known).toMatchObject({
      title: 'First (corrected)',
      read: true,
      starred: true,
      fetchedAt: '2026-02-01T08:00:00.000Z',
    });
    expect(store.getFeed(feed.id)?.title).toBe('Cardiology Weekly');
    expect(store.countItems(feed.id)).toEqual({ total: 2, unread: 1 });
  });

  it('keeps the items of a failing feed, records the error, and clears it on the next success', async () => {
    const xml = rss('Cardiology', [{ guid: 'a', title: 'First' }]);
    server.serveFeed('/feed', xml);
    const feed = await addFeed('/feed');
    server.routes.set('/feed', (_req, res) => res.writeHead(500).end());
    clock.advanceMinutes(5);

    const failed = await service.refresh({ id: feed.id });

    const error = {
      code: 'http-error',
      message: 'The server answered 500 Internal Server Error.',
      at: '2026-02-01T08:05:00.000Z',
    };
    expect(failed.ok && failed.value[0]?.error).toEqual(error);
    expect(store.getFeed(feed.id)).toMatchObject({
      lastError: error,
      lastFetchedAt: '2026-02-01T08:00:00.000Z',
    });
    expect(store.countItems(feed.id).total).toBe(1);
    expect(await service.list()).toMatchObject({ ok: true, value: [{ lastError: error }] });

    server.serveFeed('/feed', xml);
    const recovered = await service.refresh({ id: feed.id });
    expect(recovered.ok && recovered.value[0]?.error).toBeNull();
    expect(store.getFeed(feed.id)?.lastError).toBeNull();
  });

  it('turns an unexpected exception in one feed into that feed’s error and finishes the others', async () => {
    server.serveFeed('/one', rss('One', [{ guid: 'a', title: 'A' }]));
    server.serveFeed('/two', rss('Two', [{ guid: 'b', title: 'B' }]));
    const one = await addFeed('/one');
    const two = await addFeed('/two');
    server.serveFeed('/one', rss('One', [{ guid: 'a2', title: 'A2' }]));
    server.serveFeed('/two', rss('Two', [{ guid: 'b2', title: 'B2' }]));
    parser.explodeOn.add(server.url('/one'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const result = await service.refresh({});
    const logLines = logged.mock.calls.map((call) => String(call[0]));
    logged.mockRestore();

    const outcomes = result.ok ? result.value : [];
    expect(outcomes.find((outcome) => outcome.feedId === one.id)?.error).toMatchObject({
      code: 'internal',
      message: 'Rounds could not read this feed because of an unexpected problem.',
    });
    expect(outcomes.find((outcome) => outcome.feedId === two.id)).toEqual({
      feedId: two.id,
      newItems: 1,
      unchanged: false,
      error: null,
    });
    expect(store.getFeed(one.id)?.lastError?.code).toBe('internal');
    // Unexpected failures are logged once, with the feed and the stage, for whoever reads the logs.
    expect(logLines).toEqual([`[rounds] refreshing feed ${one.id} failed while parsing`]);
  });

  it('reports progress after each feed and never asks one host for more than two feeds at once', async () => {
    const paths = ['/f1', '/f2', '/f3', '/f4', '/f5', '/f6'];
    for (const path of paths) server.servePlain(path, rss(path, [{ guid: path, title: path }]));
    for (const path of paths) await addFeed(path);
    for (const path of paths)
      server.servePlain(path, rss(path, [{ guid: `${path}-new`, title: 'New' }]));
    server.answerWhenWaiting = 2;
    server.peakInFlight = 0;
    const events: RefreshEvent[] = [];
    const unsubscribe = service.onDidRefresh((event) => events.push(event));

    const result = await service.refresh({});
    unsubscribe();

    expect(result.ok && result.value.every((outcome) => outcome.newItems === 1)).toBe(true);
    expect(server.peakInFlight).toBe(2);
    expect(events.map((event) => [event.done, event.total])).toEqual(
      paths.map((_path, i) => [i + 1, 6]),
    );
    expect(new Set(events.map((event) => event.outcome.feedId)).size).toBe(6);
  });

  it('answers not-found for a feed that is not in the library', async () => {
    expect(await service.refresh({ id: 'no-such-feed' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });

  it('writes nothing and fires nothing once disposed', async () => {
    server.serveFeed('/feed', rss('Cardiology', [{ guid: 'a', title: 'First' }]));
    const feed = await addFeed('/feed');
    // Disposed once the server has the request, which it never answers.
    server.routes.set('/feed', () => service.dispose());
    const events: RefreshEvent[] = [];
    service.onDidRefresh((event) => events.push(event));

    const result = await service.refresh({});

    expect(result.ok && result.value).toEqual([
      { feedId: feed.id, newItems: 0, unchanged: true, error: null },
    ]);
    expect(events).toEqual([]);
    expect(store.getFeed(feed.id)?.lastFetchedAt).toBe('2026-02-01T08:00:00.000Z');
    expect(store.countItems(feed.id).total).toBe(1);
  });
});

describe('FeedMainService.list and remove', () => {
  it('lists feeds in title order, letters compared as people read them', async () => {
    server.serveFeed('/z', rss('zeta', []));
    server.serveFeed('/e', rss('Émile', []));
    server.serveFeed('/a', rss('Alpha', []));
    server.serveFeed('/n10', rss('Neuro 10', []));
    server.serveFeed('/n9', rss('Neuro 9', []));
    for (const path of ['/z', '/e', '/a', '/n10', '/n9']) await addFeed(path);

    const result = await service.list();

    expect(result.ok && result.value.map((feed) => feed.title)).toEqual([
      'Alpha',
      'Émile',
      'Neuro 9',
      'Neuro 10',
      'zeta',
    ]);
  });

  it('removes a feed with its items, and answers not-found the second time', async () => {
    server.serveFeed('/feed', rss('Cardiology', [{ guid: 'a', title: 'First' }]));
    const feed = await addFeed('/feed');

    expect(await service.remove({ id: feed.id })).toEqual({ ok: true, value: { id: feed.id } });
    expect(store.listFeeds()).toEqual([]);
    expect((await store.queryItems({ filter: 'all', offset: 0, limit: 10 })).total).toBe(0);
    expect(await service.remove({ id: feed.id })).toMatchObject({ ok: false, code: 'not-found' });
  });
});
