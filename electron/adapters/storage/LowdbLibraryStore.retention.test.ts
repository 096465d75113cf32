import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RetentionFacts } from '@shared/domain/retention/retentionRules';
import type { ItemsChange } from '../../services/library/LibraryStore';
import { feedFolderName } from './ItemPieces';
import { LowdbLibraryStore } from './LowdbLibraryStore';
import { sampleFeed, sampleItem, sampleItems, temporaryDataDir } from './testing/sampleLibrary';

const everything = { filter: 'all', offset: 0, limit: 1_000 } as const;
/** Every sample item is dated 2026-01-01 plus its number in hours; this cut-off is hour 20. */
const HOUR_20 = Date.UTC(2026, 0, 1) + 20 * 3_600_000;

let dataDir: string;
let removeDataDir: () => Promise<void>;
const opened: LowdbLibraryStore[] = [];

async function open(): Promise<LowdbLibraryStore> {
  const store = await LowdbLibraryStore.open(dataDir);
  opened.push(store);
  return store;
}

async function reopen(store: LowdbLibraryStore): Promise<LowdbLibraryStore> {
  await store.close();
  return open();
}

/** The text of every file under `library/` (pieces inflated), for "is it anywhere on disk?". */
async function everythingOnDisk(): Promise<string> {
  const library = join(dataDir, 'library');
  const names = (await readdir(library, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && !entry.parentPath.includes('backups'))
    .map((entry) => join(entry.parentPath, entry.name));
  const texts = await Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(name);
      return name.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    }),
  );
  return texts.join('\n');
}

async function piecesOf(feedId: string): Promise<string[]> {
  return (await readdir(join(dataDir, 'library', 'pieces', feedFolderName(feedId)))).sort();
}

beforeEach(async () => {
  ({ dir: dataDir, remove: removeDataDir } = await temporaryDataDir('rounds-retention-'));
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  await removeDataDir();
});

describe('LowdbLibraryStore.removeItems', () => {
  it('removes the items’ records, content and marks, tells the search index, and touches nothing else', async () => {
    const store = await open();
    await store.saveFeed(sampleFeed('nejm'));
    await store.saveFeed(sampleFeed('bmj'));
    await store.putItems([...sampleItems('nejm', 6), ...sampleItems('bmj', 3)]);
    for (const id of ['nejm-item-0', 'nejm-item-1', 'nejm-item-2', 'bmj-item-0']) {
      await store.setItemState(id, { read: true });
    }
    await store.setItemState('nejm-item-3', { starred: true });
    const changes: ItemsChange[] = [];
    store.onItemsChanged((change) => changes.push(change));

    const removed = await store.removeItems(['nejm-item-0', 'nejm-item-1', 'bmj-item-0', 'gone']);

    expect(removed.sort()).toEqual(['bmj-item-0', 'nejm-item-0', 'nejm-item-1']);
    expect(changes).toEqual([
      { upserted: [], removed: expect.arrayContaining(removed) as unknown },
    ]);
    expect(store.countItems('nejm')).toEqual({ total: 4, unread: 3 });
    expect(store.countItems('bmj')).toEqual({ total: 2, unread: 2 });
    expect(store.countOverall()).toEqual({ all: 6, unread: 5, starred: 1 });

    const reopened = await reopen(store);
    expect(reopened.notices()).toEqual([]);
    expect(await reopened.getItem('nejm-item-0')).toBeUndefined();
    expect(await reopened.getItem('bmj-item-0')).toBeUndefined();
    expect((await reopened.queryItems(everything)).rows.map((row) => row.id).sort()).toEqual([
      'bmj-item-1',
      'bmj-item-2',
      'nejm-item-2',
      'nejm-item-3',
      'nejm-item-4',
      'nejm-item-5',
    ]);
    // The others keep their text and their marks.
    expect(await reopened.getItem('nejm-item-2')).toMatchObject({
      read: true,
      contentHtml: '<p>Full text of article 2 in nejm.</p>',
    });
    expect(await reopened.getItem('nejm-item-3')).toMatchObject({ starred: true });
    expect(reopened.countOverall()).toEqual({ all: 6, unread: 5, starred: 1 });
    const onDisk = await everythingOnDisk();
    for (const id of removed) expect(onDisk).not.toContain(id);
    expect(onDisk).not.toContain('Full text of article 0 in nejm');
    expect(onDisk).toContain('Full text of article 2 in nejm');
  });

  it('deletes the files of a piece left empty, and keeps the newest piece for items to come', async () => {
    const store = await open();
    await store.saveFeed(sampleFeed('nejm'));
    // 32 items fill piece 0; the next 8 start piece 1.
    await store.putItems(sampleItems('nejm', 40));
    expect(await piecesOf('nejm')).toEqual([
      'content-0000.json.gz',
      'content-0001.json.gz',
      'records-0000.json.gz',
      'records-0001.json.gz',
    ]);

    await store.removeItems(sampleItems('nejm', 32).map((item) => item.id));
    expect(await piecesOf('nejm')).toEqual(['content-0001.json.gz', 'records-0001.json.gz']);

    await store.removeItems(sampleItems('nejm', 8, 32).map((item) => item.id));
    await store.putItems([sampleItem('nejm', 50)]);
    const reopened = await reopen(store);
    expect((await reopened.queryItems(everything)).rows.map((row) => row.id)).toEqual([
      'nejm-item-50',
    ]);
    expect(await reopened.getItem('nejm-item-50')).toMatchObject({
      contentHtml: '<p>Full text of article 50 in nejm.</p>',
    });
  });

  it('removes one copy of a paper and leaves the other copy, its marks and its row', async () => {
    const store = await open();
    await store.saveFeed(sampleFeed('nejm'));
    await store.saveFeed(sampleFeed('pubmed'));
    const paperIds = { doi: '10.1056/nejmoa2107038', pmid: null, arxiv: null };
    await store.putItems([
      sampleItem('nejm', 1, { paperIds }),
      sampleItem('pubmed', 30, { paperIds }),
    ]);
    await store.setItemState('nejm-item-1', { read: true });

    await store.removeItems(['nejm-item-1']);

    const reopened = await reopen(store);
    const { rows } = await reopened.queryItems(everything);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: 'pubmed-item-30',
      read: true,
      copies: [{ itemId: 'pubmed-item-30', feedId: 'pubmed' }],
    });
  });

  it('asks, item by item and as the library is at that moment, whether each one still expires', async () => {
    const store = await open();
    await store.saveFeed(sampleFeed('nejm'));
    await store.putItems(sampleItems('nejm', 3));
    await store.setItemState('nejm-item-0', { read: true });
    await store.setItemState('nejm-item-1', { read: true });
    const asked: RetentionFacts[] = [];

    // Starred after the candidates were chosen, before the removal: it stays.
    const starring = store.setItemState('nejm-item-1', { starred: true });
    const removed = await store.removeItems(['nejm-item-0', 'nejm-item-1'], (facts) => {
      asked.push(facts);
      return !facts.starred;
    });
    await starring;

    expect(removed).toEqual(['nejm-item-0']);
    expect(asked).toEqual([
      {
        id: 'nejm-item-0',
        feedId: 'nejm',
        read: true,
        starred: false,
        datedAt: sampleItem('nejm', 0).publishedAt,
        copies: [{ itemId: 'nejm-item-0', feedId: 'nejm' }],
        hasPdf: false,
        discussedBy: 0,
      },
      expect.objectContaining({ id: 'nejm-item-1', starred: true }) as unknown,
    ]);
    expect(await store.getItem('nejm-item-1')).toMatchObject({ read: true, starred: true });
  });
});

describe('LowdbLibraryStore.retentionCandidates', () => {
  it('lists the read items older than their feed’s cut-off, with what the rules need', async () => {
    const store = await open();
    for (const feed of ['nejm', 'archive', 'social']) await store.saveFeed(sampleFeed(feed));
    const paperIds = { doi: '10.1056/nejmoa2107038', pmid: null, arxiv: null };
    await store.putItems([
      ...sampleItems('nejm', 30),
      sampleItem('nejm', 5, { paperIds }),
      ...sampleItems('archive', 3),
      // Colleagues' posts: one cites a paper the library holds, one a paper it does not.
      sampleItem('social', 1, { citations: ['doi:10.1056/nejmoa2107038'] }),
      sampleItem('social', 2, { citations: ['doi:10.1001/jama.2020.1'] }),
      // Undated: it counts from when Rounds stored it.
      sampleItem('social', 3, { publishedAt: null, fetchedAt: '2026-01-01T02:00:00.000Z' }),
    ]);
    for (const id of [
      'nejm-item-1',
      'nejm-item-5',
      'nejm-item-25',
      'archive-item-1',
      'social-item-1',
      'social-item-2',
      'social-item-3',
    ]) {
      await store.setItemState(id, { read: true });
    }

    const candidates = await store.retentionCandidates((feedId) =>
      feedId === 'archive' ? null : HOUR_20,
    );

    expect(candidates.map((candidate) => candidate.id).sort()).toEqual([
      'nejm-item-1',
      'nejm-item-5',
      'social-item-1',
      'social-item-2',
      'social-item-3',
    ]);
    const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
    expect(byId.get('nejm-item-5')).toMatchObject({ discussedBy: 1, citesStoredPaper: false });
    expect(byId.get('social-item-1')).toMatchObject({ discussedBy: 0, citesStoredPaper: true });
    expect(byId.get('social-item-2')).toMatchObject({ citesStoredPaper: false });
    expect(byId.get('social-item-3')).toMatchObject({ datedAt: '2026-01-01T02:00:00.000Z' });
  });
});
