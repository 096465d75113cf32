import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { MY_PAPERS_FEED_ID, myPapersFeedRecord } from '@shared/domain/papers/myPapers';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkerSearchIndex } from '../../adapters/search/WorkerSearchIndex';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { LibraryMainService } from './LibraryMainService';
import type { StoredFeed, StoredItem } from './LibraryStore';
import { SearchIndexFeeder } from './SearchIndexFeeder';

const FEED: StoredFeed = newFeedRecord({
  id: 'feed-1',
  url: 'https://journal.example/rss',
  title: 'Journal of Cardiology',
  siteUrl: 'https://journal.example/',
  addedAt: '2026-01-01T00:00:00.000Z',
  lastFetchedAt: '2026-01-01T00:00:00.000Z',
});

function item(n: number): StoredItem {
  return {
    id: `item-${n}`,
    feedId: FEED.id,
    guid: `guid-${n}`,
    title: `Article ${n}`,
    link: `https://journal.example/articles/${n}`,
    author: 'J. Doe',
    publishedAt: `2026-01-0${n}T09:00:00.000Z`,
    excerpt: `Excerpt ${n}`,
    contentHtml: `<p>Body ${n}</p>`,
    fetchedAt: '2026-01-09T00:00:00.000Z',
  };
}

let dataDir: string;
let store: LowdbLibraryStore;
let library: LibraryMainService;
let index: WorkerSearchIndex;
let search: SearchIndexFeeder;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-library-'));
  store = await LowdbLibraryStore.open(dataDir);
  await store.saveFeed(FEED);
  await store.putItems([item(1), item(2), item(3)]);
  // Searching has tests of its own (LibraryMainService.search.test.ts); here it stays unopened.
  index = WorkerSearchIndex.inDataFolder(dataDir);
  search = new SearchIndexFeeder({ store, index });
  library = new LibraryMainService({ store, search });
});

afterEach(async () => {
  await search.close();
  await index.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('LibraryMainService', () => {
  it('lists items newest first as summaries, without content or internal fields', async () => {
    const result = await library.list({ filter: 'all', offset: 0, limit: 2 });

    expect(result).toEqual({
      ok: true,
      value: {
        total: 3,
        offset: 0,
        hiddenByMute: 0,
        items: [3, 2].map((n) => ({
          id: `item-${n}`,
          feedId: FEED.id,
          title: `Article ${n}`,
          link: `https://journal.example/articles/${n}`,
          author: 'J. Doe',
          publishedAt: `2026-01-0${n}T09:00:00.000Z`,
          excerpt: `Excerpt ${n}`,
          read: false,
          starred: false,
          authors: [],
          journal: null,
          paperIds: { doi: null, pmid: null, arxiv: null },
          sources: [
            {
              itemId: `item-${n}`,
              feedId: FEED.id,
              feedTitle: FEED.title,
              link: `https://journal.example/articles/${n}`,
            },
          ],
          discussedBy: 0,
          pdf: null,
        })),
      },
    });
  });

  it('pages and filters by feed, unread and starred', async () => {
    await library.setRead({ id: 'item-3', read: true });
    await library.setStarred({ id: 'item-1', starred: true });

    const secondPage = await library.list({ feedId: FEED.id, filter: 'all', offset: 2, limit: 2 });
    const unread = await library.list({ filter: 'unread', offset: 0, limit: 10 });
    const starred = await library.list({ filter: 'starred', offset: 0, limit: 10 });
    const otherFeed = await library.list({ feedId: 'other', filter: 'all', offset: 0, limit: 10 });

    expect(secondPage.ok && secondPage.value.items.map((i) => i.id)).toEqual(['item-1']);
    expect(secondPage.ok && secondPage.value.offset).toBe(2);
    expect(unread.ok && unread.value.items.map((i) => i.id)).toEqual(['item-2', 'item-1']);
    expect(starred.ok && starred.value.items.map((i) => i.id)).toEqual(['item-1']);
    expect(otherFeed).toEqual({
      ok: true,
      value: { items: [], total: 0, offset: 0, hiddenByMute: 0 },
    });
  });

  it('returns one item with its content and its feed’s title', async () => {
    const result = await library.get({ id: 'item-2' });

    expect(result).toMatchObject({
      ok: true,
      value: {
        id: 'item-2',
        title: 'Article 2',
        contentHtml: '<p>Body 2</p>',
        feedTitle: 'Journal of Cardiology',
      },
    });
    expect(result.ok && 'guid' in result.value).toBe(false);
  });

  it('shows a preprint’s published version and the posts discussing a paper, with feed titles', async () => {
    const colleague = newFeedRecord({
      id: 'kim',
      url: 'https://med.social/@kim.rss',
      title: 'Dr Kim Lee',
      addedAt: '2026-01-01T00:00:00.000Z',
    });
    await store.saveFeed(colleague);
    await store.putItems([
      {
        ...item(4),
        paperIds: { doi: '10.1101/2025.12.01.25300001', pmid: null, arxiv: null },
        relatedDoi: '10.1056/nejmoa2312345',
      },
      { ...item(5), paperIds: { doi: '10.1056/nejmoa2312345', pmid: null, arxiv: null } },
      {
        ...item(6),
        id: 'post-1',
        feedId: colleague.id,
        author: null,
        link: 'https://med.social/@kim/1',
        excerpt: 'Great trial',
        citations: ['doi:10.1101/2025.12.01.25300001'],
      },
    ]);

    const preprint = await library.get({ id: 'item-4' });

    expect(preprint).toMatchObject({
      ok: true,
      value: {
        discussedBy: 1,
        discussions: [
          {
            itemId: 'post-1',
            feedTitle: 'Dr Kim Lee',
            author: null,
            excerpt: 'Great trial',
            link: 'https://med.social/@kim/1',
            publishedAt: '2026-01-06T09:00:00.000Z',
          },
        ],
        linkedVersion: {
          relation: 'published-version',
          doi: '10.1056/nejmoa2312345',
          itemId: 'item-5',
          title: 'Article 5',
        },
      },
    });
    expect(await library.get({ id: 'item-5' })).toMatchObject({
      ok: true,
      value: { linkedVersion: { relation: 'preprint', itemId: 'item-4' }, discussions: [] },
    });
  });

  it('keeps read and starred marks on disk once the call resolves', async () => {
    expect(await library.setRead({ id: 'item-1', read: true })).toEqual({
      ok: true,
      value: { id: 'item-1', read: true },
    });
    expect(await library.setStarred({ id: 'item-1', starred: true })).toEqual({
      ok: true,
      value: { id: 'item-1', starred: true },
    });
    await store.close();

    store = await LowdbLibraryStore.open(dataDir);
    const reopened = await new LibraryMainService({ store, search }).get({ id: 'item-1' });
    expect(reopened).toMatchObject({ ok: true, value: { read: true, starred: true } });
  });

  it('counts a paper from two feeds once in every smart view, as the list totals it, and muted papers not at all', async () => {
    const pubmed = newFeedRecord({
      id: 'pubmed',
      url: 'https://pubmed.example/rss',
      title: 'PubMed search: dapagliflozin',
      addedAt: '2026-01-01T00:00:00.000Z',
    });
    await store.saveFeed(pubmed);
    const trial = { doi: '10.1056/nejmoa2312345', pmid: null, arxiv: null };
    await store.putItems([
      { ...item(4), title: 'Dapagliflozin in HFpEF', paperIds: trial },
      {
        ...item(5),
        id: 'pubmed-1',
        feedId: pubmed.id,
        title: 'Dapagliflozin in HFpEF',
        paperIds: trial,
      },
    ]);
    await library.setRead({ id: 'item-1', read: true });
    await library.setStarred({ id: 'pubmed-1', starred: true });

    const counts = await library.counts();
    expect(counts).toEqual({ ok: true, value: { all: 4, unread: 3, starred: 1 } });
    for (const filter of ['all', 'unread', 'starred'] as const) {
      const listed = await library.list({ filter, offset: 0, limit: 1 });
      expect(listed.ok && counts.ok && listed.value.total).toBe(counts.ok && counts.value[filter]);
    }

    await library.setRead({ id: 'pubmed-1', read: true });
    expect(await library.counts()).toEqual({ ok: true, value: { all: 4, unread: 2, starred: 1 } });

    await store.saveRules({
      muteRules: [
        {
          id: 'rule-1',
          text: 'dapagliflozin',
          feedId: null,
          field: 'title',
          createdAt: '2026-01-10T00:00:00.000Z',
        },
      ],
      savedSearches: [],
    });
    expect(await library.counts()).toEqual({ ok: true, value: { all: 3, unread: 2, starred: 0 } });
  });

  it('gives a paper the PDF attached to its "My papers" copy, in the list and in the reader', async () => {
    await store.saveFeed(myPapersFeedRecord('2026-01-01T00:00:00.000Z'));
    const trial = { doi: '10.1056/nejmoa2400001', pmid: null, arxiv: null };
    const pdf = { hash: 'd'.repeat(64), fileName: 'trial.pdf', pageCount: 12 };
    await store.putItems([
      // The journal published it first, so its copy stands for the paper in the overall list.
      { ...item(4), title: 'Heparin in sepsis', paperIds: trial },
      {
        ...item(5),
        id: 'mine-1',
        feedId: MY_PAPERS_FEED_ID,
        title: 'Heparin in sepsis',
        paperIds: trial,
        publishedAt: '2026-01-08T09:00:00.000Z',
        pdf,
      },
    ]);

    const listed = await library.list({ filter: 'all', offset: 0, limit: 10 });
    const row = listed.ok ? listed.value.items.find((summary) => summary.paperIds.doi) : undefined;
    expect(row).toMatchObject({ id: 'item-4', pdf });
    const feedList = await library.list({ feedId: FEED.id, filter: 'all', offset: 0, limit: 10 });
    expect(feedList.ok && feedList.value.items.map((summary) => summary.pdf)).toEqual([
      pdf,
      null,
      null,
      null,
    ]);
    expect(await library.get({ id: 'item-4' })).toMatchObject({ ok: true, value: { pdf } });
    expect(await library.get({ id: 'mine-1' })).toMatchObject({ ok: true, value: { pdf } });
    expect(await library.get({ id: 'item-1' })).toMatchObject({ ok: true, value: { pdf: null } });
  });

  it('answers not-found for an item that is not in the library', async () => {
    const gone = {
      ok: false,
      code: 'not-found',
      message: 'That article is no longer in your library.',
    };
    expect(await library.get({ id: 'missing' })).toEqual(gone);
    expect(await library.setRead({ id: 'missing', read: true })).toEqual(gone);
    expect(await library.setStarred({ id: 'missing', starred: true })).toEqual(gone);
  });
});
