import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RefreshEvent } from '@shared/contract';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { HttpFeedFetcher } from '../../adapters/feeds/HttpFeedFetcher';
import { RssFeedParser } from '../../adapters/feeds/RssFeedParser';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { FeedMainService } from './FeedMainService';
import { STEPPING_CLOCK_START as START, SteppingClock } from './testing/SteppingClock';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

function rss(title: string, guid: string): string {
  return `<rss version="2.0"><channel><title>${title}</title><item><guid>${guid}</guid><title>${guid}</title></item></channel></rss>`;
}

let dataDir: string;
let store: LowdbLibraryStore;
let server: Server;
let routes: Map<string, Handler>;
let requests: string[];
let clock: SteppingClock;
let service: FeedMainService;

function url(path: string): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}

/** A subscription as stored after a successful fetch at START, due again at START + 60 min. */
async function subscribe(path: string): Promise<string> {
  const id = `feed${path.replace(/\W/g, '-')}`;
  await store.saveFeed(
    newFeedRecord({ id, url: url(path), title: path, addedAt: START, lastFetchedAt: START }),
  );
  return id;
}

function requestsTo(path: string): number {
  return requests.filter((requested) => requested === path).length;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-refresh-'));
  store = await LowdbLibraryStore.open(dataDir);
  routes = new Map();
  requests = [];
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const handler = routes.get(req.url ?? '');
    if (handler) handler(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  clock = new SteppingClock();
  service = new FeedMainService({
    store,
    fetcher: new HttpFeedFetcher({ userAgent: 'Rounds/test', timeoutMs: 5_000 }),
    parser: new RssFeedParser(),
    clock,
  });
});

afterEach(async () => {
  service.dispose();
  await store.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

describe('FeedMainService back-off', () => {
  it('doubles the wait after each failure, shows it as the next refresh, and resets on success', async () => {
    const id = await subscribe('/feed');
    routes.set('/feed', (_req, res) => res.writeHead(500).end());

    // Manual refreshes ignore back-off: the user asked.
    await service.refresh({ id });
    const afterFirst = store.getFeed(id);
    await service.refresh({ id });
    const afterSecond = store.getFeed(id);

    expect(requestsTo('/feed')).toBe(2);
    expect(afterFirst).toMatchObject({
      consecutiveFailures: 1,
      retryNotBefore: '2026-02-01T09:00:00.000Z',
    });
    expect(afterSecond).toMatchObject({
      consecutiveFailures: 2,
      retryNotBefore: '2026-02-01T10:00:00.000Z',
    });
    const listed = await service.list();
    expect(listed.ok && listed.value[0]).toMatchObject({
      consecutiveFailures: 2,
      nextRefreshAt: '2026-02-01T10:00:00.000Z',
      lastError: { code: 'http-error' },
    });

    routes.set('/feed', (_req, res) => res.writeHead(200).end(rss('Back', 'a')));
    clock.advanceMinutes(5);
    await service.refresh({ id });
    expect(store.getFeed(id)).toMatchObject({
      consecutiveFailures: 0,
      retryNotBefore: null,
      lastError: null,
    });
    const recovered = await service.list();
    expect(recovered.ok && recovered.value[0]?.nextRefreshAt).toBe('2026-02-01T09:05:00.000Z');
  });

  it('never waits more than a day, however long a feed keeps failing', async () => {
    const id = await subscribe('/feed');
    const feed = store.getFeed(id);
    if (!feed) throw new Error('not stored');
    await store.saveFeed({ ...feed, consecutiveFailures: 30 });
    routes.set('/feed', (_req, res) => res.writeHead(500).end());

    await service.refresh({ id });

    expect(store.getFeed(id)?.retryNotBefore).toBe('2026-02-02T08:00:00.000Z');
  });
});

describe('FeedMainService and Retry-After', () => {
  it('does not ask again before the time a server gave, not even when the user asks', async () => {
    const id = await subscribe('/busy');
    routes.set('/busy', (_req, res) => res.writeHead(429, { 'retry-after': '600' }).end());

    const limited = await service.refresh({ id });
    clock.advanceMinutes(5);
    const tooSoon = await service.refresh({ id });

    expect(limited.ok && limited.value[0]?.error?.code).toBe('rate-limited');
    expect(store.getFeed(id)).toMatchObject({
      retryNotBefore: '2026-02-01T08:10:00.000Z',
      consecutiveFailures: 1,
    });
    expect(requestsTo('/busy')).toBe(1);
    expect(tooSoon.ok && tooSoon.value[0]).toEqual({
      feedId: id,
      newItems: 0,
      unchanged: true,
      error: {
        code: 'rate-limited',
        message:
          'Not refreshed: the server asked Rounds to wait, so this feed will be fetched again after 2026-02-01 08:10 UTC.',
        at: '2026-02-01T08:05:00.000Z',
      },
    });

    routes.set('/busy', (_req, res) => res.writeHead(200).end(rss('Busy', 'a')));
    clock.advanceMinutes(6);
    const later = await service.refresh({ id });
    expect(later.ok && later.value[0]).toMatchObject({ newItems: 1, error: null });
    expect(requestsTo('/busy')).toBe(2);
  });
});

describe('FeedMainService.refreshDue', () => {
  it('fetches only feeds whose interval and back-off have passed', async () => {
    const fresh = await subscribe('/fresh');
    const stale = await subscribe('/stale');
    const backingOff = await subscribe('/backing-off');
    for (const path of ['/fresh', '/stale', '/backing-off'])
      routes.set(path, (_req, res) => res.writeHead(200).end(rss(path, 'a')));
    const freshFeed = store.getFeed(fresh);
    const backingOffFeed = store.getFeed(backingOff);
    if (!freshFeed || !backingOffFeed) throw new Error('not stored');
    clock.advanceMinutes(61);
    await store.saveFeed({ ...freshFeed, lastFetchedAt: clock.now().toISOString() });
    await store.saveFeed({
      ...backingOffFeed,
      consecutiveFailures: 3,
      retryNotBefore: '2026-02-01T12:00:00.000Z',
    });
    const events: RefreshEvent[] = [];
    service.onDidRefresh((event) => events.push(event));

    const outcomes = await service.refreshDue();

    expect(outcomes.map((outcome) => outcome.feedId)).toEqual([stale]);
    expect(requests).toEqual(['/stale']);
    expect(events.map((event) => [event.done, event.total])).toEqual([[1, 1]]);
  });
});

describe('FeedMainService.cancelRefresh', () => {
  it('aborts requests in flight, skips feeds not started and fires no more progress', async () => {
    const ids: string[] = [];
    let bothInFlight!: () => void;
    const twoRequestsReceived = new Promise<void>((resolve) => (bothInFlight = resolve));
    for (const path of ['/one', '/two', '/three', '/four']) {
      ids.push(await subscribe(path));
      // Never answers: the refresh can only end because it was cancelled.
      routes.set(path, () => {
        if (requests.length === 2) bothInFlight();
      });
    }
    const events: RefreshEvent[] = [];
    service.onDidRefresh((event) => events.push(event));

    const refreshing = service.refresh({});
    await twoRequestsReceived;
    const cancelled = await service.cancelRefresh();
    const result = await refreshing;

    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
    expect(result.ok && result.value).toEqual(
      ids.map((feedId) => ({ feedId, newItems: 0, unchanged: true, error: null })),
    );
    // Two hosts' worth of slots: the two feeds in flight were aborted, the others never asked.
    expect(requests).toHaveLength(2);
    expect(events).toEqual([]);
    for (const feedId of ids)
      expect(store.getFeed(feedId)).toMatchObject({ lastFetchedAt: START, lastError: null });
    expect(await service.cancelRefresh()).toEqual({ ok: true, value: { cancelled: false } });
  });
});
