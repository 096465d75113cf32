import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_INDEX_FILE, WorkerSearchIndex } from '../../adapters/search/WorkerSearchIndex';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { LibraryMainService } from './LibraryMainService';
import type { LibraryStore, StoredFeed, StoredItem } from './LibraryStore';
import { SearchIndexFeeder } from './SearchIndexFeeder';

const CARDIOLOGY: StoredFeed = newFeedRecord({
  id: 'cardiology',
  url: 'https://journal.example/rss',
  title: 'Journal of Cardiology',
  addedAt: '2026-01-01T00:00:00.000Z',
});
const PUBMED: StoredFeed = newFeedRecord({
  id: 'pubmed',
  url: 'https://pubmed.example/rss',
  title: 'PubMed: heart failure',
  addedAt: '2026-01-01T00:00:00.000Z',
});

const FILLER =
  'The trial enrolled adults across forty sites and followed them for two years. '.repeat(8);

function paper(n: number, fields: Partial<StoredItem> = {}): StoredItem {
  return {
    id: `item-${n}`,
    feedId: CARDIOLOGY.id,
    guid: `guid-${n}`,
    title: `Article ${n}`,
    link: `https://journal.example/articles/${n}`,
    author: 'J. Doe',
    publishedAt: `2025-0${n}-15T09:00:00.000Z`,
    excerpt: `Excerpt ${n}`,
    contentHtml: `<p>Body ${n}</p>`,
    fetchedAt: '2026-01-09T00:00:00.000Z',
    authors: ['Jane Doe'],
    journal: 'Journal of Cardiology',
    paperIds: { doi: null, pmid: null, arxiv: null },
    ...fields,
  };
}

const TRIAL = paper(1, {
  title: 'Empagliflozin in Heart Failure with a Preserved Ejection Fraction',
  authors: ['Stefan D. Anker', 'Javed Butler'],
  paperIds: { doi: '10.1056/nejmoa2107038', pmid: '34449189', arxiv: null },
  // The word searched for sits far past the 280 characters of the excerpt.
  contentHtml: `<p>${FILLER}</p><p>Adverse events included genital mycotic infections.</p>`,
});
const REVIEW = paper(2, {
  title: 'Sodium–glucose cotransporter inhibitors: a review',
  contentHtml: '<p>Empagliflozin and dapagliflozin in heart failure.</p>',
});
const NEWS = paper(3, { title: 'Ward news', contentHtml: '<p>Nothing about drugs.</p>' });

let dataDir: string;
let store: LowdbLibraryStore;
let index: WorkerSearchIndex;
let feeder: SearchIndexFeeder;
let library: LibraryMainService;

async function open(
  storeFor: (store: LowdbLibraryStore) => LibraryStore = (s) => s,
): Promise<void> {
  store = await LowdbLibraryStore.open(dataDir);
  index = WorkerSearchIndex.inDataFolder(dataDir);
  feeder = new SearchIndexFeeder({ store: storeFor(store), index }, { batchSize: 1 });
  library = new LibraryMainService({ store, search: feeder });
}

async function closeAll(): Promise<void> {
  await feeder.close();
  await index.close();
  await store.close();
}

async function idsFound(
  query: string,
  scope: { feedId?: string; filter?: 'all' | 'unread' | 'starred' } = {},
) {
  const result = await library.list({ filter: 'all', offset: 0, limit: 50, query, ...scope });
  if (!result.ok) throw new Error(result.message);
  return result.value.items.map((item) => item.id);
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-search-'));
  await open();
  await store.saveFeed(CARDIOLOGY);
  await store.saveFeed(PUBMED);
  await store.putItems([TRIAL, REVIEW, NEWS]);
  await feeder.whenReady();
});

afterEach(async () => {
  await closeAll();
  await rm(dataDir, { recursive: true, force: true });
});

describe('LibraryMainService search', () => {
  it('finds a word deep in an abstract, a DOI and a PMID, with the words to highlight', async () => {
    const result = await library.list({ filter: 'all', offset: 0, limit: 10, query: 'Mycotic' });

    expect(result).toMatchObject({
      ok: true,
      value: {
        total: 1,
        items: [{ id: 'item-1' }],
        search: { highlight: ['mycotic'], index: { state: 'ready' }, rankedOnly: null },
      },
    });
    expect(await idsFound('10.1056/NEJMoa2107038')).toEqual(['item-1']);
    expect(await idsFound('doi:https://doi.org/10.1056/nejmoa2107038')).toEqual(['item-1']);
    expect(await idsFound('34449189')).toEqual(['item-1']);
    expect(await idsFound('pmid:34449189')).toEqual(['item-1']);
  });

  it('ranks a title match above a match in the abstract only', async () => {
    expect(await idsFound('empagliflozin')).toEqual(['item-1', 'item-2']);
  });

  it('reads phrases, prefixes, field filters, dates and exclusions', async () => {
    expect(await idsFound('"heart failure with"')).toEqual(['item-1']);
    expect(await idsFound('empag "heart failure" -preserved')).toEqual(['item-2']);
    expect(await idsFound('author:anker')).toEqual(['item-1']);
    expect(await idsFound('feed:pubmed')).toEqual([]);
    expect(await idsFound('journal:cardiology year:2025 before:2025-03')).toEqual([
      'item-2',
      'item-1',
    ]);
    expect(await idsFound('-empagliflozin')).toEqual(['item-3']);
  });

  it('keeps the list’s own filters: feed, unread, starred, muted, a paper once', async () => {
    await store.putItems([
      paper(4, { id: 'pubmed-1', feedId: PUBMED.id, title: TRIAL.title, paperIds: TRIAL.paperIds }),
    ]);
    await library.setRead({ id: 'item-2', read: true });
    await library.setStarred({ id: 'item-1', starred: true });

    expect(await idsFound('empagliflozin')).toEqual(['item-1', 'item-2']);
    expect(await idsFound('empagliflozin', { feedId: PUBMED.id })).toEqual(['pubmed-1']);
    expect(await idsFound('empagliflozin', { filter: 'unread' })).toEqual(['item-1']);
    expect(await idsFound('empagliflozin', { filter: 'starred' })).toEqual(['item-1']);

    await store.saveRules({
      muteRules: [
        { id: 'r', text: 'review', feedId: null, field: 'title', createdAt: TRIAL.fetchedAt },
      ],
      savedSearches: [],
    });
    expect(await idsFound('empagliflozin')).toEqual(['item-1']);
  });

  it('pages through ranked results with the total of all pages', async () => {
    const first = await library.list({
      filter: 'all',
      offset: 0,
      limit: 1,
      query: 'empagliflozin',
    });
    const second = await library.list({
      filter: 'all',
      offset: 1,
      limit: 1,
      query: 'empagliflozin',
    });

    expect(first).toMatchObject({
      ok: true,
      value: { total: 2, offset: 0, items: [{ id: 'item-1' }] },
    });
    expect(second).toMatchObject({
      ok: true,
      value: { total: 2, offset: 1, items: [{ id: 'item-2' }] },
    });
  });

  it('refuses a filter it cannot read, saying why', async () => {
    expect(
      await library.list({ filter: 'all', offset: 0, limit: 10, query: 'after:2024-13' }),
    ).toEqual({
      ok: false,
      code: 'invalid-query',
      message:
        '“after:2024-13” is not a date: write a year (after:2024), a month (after:2024-03) or a day (after:2024-03-31).',
    });
  });

  it('lists as before, newest first and without search info, when the query has no words', async () => {
    const result = await library.list({ filter: 'all', offset: 0, limit: 10, query: ' " ' });

    expect(result.ok && result.value.items.map((item) => item.id)).toEqual([
      'item-3',
      'item-2',
      'item-1',
    ]);
    expect(result.ok && result.value.search).toBeUndefined();
  });

  it('follows items as they are added, changed and removed, and keeps them across a restart', async () => {
    await store.putItems([paper(4, { title: 'Tirzepatide and obesity' })]);
    expect(await idsFound('tirzepatide')).toEqual(['item-4']);

    await store.putItems([
      { ...REVIEW, title: 'A review of semaglutide', fetchedAt: '2026-01-10T00:00:00.000Z' },
    ]);
    expect(await idsFound('semaglutide')).toEqual(['item-2']);
    expect(await idsFound('cotransporter')).toEqual([]);

    await closeAll();
    await open();
    expect(await idsFound('semaglutide')).toEqual(['item-2']);
    expect(await idsFound('mycotic')).toEqual(['item-1']);

    await store.removeFeed(CARDIOLOGY.id);
    expect(await idsFound('semaglutide')).toEqual([]);
  });

  it('rebuilds a damaged index in the background, saying so until it is done, while other calls are answered', async () => {
    await closeAll();
    await writeFile(join(dataDir, 'search', SEARCH_INDEX_FILE), 'not a database at all');
    // The rebuild reads the library one item at a time; the second read waits for the test.
    let releaseRead: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (releaseRead = resolve));
    const events: string[] = [];
    let reads = 0;
    await open((real) =>
      Object.assign(Object.create(real) as LibraryStore, {
        searchableItems: async (ids: readonly string[]) => {
          reads += 1;
          if (reads === 2) {
            events.push('rebuild held');
            await held;
          }
          return real.searchableItems(ids);
        },
      }),
    );

    const during = await library.list({ filter: 'all', offset: 0, limit: 10, query: 'mycotic' });
    while (!events.includes('rebuild held')) await new Promise((resolve) => setImmediate(resolve));
    const stillRebuilding = await library.list({ filter: 'all', offset: 0, limit: 10, query: 'x' });
    const opened = await library.get({ id: 'item-1' });
    events.push('other calls answered');
    releaseRead();
    await feeder.whenReady();
    events.push('rebuilt');

    expect(during).toMatchObject({
      ok: true,
      value: { items: [], total: 0, search: { index: { state: 'rebuilding' } } },
    });
    expect(stillRebuilding).toMatchObject({
      ok: true,
      value: { items: [], search: { index: { state: 'rebuilding', indexed: 1, total: 3 } } },
    });
    expect(opened.ok).toBe(true);
    expect(events).toEqual(['rebuild held', 'other calls answered', 'rebuilt']);
    expect(await idsFound('mycotic')).toEqual(['item-1']);
  });

  it('builds the index in the background on the first start of a library that had none', async () => {
    await closeAll();
    await rm(join(dataDir, 'search'), { recursive: true, force: true });
    await open();

    const first = await library.list({ filter: 'all', offset: 0, limit: 10, query: 'mycotic' });
    await feeder.whenReady();

    expect(first).toMatchObject({
      ok: true,
      value: { items: [], search: { index: { state: 'building' } } },
    });
    expect(await idsFound('mycotic')).toEqual(['item-1']);
  });
});
