import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { HttpFeedFetcher } from '../../adapters/feeds/HttpFeedFetcher';
import { RssFeedParser } from '../../adapters/feeds/RssFeedParser';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { LowdbRetentionFiles } from '../../adapters/storage/LowdbRetentionFiles';
import { ExpiredItemKeys } from '../retention/ExpiredItemKeys';
import { FeedMainService } from './FeedMainService';
import { STEPPING_CLOCK_START as START, SteppingClock } from './testing/SteppingClock';

/** A feed whose entries are `guids`, each titled by its guid. */
function rss(guids: readonly string[], title = 'Ward journal'): string {
  const items = guids
    .map((guid) => `<item><guid>${guid}</guid><title>${guid}</title></item>`)
    .join('');
  return `<rss version="2.0"><channel><title>${title}</title>${items}</channel></rss>`;
}

let dataDir: string;
let store: LowdbLibraryStore;
let files: LowdbRetentionFiles;
let expired: ExpiredItemKeys;
let server: Server;
let body: string;
let service: FeedMainService;

function url(path: string): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}

async function titles(feedId: string): Promise<string[]> {
  const { rows } = await store.queryItems({ feedId, filter: 'all', offset: 0, limit: 100 });
  return rows.map((row) => row.title).sort();
}

async function idOf(feedId: string, title: string): Promise<string> {
  const { rows } = await store.queryItems({ feedId, filter: 'all', offset: 0, limit: 100 });
  const row = rows.find((candidate) => candidate.title === title);
  if (!row) throw new Error(`${title} is not stored`);
  return row.id;
}

/** What `retention-expired.json` holds for a feed, read from disk. */
async function expiredOnDisk(feedId: string): Promise<string[]> {
  await files.settled();
  const document = JSON.parse(
    await readFile(join(dataDir, 'library', 'retention-expired.json'), 'utf8'),
  ) as { feeds: Record<string, string[]> };
  return document.feeds[feedId] ?? [];
}

async function subscribe(): Promise<string> {
  const id = 'ward';
  await store.saveFeed(newFeedRecord({ id, url: url('/feed'), title: 'Ward', addedAt: START }));
  await service.refresh({ id });
  return id;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-resurrection-'));
  store = await LowdbLibraryStore.open(dataDir);
  ({ files } = await LowdbRetentionFiles.open(dataDir));
  expired = new ExpiredItemKeys(files);
  body = rss(['old', 'new']);
  server = createServer((_req, res) => res.writeHead(200).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  service = new FeedMainService({
    store,
    fetcher: new HttpFeedFetcher({ userAgent: 'Rounds/test', timeoutMs: 5_000 }),
    parser: new RssFeedParser(),
    clock: new SteppingClock(),
    expiredItems: expired,
  });
});

afterEach(async () => {
  service.dispose();
  await files.close();
  await store.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

describe('FeedMainService and items the retention policy removed', () => {
  it('does not store an expired item again while its feed still carries it', async () => {
    const feedId = await subscribe();
    const old = await idOf(feedId, 'old');
    await expired.expire(feedId, [old], () => store.removeItems([old]));

    // The feed changes (a new entry), so it is parsed again, still listing the expired one.
    body = rss(['old', 'new', 'newer']);
    const refreshed = await service.refresh({ id: feedId });

    expect(refreshed.ok && refreshed.value[0]).toMatchObject({ newItems: 1, error: null });
    expect(await titles(feedId)).toEqual(['new', 'newer']);
    expect(store.countItems(feedId)).toEqual({ total: 2, unread: 2 });
    expect(await expiredOnDisk(feedId)).toEqual([old]);
  });

  it('forgets an expired item once the feed no longer lists it', async () => {
    const feedId = await subscribe();
    const old = await idOf(feedId, 'old');
    await expired.expire(feedId, [old], () => store.removeItems([old]));

    body = rss(['new', 'newer']);
    await service.refresh({ id: feedId });

    expect(await expiredOnDisk(feedId)).toEqual([]);
    expect(await titles(feedId)).toEqual(['new', 'newer']);
  });

  it('keeps the record across a restart', async () => {
    const feedId = await subscribe();
    const old = await idOf(feedId, 'old');
    await expired.expire(feedId, [old], () => store.removeItems([old]));
    await files.close();
    ({ files } = await LowdbRetentionFiles.open(dataDir));
    const restarted = new FeedMainService({
      store,
      fetcher: new HttpFeedFetcher({ userAgent: 'Rounds/test', timeoutMs: 5_000 }),
      parser: new RssFeedParser(),
      clock: new SteppingClock(),
      expiredItems: new ExpiredItemKeys(files),
    });

    body = rss(['old', 'new', 'newer']);
    await restarted.refresh({ id: feedId });
    restarted.dispose();

    expect(await titles(feedId)).toEqual(['new', 'newer']);
  });

  it('never lets a removal slip between a refresh’s check and its write, so nothing comes back', async () => {
    const feedId = await subscribe();
    const old = await idOf(feedId, 'old');
    // The refresh stalls just before writing, having checked what was expired (nothing yet).
    let writeStarted!: () => void;
    const refreshIsWriting = new Promise<void>((resolve) => (writeStarted = resolve));
    let letWrite!: () => void;
    const writeMayGo = new Promise<void>((resolve) => (letWrite = resolve));
    const stallingStore = Object.assign(Object.create(store) as LowdbLibraryStore, {
      putItems: async (items: Parameters<LowdbLibraryStore['putItems']>[0]) => {
        writeStarted();
        await writeMayGo;
        return store.putItems(items);
      },
    });
    const stalling = new FeedMainService({
      store: stallingStore,
      fetcher: new HttpFeedFetcher({ userAgent: 'Rounds/test', timeoutMs: 5_000 }),
      parser: new RssFeedParser(),
      clock: new SteppingClock(),
      expiredItems: expired,
    });

    body = rss(['old', 'new', 'newer']);
    const refresh = stalling.refresh({ id: feedId });
    await refreshIsWriting;
    const removal = expired.expire(feedId, [old], () => store.removeItems([old]));
    letWrite();
    await Promise.all([removal, refresh]);
    stalling.dispose();

    expect(await titles(feedId)).toEqual(['new', 'newer']);
    expect(await removal).toEqual([old]);
  });
});
