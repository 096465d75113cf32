import type { ItemPage, ItemSummary, Result } from '@shared/contract';
import { describe, expect, it } from 'vitest';
import { ItemPager, indexOfItem, itemAtIndex } from './ItemPager';

/** A small in-memory library answering `library.list` the way the backend does. */
class InMemoryLibrary {
  readonly items: ItemSummary[];
  readonly requests: Array<{ offset: number; limit: number }> = [];
  failNext: string | null = null;
  private held: Array<() => void> | null = null;

  constructor(count: number) {
    this.items = Array.from({ length: count }, (_, index) => summary(`item-${index}`));
  }

  /** Answers for the `unread` filter (or every item), newest first. */
  loader(filter: 'all' | 'unread') {
    return async (offset: number, limit: number): Promise<Result<ItemPage, string>> => {
      this.requests.push({ offset, limit });
      if (this.held) await new Promise<void>((resolve) => this.held?.push(resolve));
      if (this.failNext !== null) {
        const message = this.failNext;
        this.failNext = null;
        return { ok: false, code: 'internal', message };
      }
      const matching = this.items.filter((item) => filter === 'all' || !item.read);
      return {
        ok: true,
        value: {
          items: matching.slice(offset, offset + limit).map((item) => ({ ...item })),
          total: matching.length,
          offset,
        },
      };
    };
  }

  markRead(id: string): void {
    const item = this.items.find((candidate) => candidate.id === id);
    if (item) item.read = true;
  }

  /** Holds answers back until `release`, to let a test act while a load is on its way. */
  hold(): void {
    this.held = [];
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = null;
    for (const resolve of waiting) resolve();
  }
}

function summary(id: string): ItemSummary {
  return {
    id,
    feedId: 'feed-1',
    title: `Title of ${id}`,
    link: `https://example.org/${id}`,
    author: null,
    publishedAt: '2025-03-01T00:00:00.000Z',
    excerpt: '',
    read: false,
    starred: false,
    authors: [],
    journal: null,
    paperIds: { doi: null, pmid: null, arxiv: null },
    sources: [{ itemId: id, feedId: 'feed-1', feedTitle: 'Feed 1', link: null }],
    discussedBy: 0,
    pdf: null,
  };
}

async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

function titlesOf(pager: ItemPager, start: number, end: number): Array<string | undefined> {
  const snapshot = pager.getSnapshot();
  return Array.from(
    { length: end - start },
    (_, offset) => itemAtIndex(snapshot, start + offset)?.id,
  );
}

describe('ItemPager', () => {
  it('loads only the pages under the requested rows, each once', async () => {
    const library = new InMemoryLibrary(1_000);
    const pager = new ItemPager(library.loader('all'), 100);

    pager.request({ start: 0, end: 20 });
    pager.request({ start: 0, end: 20 });
    await settle();
    pager.request({ start: 190, end: 230 });
    pager.request({ start: 195, end: 235 });
    await settle();

    expect(library.requests).toEqual([
      { offset: 0, limit: 100 },
      { offset: 100, limit: 100 },
      { offset: 200, limit: 100 },
    ]);
    const snapshot = pager.getSnapshot();
    expect(snapshot.total).toBe(1_000);
    expect(itemAtIndex(snapshot, 250)?.id).toBe('item-250');
    expect(itemAtIndex(snapshot, 350)).toBeUndefined();
    expect(indexOfItem(snapshot, 'item-123')).toBe(123);
    expect(indexOfItem(snapshot, 'item-999')).toBe(-1);
  });

  it('does not skip unread items that moved up after the user read some above them', async () => {
    const library = new InMemoryLibrary(30);
    const pager = new ItemPager(library.loader('unread'), 10);
    pager.request({ start: 0, end: 10 });
    await settle();

    for (const id of ['item-2', 'item-5', 'item-7']) {
      library.markRead(id);
      pager.setMembership(id, false);
    }
    pager.request({ start: 10, end: 20 });
    await settle();

    // The rows the user already saw stay put, and the next page continues exactly after them.
    expect(titlesOf(pager, 0, 20)).toEqual(
      Array.from({ length: 20 }, (_, index) => `item-${index}`),
    );
    expect(pager.getSnapshot().total).toBe(30);
  });

  it('counts an item marked unread again as back in the list', async () => {
    const library = new InMemoryLibrary(30);
    const pager = new ItemPager(library.loader('unread'), 10);
    pager.request({ start: 0, end: 10 });
    await settle();

    library.markRead('item-4');
    pager.setMembership('item-4', false);
    const item = library.items[4];
    if (item) item.read = false;
    pager.setMembership('item-4', true);
    pager.request({ start: 10, end: 20 });
    await settle();

    expect(titlesOf(pager, 10, 12)).toEqual(['item-10', 'item-11']);
  });

  it('retries a page whose offset changed while it was loading', async () => {
    const library = new InMemoryLibrary(30);
    const pager = new ItemPager(library.loader('unread'), 10);
    pager.request({ start: 0, end: 10 });
    await settle();

    library.hold();
    pager.request({ start: 10, end: 20 });
    library.markRead('item-3');
    pager.setMembership('item-3', false);
    library.release();
    await settle();

    expect(titlesOf(pager, 10, 20)).toEqual(
      Array.from({ length: 10 }, (_, index) => `item-${10 + index}`),
    );
  });

  it('keeps the current rows on screen during a reload, then shows the fresh list', async () => {
    const library = new InMemoryLibrary(15);
    const pager = new ItemPager(library.loader('all'), 10);
    pager.request({ start: 0, end: 15 });
    await settle();

    library.items.unshift(summary('new-1'), summary('new-2'));
    library.hold();
    const reloading = pager.reload();
    await settle();
    expect(itemAtIndex(pager.getSnapshot(), 0)?.id).toBe('item-0');

    library.release();
    await reloading;
    await settle();
    expect(titlesOf(pager, 0, 3)).toEqual(['new-1', 'new-2', 'item-0']);
    expect(itemAtIndex(pager.getSnapshot(), 16)?.id).toBe('item-14');
    expect(pager.getSnapshot().total).toBe(17);
  });

  it('drops answers to requests made before a reload', async () => {
    const library = new InMemoryLibrary(15);
    const pager = new ItemPager(library.loader('all'), 10);
    library.hold();
    pager.request({ start: 0, end: 5 });
    await settle();
    library.items.unshift(summary('new-1'));
    const reloading = pager.reload();
    library.release();
    await reloading;
    await settle();

    expect(itemAtIndex(pager.getSnapshot(), 0)?.id).toBe('new-1');
  });

  it('reports a failed load and tries again on the next request', async () => {
    const library = new InMemoryLibrary(15);
    const pager = new ItemPager(library.loader('all'), 10);
    library.failNext = 'The library could not be read.';
    pager.request({ start: 0, end: 5 });
    await settle();
    expect(pager.getSnapshot().error).toBe('The library could not be read.');
    expect(pager.getSnapshot().total).toBeNull();

    pager.request({ start: 0, end: 5 });
    await settle();
    expect(pager.getSnapshot().error).toBeNull();
    expect(itemAtIndex(pager.getSnapshot(), 0)?.id).toBe('item-0');
  });

  it('loads the page of a row the keyboard moves to before it is scrolled into view', async () => {
    const library = new InMemoryLibrary(300);
    const pager = new ItemPager(library.loader('all'), 100);
    pager.request({ start: 0, end: 20 });
    await settle();

    const item = await pager.loadItemAt(100);

    expect(item?.id).toBe('item-100');
  });

  it('asks for nothing more once it knows the list is empty', async () => {
    const library = new InMemoryLibrary(0);
    const pager = new ItemPager(library.loader('all'), 100);
    pager.request({ start: 0, end: 20 });
    await settle();
    pager.request({ start: 0, end: 20 });
    await settle();

    expect(pager.getSnapshot().total).toBe(0);
    expect(library.requests).toHaveLength(1);
  });
});
