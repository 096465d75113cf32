import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { MY_PAPERS_FEED_ID, myPapersFeedRecord } from '@shared/domain/papers/myPapers';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { FeedMainService } from './FeedMainService';
import type { FeedFetcher, FeedParser, FetchOutcome } from './ports';
import { RefreshScheduler, type SchedulerTimers } from './RefreshScheduler';
import { STEPPING_CLOCK_START as START, SteppingClock } from './testing/SteppingClock';

const JOURNAL = newFeedRecord({
  id: 'journal',
  url: 'https://journal.example/rss',
  title: 'Journal',
  addedAt: START,
});

/** A fetcher that records every address it is asked for and says nothing changed. */
class RecordingFetcher implements FeedFetcher {
  readonly asked: string[] = [];
  async fetch(url: string): Promise<FetchOutcome> {
    this.asked.push(url);
    return { kind: 'not-modified' };
  }
}

const UNUSED_PARSER: FeedParser = {
  parse: () => Promise.reject(new Error('nothing is parsed in these tests')),
};

let dataDir: string;
let store: LowdbLibraryStore;
let fetcher: RecordingFetcher;
let clock: SteppingClock;
let service: FeedMainService;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-local-source-'));
  store = await LowdbLibraryStore.open(dataDir);
  fetcher = new RecordingFetcher();
  clock = new SteppingClock();
  service = new FeedMainService({ store, fetcher, parser: UNUSED_PARSER, clock });
  await store.saveFeed(JOURNAL);
  // Never fetched, so always "due" by its dates: only its kind keeps it from being fetched.
  await store.saveFeed(myPapersFeedRecord(START));
});

afterEach(async () => {
  service.dispose();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

function importedPaper() {
  return {
    id: 'paper-1',
    feedId: MY_PAPERS_FEED_ID,
    guid: 'doi:10.1056/nejmoa2312345',
    title: 'Early rhythm control after stroke',
    link: 'https://doi.org/10.1056/nejmoa2312345',
    author: null,
    publishedAt: '2023-11-20T00:00:00.000Z',
    excerpt: '',
    fetchedAt: START,
    contentHtml: '<p>Imported</p>',
  };
}

describe('FeedMainService and the local source "My papers"', () => {
  it('refreshes every feed but never fetches the local source', async () => {
    const result = await service.refresh({});

    expect(fetcher.asked).toEqual([JOURNAL.url]);
    expect(result).toMatchObject({ ok: true, value: [{ feedId: JOURNAL.id }] });
  });

  it('answers a refresh of the local source alone without fetching anything', async () => {
    const result = await service.refresh({ id: MY_PAPERS_FEED_ID });

    expect(fetcher.asked).toEqual([]);
    expect(result).toEqual({
      ok: true,
      value: [{ feedId: MY_PAPERS_FEED_ID, newItems: 0, unchanged: true, error: null }],
    });
  });

  it('leaves it out of the background refresh and of a run over chosen feeds', async () => {
    const pending: (() => void)[] = [];
    const timers: SchedulerTimers = {
      setTimeout: (callback) => pending.push(callback),
      clearTimeout: () => undefined,
    };
    const scheduler = new RefreshScheduler({ refresher: service, timers });
    scheduler.start();
    pending.shift()?.();
    await vi.waitFor(() => expect(pending).toHaveLength(1), { timeout: 15_000 });
    await scheduler.stop();

    expect(fetcher.asked).toEqual([JOURNAL.url]);
    expect(await service.refreshFeeds([MY_PAPERS_FEED_ID])).toEqual([]);
    expect(fetcher.asked).toEqual([JOURNAL.url]);
  });

  it('refuses to remove it while it holds papers, and keeps them', async () => {
    await store.putItems([importedPaper()]);

    const result = await service.remove({ id: MY_PAPERS_FEED_ID });

    expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(!result.ok && result.message).toMatch(/My papers.*holds 1 paper/);
    expect(store.getFeed(MY_PAPERS_FEED_ID)).toBeDefined();
    expect(await store.getItem('paper-1')).toMatchObject({ title: importedPaper().title });
  });

  it('removes it once it is empty', async () => {
    expect(await service.remove({ id: MY_PAPERS_FEED_ID })).toEqual({
      ok: true,
      value: { id: MY_PAPERS_FEED_ID },
    });
    expect(store.getFeed(MY_PAPERS_FEED_ID)).toBeUndefined();
  });
});
