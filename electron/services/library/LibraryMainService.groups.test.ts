import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkerSearchIndex } from '../../adapters/search/WorkerSearchIndex';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { LibraryMainService } from './LibraryMainService';
import type { StoredFeed, StoredItem } from './LibraryStore';
import { SearchIndexFeeder } from './SearchIndexFeeder';

// Folders and tags list the items of several feeds: a journal and a PubMed search in the
// "Cardiology" folder carry the same paper, a preprint server outside it carries it too.

function feed(id: string, folder: string[], tags: string[] = []): StoredFeed {
  return newFeedRecord({
    id,
    url: `https://${id}.example/rss`,
    title: id,
    addedAt: '2026-01-01T00:00:00.000Z',
    folder,
    tags,
  });
}

const JOURNAL = feed('journal', ['Cardiology'], ['Trials']);
const PUBMED = feed('pubmed', ['Cardiology', 'Searches']);
const PREPRINTS = feed('preprints', [], ['trials']);
const NEWS = feed('news', []);

const DOI = '10.1056/nejmoa2107038';

function item(id: string, feedId: string, day: number, fields: Partial<StoredItem> = {}) {
  return {
    id,
    feedId,
    guid: id,
    title: `Item ${id}`,
    link: `https://${feedId}.example/${id}`,
    author: null,
    publishedAt: `2026-01-${String(day).padStart(2, '0')}T09:00:00.000Z`,
    excerpt: '',
    contentHtml: `<p>Body of ${id}</p>`,
    fetchedAt: '2026-01-20T00:00:00.000Z',
    authors: [],
    journal: null,
    paperIds: { doi: null, pmid: null, arxiv: null },
    ...fields,
  } satisfies StoredItem;
}

const EMPA = {
  title: 'Empagliflozin in heart failure',
  paperIds: { doi: DOI, pmid: null, arxiv: null },
};
const ITEMS = [
  // The paper: first published by the preprint server, then the journal, then found by PubMed.
  item('empa-preprint', PREPRINTS.id, 2, EMPA),
  item('empa-journal', JOURNAL.id, 5, EMPA),
  item('empa-pubmed', PUBMED.id, 7, EMPA),
  item('editorial', JOURNAL.id, 6, { title: 'Editorial on dapagliflozin' }),
  item('search-only', PUBMED.id, 8, { title: 'Sotagliflozin outcomes' }),
  item('ward-news', NEWS.id, 9, { title: 'Ward news' }),
];

let dataDir: string;
let store: LowdbLibraryStore;
let index: WorkerSearchIndex;
let feeder: SearchIndexFeeder;
let library: LibraryMainService;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-groups-'));
  store = await LowdbLibraryStore.open(dataDir);
  index = WorkerSearchIndex.inDataFolder(dataDir);
  feeder = new SearchIndexFeeder({ store, index }, { batchSize: 1 });
  library = new LibraryMainService({ store, search: feeder });
  for (const stored of [JOURNAL, PUBMED, PREPRINTS, NEWS]) await store.saveFeed(stored);
  await store.putItems(ITEMS);
  await feeder.whenReady();
});

afterEach(async () => {
  await feeder.close();
  await index.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function listed(scope: Parameters<LibraryMainService['list']>[0]) {
  const result = await library.list(scope);
  if (!result.ok) throw new Error(result.message);
  return { ids: result.value.items.map((row) => row.id), total: result.value.total };
}

const PAGE = { filter: 'all', sort: 'newest', offset: 0, limit: 50 } as const;

describe('LibraryMainService folders and tags', () => {
  it('lists a folder’s feeds and its sub-folders’ feeds, a paper in two of them once', async () => {
    expect(await listed({ ...PAGE, folder: ['Cardiology'] })).toEqual({
      // Newest first; the paper is shown as the journal's copy, the first published in the folder.
      ids: ['search-only', 'editorial', 'empa-journal'],
      total: 3,
    });
    expect(await listed({ ...PAGE, folder: ['Cardiology', 'Searches'] })).toEqual({
      ids: ['search-only', 'empa-pubmed'],
      total: 2,
    });
  });

  it('gives the folder’s paper every source that carries it, as the overall list does', async () => {
    const result = await library.list({ ...PAGE, folder: ['Cardiology'] });
    if (!result.ok) throw new Error(result.message);
    const paper = result.value.items.find((row) => row.id === 'empa-journal');
    expect(paper?.sources.map((source) => source.feedId)).toEqual([
      'preprints',
      'journal',
      'pubmed',
    ]);
  });

  it('counts a folder’s unread items a paper once, and follows reading', async () => {
    expect(
      (await listed({ ...PAGE, filter: 'unread', limit: 1, folder: ['Cardiology'] })).total,
    ).toBe(3);
    // Read in the preprint server, outside the folder: read everywhere.
    await library.setRead({ id: 'empa-preprint', read: true });
    expect(await listed({ ...PAGE, filter: 'unread', folder: ['Cardiology'] })).toEqual({
      ids: ['search-only', 'editorial'],
      total: 2,
    });
  });

  it('pages through a folder without repeating or skipping a row', async () => {
    const first = await listed({ ...PAGE, limit: 2, folder: ['Cardiology'] });
    const second = await listed({ ...PAGE, offset: 2, limit: 2, folder: ['Cardiology'] });
    expect([...first.ids, ...second.ids]).toEqual(['search-only', 'editorial', 'empa-journal']);
    expect(second.total).toBe(3);
  });

  it('lists a folder oldest first when asked', async () => {
    expect(await listed({ ...PAGE, sort: 'oldest', folder: ['Cardiology'] })).toEqual({
      ids: ['empa-journal', 'editorial', 'search-only'],
      total: 3,
    });
  });

  it('searches inside a folder only', async () => {
    expect(await listed({ ...PAGE, folder: ['Cardiology'], query: 'gliflozin' })).toEqual({
      ids: [],
      total: 0,
    });
    const found = await listed({ ...PAGE, folder: ['Cardiology'], query: 'empagliflozin' });
    expect(found).toEqual({ ids: ['empa-journal'], total: 1 });
    const dapagliflozin = await listed({ ...PAGE, folder: ['Cardiology'], query: 'dapagliflozin' });
    expect(dapagliflozin).toEqual({ ids: ['editorial'], total: 1 });
    // "Ward news" is in the library, not in the folder.
    expect(await listed({ ...PAGE, folder: ['Cardiology'], query: 'ward' })).toEqual({
      ids: [],
      total: 0,
    });
  });

  it('lists a tag’s feeds whatever the case of the tag', async () => {
    expect(await listed({ ...PAGE, tag: 'TRIALS' })).toEqual({
      ids: ['editorial', 'empa-preprint'],
      total: 2,
    });
  });

  it('lists nothing for a folder that holds no feed', async () => {
    expect(await listed({ ...PAGE, folder: ['Oncology'] })).toEqual({ ids: [], total: 0 });
  });

  it('refuses a list asked for a feed and a folder at once, saying so', async () => {
    const result = await library.list({ ...PAGE, feedId: 'journal', folder: ['Cardiology'] });
    expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(result.ok ? '' : result.message).toMatch(/one feed, one folder or one tag/);
  });
});
