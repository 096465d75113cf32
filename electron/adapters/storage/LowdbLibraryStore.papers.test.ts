import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredItem } from '../../services/library/LibraryStore';
import { LowdbLibraryStore } from './LowdbLibraryStore';
import { sampleFeed, sampleItem, temporaryDataDir } from './testing/sampleLibrary';

const DOI = '10.1056/nejmoa2312345';
const everything = { filter: 'all', offset: 0, limit: 100 } as const;
const unread = { filter: 'unread', offset: 0, limit: 100 } as const;

/** Feed `feedId`'s copy of the trial, published `day` days into January. */
function trialCopy(feedId: string, day: number, overrides: Partial<StoredItem> = {}): StoredItem {
  return sampleItem(feedId, 100, {
    title: `Dapagliflozin in HFpEF (${feedId})`,
    publishedAt: new Date(Date.UTC(2026, 0, day)).toISOString(),
    paperIds: { doi: DOI, pmid: null, arxiv: null },
    ...overrides,
  });
}

describe('LowdbLibraryStore, one paper once', () => {
  let dataDir: string;
  let removeDataDir: () => Promise<void>;
  const opened: LowdbLibraryStore[] = [];

  async function open(): Promise<LowdbLibraryStore> {
    const store = await LowdbLibraryStore.open(dataDir);
    opened.push(store);
    return store;
  }

  /** A journal feed, a PubMed search and a second journal carrying one trial, plus other items. */
  async function threeFeedsOnePaper(): Promise<LowdbLibraryStore> {
    const store = await open();
    for (const id of ['nejm', 'pubmed', 'jama']) await store.saveFeed(sampleFeed(id));
    await store.putItems([
      trialCopy('nejm', 4),
      sampleItem('nejm', 1),
      trialCopy('pubmed', 6, { paperIds: { doi: DOI, pmid: '38234567', arxiv: null } }),
      sampleItem('pubmed', 2),
    ]);
    await store.putItems([trialCopy('jama', 9)]);
    return store;
  }

  beforeEach(async () => {
    ({ dir: dataDir, remove: removeDataDir } = await temporaryDataDir());
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await removeDataDir();
  });

  it('lists a paper from three feeds as one row with three copies, the first published standing for it', async () => {
    const store = await threeFeedsOnePaper();

    const { rows, total } = await store.queryItems(everything);
    expect(total).toBe(3);
    const paper = rows.find((row) => row.paperIds.doi === DOI);
    expect(paper?.id).toBe('nejm-item-100');
    expect(paper?.copies.map((copy) => copy.feedId)).toEqual(['nejm', 'pubmed', 'jama']);
    // Each feed still lists its own copy.
    expect(
      (await store.queryItems({ ...everything, feedId: 'jama' })).rows.map((row) => row.id),
    ).toEqual(['jama-item-100']);
    expect(store.countItems('pubmed')).toEqual({ total: 2, unread: 2 });
  });

  it('marks every copy when the paper is read or starred, keeps counts truthful and persists it', async () => {
    const store = await threeFeedsOnePaper();

    expect(await store.setItemState('pubmed-item-100', { read: true, starred: true })).toBe(true);

    expect((await store.queryItems(unread)).total).toBe(2);
    for (const feedId of ['nejm', 'pubmed']) {
      expect(store.countItems(feedId)).toEqual({ total: 2, unread: 1 });
    }
    expect(store.countItems('jama')).toEqual({ total: 1, unread: 0 });
    await store.close();

    const reopened = await open();
    for (const id of ['nejm-item-100', 'pubmed-item-100', 'jama-item-100']) {
      expect(await reopened.getItem(id)).toMatchObject({ read: true, starred: true });
    }
    expect(await reopened.setItemState('jama-item-100', { read: false })).toBe(true);
    expect((await reopened.queryItems(unread)).rows.map((row) => row.id)).toContain(
      'nejm-item-100',
    );
    expect(reopened.countItems('nejm')).toEqual({ total: 2, unread: 2 });
  });

  it('gives a copy arriving later the marks the paper already has', async () => {
    const store = await open();
    for (const id of ['nejm', 'pubmed']) await store.saveFeed(sampleFeed(id));
    await store.putItems([trialCopy('nejm', 4)]);
    await store.setItemState('nejm-item-100', { read: true });

    await store.putItems([trialCopy('pubmed', 6)]);

    expect(await store.getItem('pubmed-item-100')).toMatchObject({ read: true, starred: false });
    expect(store.countItems('pubmed')).toEqual({ total: 1, unread: 0 });
  });

  it('keeps the paper and its marks in the other feeds when one feed is removed', async () => {
    const store = await threeFeedsOnePaper();
    await store.setItemState('nejm-item-100', { starred: true });

    await store.removeFeed('nejm');

    const paper = (await store.queryItems(everything)).rows.find((row) => row.paperIds.doi === DOI);
    expect(paper).toMatchObject({ id: 'pubmed-item-100', starred: true });
    expect(paper?.copies.map((copy) => copy.feedId)).toEqual(['pubmed', 'jama']);
  });

  it('shares marks between copies found in files written before papers were grouped', async () => {
    const store = await open();
    for (const id of ['nejm', 'pubmed']) await store.saveFeed(sampleFeed(id));
    // Stored without identity, as an older build did: two separate items, one of them read.
    await store.putItems([
      trialCopy('nejm', 4, { paperIds: undefined }),
      trialCopy('pubmed', 6, { paperIds: undefined }),
    ]);
    await store.setItemState('nejm-item-100', { read: true });
    await store.close();
    // A newer build's files name the DOI on both copies.
    const pieces = join(dataDir, 'library', 'pieces');
    for (const name of await readdir(pieces, { recursive: true })) {
      if (!/records-\d+\.json\.gz$/.test(name)) continue;
      const path = join(pieces, name);
      const piece = JSON.parse(gunzipSync(await readFile(path)).toString('utf8')) as {
        items: StoredItem[];
      };
      for (const item of piece.items) item.paperIds = { doi: DOI, pmid: null, arxiv: null };
      await writeFile(path, gzipSync(JSON.stringify(piece)));
    }

    const reopened = await open();
    // The opening view saved before the files were edited is stale until the items are loaded.
    await reopened.whenLoaded();
    expect(await reopened.getItem('pubmed-item-100')).toMatchObject({ read: true });
    expect((await reopened.queryItems(everything)).total).toBe(1);
    await reopened.close();
    expect((await open()).countItems('pubmed')).toEqual({ total: 1, unread: 0 });
  });
});

describe('LowdbLibraryStore, discussions and versions', () => {
  let dataDir: string;
  let removeDataDir: () => Promise<void>;
  let store: LowdbLibraryStore;

  beforeEach(async () => {
    ({ dir: dataDir, remove: removeDataDir } = await temporaryDataDir());
    store = await LowdbLibraryStore.open(dataDir);
    for (const id of ['nejm', 'medrxiv', 'kim', 'ana']) await store.saveFeed(sampleFeed(id));
  });

  afterEach(async () => {
    await store.close();
    await removeDataDir();
  });

  it('attaches posts citing a paper by DOI or by its address, and leaves them in the list', async () => {
    await store.putItems([
      trialCopy('nejm', 4, { link: 'https://www.nejm.org/doi/full/10.1056/NEJMoa2312345' }),
      sampleItem('kim', 1, {
        title: 'Big HFpEF result',
        author: null,
        citations: [`doi:${DOI}`],
      }),
      sampleItem('kim', 2, { author: null, citations: [`doi:${DOI}`, 'link:example.org/x'] }),
      sampleItem('ana', 3, {
        author: 'Ana',
        citations: ['link:nejm.org/doi/full/10.1056/NEJMoa2312345'],
      }),
      sampleItem('ana', 4, { citations: ['doi:10.1001/unrelated'] }),
    ]);

    const paper = (await store.queryItems(everything)).rows.find(
      (row) => row.id === 'nejm-item-100',
    );
    expect(paper?.discussedBy).toBe(2);
    expect((await store.getItem('nejm-item-100'))?.discussions.map((post) => post.id)).toEqual([
      'ana-item-3',
      'kim-item-2',
      'kim-item-1',
    ]);
    expect((await store.queryItems(everything)).total).toBe(5);
    expect((await store.getItem('kim-item-1'))?.discussedBy).toBe(0);
  });

  it('links a preprint and its published version both ways when the publisher names it', async () => {
    await store.putItems([
      sampleItem('medrxiv', 1, {
        paperIds: { doi: '10.1101/2025.06.01.25300001', pmid: null, arxiv: null },
        relatedDoi: DOI,
      }),
    ]);
    expect((await store.getItem('medrxiv-item-1'))?.linkedVersion).toEqual({
      relation: 'published-version',
      doi: DOI,
      row: null,
    });

    await store.putItems([trialCopy('nejm', 4)]);

    expect((await store.getItem('medrxiv-item-1'))?.linkedVersion).toMatchObject({
      relation: 'published-version',
      row: { id: 'nejm-item-100' },
    });
    expect((await store.getItem('nejm-item-100'))?.linkedVersion).toMatchObject({
      relation: 'preprint',
      doi: '10.1101/2025.06.01.25300001',
      row: { id: 'medrxiv-item-1' },
    });
  });
});
