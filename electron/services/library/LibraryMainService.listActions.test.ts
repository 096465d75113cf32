import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkerSearchIndex } from '../../adapters/search/WorkerSearchIndex';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { LibraryMainService, UNDOABLE_MARKINGS } from './LibraryMainService';
import type { StoredFeed, StoredItem } from './LibraryStore';
import { SearchIndexFeeder } from './SearchIndexFeeder';

const NOW = Date.parse('2026-12-02T12:00:00.000Z');
const HOUR = 60 * 60 * 1000;

function feed(id: string, title: string): StoredFeed {
  return newFeedRecord({
    id,
    url: `https://${id}.example/rss`,
    title,
    siteUrl: null,
    addedAt: '2026-01-01T00:00:00.000Z',
    lastFetchedAt: '2026-12-01T00:00:00.000Z',
  });
}

const CARDIOLOGY = feed('cardiology', 'Cardiology');
const PUBMED = feed('pubmed', 'PubMed: heart failure');

function item(id: string, feedId: string, hoursAgo: number, doi: string | null = null): StoredItem {
  return {
    id,
    feedId,
    guid: `guid-${id}`,
    title: `Paper ${id}`,
    link: `https://journal.example/${id}`,
    author: null,
    publishedAt: new Date(NOW - hoursAgo * HOUR).toISOString(),
    excerpt: '',
    contentHtml: `<p>${id}</p>`,
    fetchedAt: new Date(NOW - hoursAgo * HOUR).toISOString(),
    paperIds: { doi, pmid: null, arxiv: null },
  };
}

let dataDir: string;
let store: LowdbLibraryStore;
let library: LibraryMainService;
let index: WorkerSearchIndex;
let search: SearchIndexFeeder;

async function openLibrary(): Promise<void> {
  store = await LowdbLibraryStore.open(dataDir);
  index = WorkerSearchIndex.inDataFolder(dataDir);
  search = new SearchIndexFeeder({ store, index });
  library = new LibraryMainService({ store, search, now: () => NOW });
}

async function closeLibrary(): Promise<void> {
  await search.close();
  await index.close();
  await store.close();
}

async function unreadIds(feedId?: string): Promise<string[]> {
  const page = await library.list({ feedId, filter: 'unread', offset: 0, limit: 100 });
  if (!page.ok) throw new Error(page.message);
  return page.value.items.map((summary) => summary.id).sort();
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-mark-all-'));
  await openLibrary();
  await store.saveFeed(CARDIOLOGY);
  await store.saveFeed(PUBMED);
  await store.putItems([
    item('fresh', CARDIOLOGY.id, 2),
    item('yesterday', CARDIOLOGY.id, 30),
    item('last-month', CARDIOLOGY.id, 24 * 30, '10.1000/shared'),
    item('pubmed-copy', PUBMED.id, 24 * 29, '10.1000/shared'),
    item('pubmed-only', PUBMED.id, 5),
  ]);
});

afterEach(async () => {
  await closeLibrary();
  await rm(dataDir, { recursive: true, force: true });
});

describe('LibraryMainService.markAllRead', () => {
  it('marks every unread item of the overall list read, every copy included, and keeps it on disk', async () => {
    const outcome = await library.markAllRead({ filter: 'all' });

    // Four rows overall: the shared paper is one row however many feeds carry it.
    expect(outcome).toEqual({ ok: true, value: { marked: 4, undoToken: expect.any(String) } });
    expect(await unreadIds()).toEqual([]);
    expect(store.countItems(PUBMED.id)).toEqual({ total: 2, unread: 0 });

    await closeLibrary();
    await openLibrary();
    expect(await unreadIds()).toEqual([]);
    expect(await library.counts()).toMatchObject({ ok: true, value: { unread: 0 } });
  });

  it('marks one feed, and its papers in the other feeds that carry them', async () => {
    await library.markAllRead({ feedId: PUBMED.id, filter: 'all' });

    expect(await unreadIds(CARDIOLOGY.id)).toEqual(['fresh', 'yesterday']);
    expect(await unreadIds(PUBMED.id)).toEqual([]);
  });

  it('marks only items older than a day or a week, by the injected clock', async () => {
    await library.markAllRead({ filter: 'all', olderThan: 'week' });
    expect(await unreadIds()).toEqual(['fresh', 'pubmed-only', 'yesterday']);

    await library.markAllRead({ filter: 'all', olderThan: 'day' });
    expect(await unreadIds()).toEqual(['fresh', 'pubmed-only']);
  });

  it('marks only starred items in the Starred view', async () => {
    await library.setStarred({ id: 'yesterday', starred: true });

    await library.markAllRead({ filter: 'starred' });

    expect(await unreadIds()).toEqual(['fresh', 'last-month', 'pubmed-only']);
  });

  it('undoes exactly what it marked: items read before stay read', async () => {
    await library.setRead({ id: 'fresh', read: true });
    const outcome = await library.markAllRead({ filter: 'all' });
    if (!outcome.ok || outcome.value.undoToken === null) throw new Error('nothing marked');

    const undone = await library.undoMarkAllRead({ undoToken: outcome.value.undoToken });

    expect(undone).toEqual({ ok: true, value: { restored: 3 } });
    expect(await unreadIds()).toEqual(['last-month', 'pubmed-only', 'yesterday']);
    expect(await unreadIds(PUBMED.id)).toEqual(['pubmed-copy', 'pubmed-only']);
    // Undone once; a second undo has nothing to give back.
    expect(await library.undoMarkAllRead({ undoToken: outcome.value.undoToken })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });

  it('says nothing was marked, with no undo, when the list has no unread items', async () => {
    await library.markAllRead({ filter: 'all' });

    expect(await library.markAllRead({ filter: 'all' })).toEqual({
      ok: true,
      value: { marked: 0, undoToken: null },
    });
  });

  it(`keeps the last ${UNDOABLE_MARKINGS} markings undoable and forgets older ones`, async () => {
    const tokens: string[] = [];
    for (let n = 0; n <= UNDOABLE_MARKINGS; n += 1) {
      const outcome = await library.markAllRead({ feedId: CARDIOLOGY.id, filter: 'all' });
      if (!outcome.ok || outcome.value.undoToken === null) throw new Error('nothing marked');
      tokens.push(outcome.value.undoToken);
      await library.undoMarkAllRead({ undoToken: outcome.value.undoToken });
      // Marked again so that the token stays unused.
      const again = await library.markAllRead({ feedId: CARDIOLOGY.id, filter: 'all' });
      if (!again.ok || again.value.undoToken === null) throw new Error('nothing marked');
      tokens[n] = again.value.undoToken;
      await store.setReadOfItems(['fresh'], false);
    }

    expect(await library.undoMarkAllRead({ undoToken: tokens[0] ?? '' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(await library.undoMarkAllRead({ undoToken: tokens.at(-1) ?? '' })).toMatchObject({
      ok: true,
    });
  });

  it('refuses an unusable search filter', async () => {
    expect(await library.markAllRead({ filter: 'all', query: 'after:2024-13' })).toMatchObject({
      ok: false,
      code: 'invalid-query',
    });
  });
});

describe('LibraryMainService.list, oldest first and muted', () => {
  it('lists oldest first when asked, the same items as newest first reversed, page by page', async () => {
    const titles = async (sort: 'newest' | 'oldest', offset: number) => {
      const page = await library.list({
        feedId: CARDIOLOGY.id,
        filter: 'all',
        sort,
        offset,
        limit: 2,
      });
      if (!page.ok) throw new Error(page.message);
      return page.value.items.map((summary) => summary.id);
    };

    expect([...(await titles('oldest', 0)), ...(await titles('oldest', 2))]).toEqual([
      'last-month',
      'yesterday',
      'fresh',
    ]);
    expect(await titles('newest', 0)).toEqual(['fresh', 'yesterday']);

    await library.setRead({ id: 'last-month', read: true });
    const unread = await library.list({ filter: 'unread', sort: 'oldest', offset: 0, limit: 10 });
    expect(unread.ok && unread.value.items.map((summary) => summary.id)).toEqual([
      'yesterday',
      'pubmed-only',
      'fresh',
    ]);
  });

  it('says how many items mute rules hide from a feed and from the overall list', async () => {
    await store.saveRules({
      muteRules: [
        {
          id: 'rule-1',
          text: 'Paper fresh',
          feedId: null,
          field: 'title',
          createdAt: '2026-12-01T00:00:00.000Z',
        },
      ],
      savedSearches: [],
    });

    const cardiology = await library.list({
      feedId: CARDIOLOGY.id,
      filter: 'all',
      offset: 0,
      limit: 10,
    });
    const pubmed = await library.list({ feedId: PUBMED.id, filter: 'all', offset: 0, limit: 10 });
    const overall = await library.list({ filter: 'all', offset: 0, limit: 10 });

    expect(cardiology).toMatchObject({ ok: true, value: { total: 2, hiddenByMute: 1 } });
    expect(pubmed).toMatchObject({ ok: true, value: { total: 2, hiddenByMute: 0 } });
    expect(overall).toMatchObject({ ok: true, value: { total: 3, hiddenByMute: 1 } });
  });
});
