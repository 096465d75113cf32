import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
// The service is tested over the real adapters, as composeBackend wires them; update never
// touches the network.
import { HttpFeedFetcher } from '../../adapters/feeds/HttpFeedFetcher';
import { RssFeedParser } from '../../adapters/feeds/RssFeedParser';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { FeedMainService } from './FeedMainService';

const ADDED = '2026-11-25T09:00:00.000Z';
const FETCHED = '2026-11-25T10:00:00.000Z';

describe('FeedMainService.update', () => {
  let dataDir: string;
  let store: LowdbLibraryStore;
  let feeds: FeedMainService;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rounds-feed-update-'));
    store = await LowdbLibraryStore.open(dataDir);
    feeds = new FeedMainService({
      store,
      fetcher: new HttpFeedFetcher({ userAgent: 'Rounds/test' }),
      parser: new RssFeedParser(),
      clock: { now: () => new Date(FETCHED) },
    });
    await store.saveFeed(
      newFeedRecord({
        id: 'journal',
        url: 'https://journal.example/rss',
        title: 'The Journal',
        addedAt: ADDED,
        lastFetchedAt: FETCHED,
        folder: ['Cardiology'],
        tags: ['trials'],
      }),
    );
  });

  afterEach(async () => {
    feeds.dispose();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('renames, refiles, retags and reschedules a feed, durably', async () => {
    const result = await feeds.update({
      id: 'journal',
      title: 'My journal',
      folder: ['Cardiology', 'Heart failure'],
      tags: ['HF', 'reading list'],
      refreshIntervalMinutes: 180,
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        id: 'journal',
        title: 'My journal',
        folder: ['Cardiology', 'Heart failure'],
        tags: ['HF', 'reading list'],
        refreshIntervalMinutes: 180,
        nextRefreshAt: '2026-11-25T13:00:00.000Z',
      },
    });
    await store.close();
    store = await LowdbLibraryStore.open(dataDir);
    expect(store.getFeed('journal')).toMatchObject({
      title: 'The Journal',
      customTitle: 'My journal',
      folder: ['Cardiology', 'Heart failure'],
      tags: ['HF', 'reading list'],
      refreshIntervalMinutes: 180,
      url: 'https://journal.example/rss',
      addedAt: ADDED,
    });
  });

  it('keeps a rename through refreshes, and follows the feed again once renamed back', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      response.end(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>The Journal (new name)</title>' +
          '<link>https://journal.example/</link><item><title>A trial</title><guid>t1</guid></item>' +
          '</channel></rss>',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss`;
      await store.saveFeed({ ...store.getFeed('journal')!, url });
      await feeds.update({ id: 'journal', title: 'My journal' });

      await feeds.refresh({ id: 'journal' });
      expect(store.getFeed('journal')?.title).toBe('The Journal (new name)');
      // The library shows the user's name; the feed's own title is kept underneath.
      expect(await feeds.list()).toMatchObject({ ok: true, value: [{ title: 'My journal' }] });

      await feeds.update({ id: 'journal', title: 'The Journal (new name)' });
      expect(store.getFeed('journal')?.customTitle).toBeNull();
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('keeps every field the request leaves out', async () => {
    const result = await feeds.update({ id: 'journal', tags: [] });
    expect(result).toMatchObject({
      ok: true,
      value: { title: 'The Journal', folder: ['Cardiology'], tags: [], refreshIntervalMinutes: 60 },
    });
    const moved = await feeds.update({ id: 'journal', folder: [] });
    expect(moved).toMatchObject({ ok: true, value: { folder: [], tags: [] } });
  });

  it('trims tags and drops repeats that differ only by case', async () => {
    const result = await feeds.update({
      id: 'journal',
      tags: ['  heart   failure ', 'Trials', 'trials', 'HEART FAILURE', 'ecg, echo'],
    });
    expect(result.ok && result.value.tags).toEqual(['heart failure', 'Trials', 'ecg', 'echo']);
  });

  it('answers not-found for a feed that is not in the library, writing nothing', async () => {
    const result = await feeds.update({ id: 'gone', title: 'Anything' });
    expect(result).toEqual({
      ok: false,
      code: 'not-found',
      message: 'That feed is no longer in your library.',
    });
    expect(store.listFeeds().map((feed) => feed.id)).toEqual(['journal']);
  });
});
