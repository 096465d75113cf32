import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../services/library/SearchIndex';
import { LowdbLibraryStore, PROVISIONAL_ROWS } from './LowdbLibraryStore';
import { sampleFeed, sampleItem, sampleItems, temporaryDataDir } from './testing/sampleLibrary';

/** Holds the background load before its first feed folder until `release` is called. */
function loadGate(): { hold: () => Promise<void>; release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return { hold: () => released, release };
}

const PAPER = {
  authors: ['Ana Ruiz'],
  journal: 'NEJM',
  paperIds: { doi: '10.1056/nejmoa2400001', pmid: null, arxiv: null },
  relatedDoi: null,
  citations: [],
  media: [],
};

describe('LowdbLibraryStore.searchRows', () => {
  let dataDir: string;
  let removeDataDir: () => Promise<void>;
  const opened: LowdbLibraryStore[] = [];
  /** The hits an index would give for every item, best first: newest first here. */
  let hits: SearchHit[];

  async function open(hold?: () => Promise<void>): Promise<LowdbLibraryStore> {
    const store = await LowdbLibraryStore.open(
      dataDir,
      hold ? { beforeLoadingFeedFolder: hold } : {},
    );
    opened.push(store);
    return store;
  }

  beforeEach(async () => {
    ({ dir: dataDir, remove: removeDataDir } = await temporaryDataDir());
    const store = await open();
    await store.saveFeed(sampleFeed('nejm'));
    await store.saveFeed(sampleFeed('pubmed'));
    // One paper carried by two feeds, and two items that are not papers.
    await store.putItems([
      sampleItem('nejm', 5, { ...PAPER, title: 'Semaglutide in heart failure' }),
      sampleItem('pubmed', 4, { ...PAPER, title: 'Semaglutide in heart failure' }),
      sampleItem('nejm', 3, { title: 'Semaglutide and kidneys' }),
      sampleItem('pubmed', 2, { title: 'Semaglutide and appetite' }),
    ]);
    await store.setItemState('nejm-item-3', { read: true });
    const ids = ['nejm-item-5', 'pubmed-item-4', 'nejm-item-3', 'pubmed-item-2'];
    const searchable = new Map(
      (await store.searchableItems(ids)).map((item) => [item.record.id, item]),
    );
    hits = ids.map((id) => {
      const item = searchable.get(id);
      if (!item) throw new Error(`no ${id}`);
      return {
        id,
        feedId: item.record.feedId,
        paperKey: item.record.paperIds.doi ? `doi:${item.record.paperIds.doi}` : `item:${id}`,
        place: item.place,
      };
    });
    await store.close();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close().catch(() => {})));
    await removeDataDir();
  });

  it('answers before the library has loaded: a paper once, marks applied, rows read from their pieces', async () => {
    const gate = loadGate();
    const store = await open(gate.hold);

    const all = await store.searchRows(hits, { filter: 'all', offset: 0, limit: 10 });
    const unread = await store.searchRows(hits, { filter: 'unread', offset: 0, limit: 10 });
    const onePage = await store.searchRows(hits, { filter: 'all', offset: 1, limit: 1 });
    const oneFeed = await store.searchRows(hits, {
      feedId: 'pubmed',
      filter: 'all',
      offset: 0,
      limit: 10,
    });

    expect(all.provisional).toBe(true);
    expect(all.total).toBe(3);
    expect(all.rows.map((row) => [row.id, row.title, row.read])).toEqual([
      ['nejm-item-5', 'Semaglutide in heart failure', false],
      ['nejm-item-3', 'Semaglutide and kidneys', true],
      ['pubmed-item-2', 'Semaglutide and appetite', false],
    ]);
    expect(unread.rows.map((row) => row.id)).toEqual(['nejm-item-5', 'pubmed-item-2']);
    expect(onePage).toMatchObject({ total: 3, rows: [{ id: 'nejm-item-3' }] });
    expect(oneFeed.rows.map((row) => row.id)).toEqual(['pubmed-item-4', 'pubmed-item-2']);

    gate.release();
    await store.whenLoaded();
    const loaded = await store.searchRows(hits, { filter: 'all', offset: 0, limit: 10 });
    expect(loaded.provisional).toBe(false);
    expect(loaded.rows[0]?.copies.map((copy) => copy.feedId).sort()).toEqual(['nejm', 'pubmed']);
  });

  it('fills a screenful of a page before the load, and counts every match', async () => {
    const seeded = await open();
    const many = sampleItems('nejm', PROVISIONAL_ROWS + 10, 100);
    await seeded.putItems(many);
    const places = new Map(
      (await seeded.searchableItems(many.map((item) => item.id))).map((item) => [
        item.record.id,
        item.place,
      ]),
    );
    await seeded.close();
    const manyHits = many.map((item) => ({
      id: item.id,
      feedId: 'nejm',
      paperKey: `item:${item.id}`,
      place: places.get(item.id) ?? null,
    }));
    const gate = loadGate();
    const store = await open(gate.hold);

    const early = await store.searchRows(manyHits, { filter: 'all', offset: 0, limit: 100 });
    gate.release();
    await store.whenLoaded();
    const full = await store.searchRows(manyHits, { filter: 'all', offset: 0, limit: 100 });

    expect(early).toMatchObject({ provisional: true, total: PROVISIONAL_ROWS + 10 });
    expect(early.rows).toHaveLength(PROVISIONAL_ROWS);
    expect(full).toMatchObject({ provisional: false, total: PROVISIONAL_ROWS + 10 });
    expect(full.rows).toHaveLength(PROVISIONAL_ROWS + 10);
  });

  it('waits for the load when mute rules exist, since muting needs the records', async () => {
    const store = await open();
    await store.saveRules({
      muteRules: [
        {
          id: 'r',
          text: 'kidneys',
          feedId: null,
          field: 'title',
          createdAt: '2026-01-01T00:00:00.000Z',
        },
      ],
      savedSearches: [],
    });
    await store.close();
    const gate = loadGate();
    const reopened = await open(gate.hold);

    const answer = reopened.searchRows(hits, { filter: 'all', offset: 0, limit: 10 });
    gate.release();

    const { rows, provisional } = await answer;
    expect(provisional).toBe(false);
    expect(rows.map((row) => row.id)).not.toContain('nejm-item-3');
  });

  it('waits for the load when the index is behind the library (a hit its piece does not hold)', async () => {
    const gate = loadGate();
    const store = await open(gate.hold);
    const stale = [...hits.slice(0, 3), { ...hits[3], place: 99 } as SearchHit];

    const answer = store.searchRows(stale, { filter: 'all', offset: 0, limit: 10 });
    gate.release();

    const { rows, provisional } = await answer;
    expect(provisional).toBe(false);
    expect(rows.map((row) => row.id)).toContain('pubmed-item-2');
  });
});
