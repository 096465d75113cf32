import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { RssFeedParser } from '../../adapters/feeds/RssFeedParser';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import type { StoredFeed, StoredItem } from '../library/LibraryStore';
import type { FeedImageKeeper } from './FeedImageKeeper';
import { FeedMainService } from './FeedMainService';
import type { FeedFetcher, FetchOutcome } from './ports';
import { SteppingClock } from './testing/SteppingClock';

const FEED_URL = 'https://journal.example/rss';

function rss(items: string[]): Uint8Array {
  const entries = items
    .map(
      (guid) =>
        `<item><guid>${guid}</guid><title>${guid}</title>` +
        `<description><![CDATA[<p>Text</p><img src="https://cdn.journal.example/${guid}.png" alt="Figure">]]></description></item>`,
    )
    .join('');
  return new TextEncoder().encode(
    `<rss version="2.0"><channel><title>The Journal</title>${entries}</channel></rss>`,
  );
}

/** Answers the feed's address with whatever body the test set last. */
class SettableFetcher implements FeedFetcher {
  body = rss(['one']);
  async fetch(url: string): Promise<FetchOutcome> {
    return {
      kind: 'fetched',
      finalUrl: url,
      network: 'public',
      body: this.body,
      contentType: 'application/rss+xml',
      etag: null,
      lastModified: null,
    };
  }
}

/** Records what the feeds service tells it; `hang` makes it start work that never ends. */
class RecordingKeeper implements FeedImageKeeper {
  readonly refreshes: { feed: StoredFeed; stored: string[] }[] = [];
  readonly settings: { before: boolean; after: boolean }[] = [];
  throwing = false;

  afterRefresh(feed: StoredFeed, stored: readonly StoredItem[]): void {
    this.refreshes.push({ feed, stored: stored.map((item) => item.guid) });
    // Work that never settles: a refresh must not wait for it.
    void new Promise(() => undefined);
    if (this.throwing) throw new Error('the image keeper broke');
  }

  afterSettingsChanged(before: StoredFeed, after: StoredFeed): void {
    this.settings.push({ before: before.keepImages === true, after: after.keepImages === true });
  }
}

let dataDir: string;
let store: LowdbLibraryStore;
let fetcher: SettableFetcher;
let keeper: RecordingKeeper;
let feeds: FeedMainService;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-feed-images-'));
  store = await LowdbLibraryStore.open(dataDir);
  fetcher = new SettableFetcher();
  keeper = new RecordingKeeper();
  feeds = new FeedMainService({
    store,
    fetcher,
    parser: new RssFeedParser(),
    clock: new SteppingClock(),
    images: keeper,
  });
  await store.saveFeed(
    newFeedRecord({
      id: 'journal',
      url: FEED_URL,
      title: 'J',
      addedAt: '2026-01-01T00:00:00.000Z',
    }),
  );
});

afterEach(async () => {
  feeds.dispose();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('FeedMainService and saved images', () => {
  it('keeps "save images for offline reading" off by default, and saves it when turned on', async () => {
    expect(await feeds.list()).toMatchObject({
      value: [{ id: 'journal', keepImages: false }],
    });

    const updated = await feeds.update({ id: 'journal', keepImages: true });

    expect(updated).toMatchObject({ ok: true, value: { keepImages: true } });
    expect(keeper.settings).toEqual([{ before: false, after: true }]);
    await store.close();
    store = await LowdbLibraryStore.open(dataDir);
    expect(store.getFeed('journal')?.keepImages).toBe(true);
    // Other changes leave it as it is; turning it off is saved too.
    feeds.dispose();
    feeds = new FeedMainService({
      store,
      fetcher,
      parser: new RssFeedParser(),
      clock: new SteppingClock(),
    });
    expect(await feeds.update({ id: 'journal', tags: ['x'] })).toMatchObject({
      value: { keepImages: true },
    });
    expect(await feeds.update({ id: 'journal', keepImages: false })).toMatchObject({
      value: { keepImages: false },
    });
    expect(store.getFeed('journal')).not.toHaveProperty('keepImages');
  });

  it('tells the image keeper what each refresh stored, without waiting for it', async () => {
    const first = await feeds.refresh({ id: 'journal' });
    fetcher.body = rss(['one', 'two']);
    const second = await feeds.refresh({ id: 'journal' });
    const unchanged = await feeds.refresh({ id: 'journal' });

    expect([first, second, unchanged]).toMatchObject([
      { ok: true, value: [{ newItems: 1, error: null }] },
      { ok: true, value: [{ newItems: 1, error: null }] },
      { ok: true, value: [{ unchanged: true, error: null }] },
    ]);
    expect(keeper.refreshes.map(({ feed, stored }) => ({ id: feed.id, stored }))).toEqual([
      { id: 'journal', stored: ['one'] },
      { id: 'journal', stored: ['one', 'two'] },
      { id: 'journal', stored: [] },
    ]);
  });

  it('never lets the image keeper fail a refresh', async () => {
    keeper.throwing = true;

    const outcome = await feeds.refresh({ id: 'journal' });

    expect(outcome).toMatchObject({ ok: true, value: [{ newItems: 1, error: null }] });
    expect(store.getFeed('journal')?.lastError).toBeNull();
  });
});
