import { describe, expect, it } from 'vitest';
import type { ItemRecord } from '@shared/domain/library/libraryDocuments';
import { indexedItem, NewestFirstItemIndex, type IndexedItem } from './NewestFirstItemIndex';

function record(
  id: string,
  feedId: string,
  publishedAt: string | null,
  fetchedAt = '2026-01-01T00:00:00.000Z',
): ItemRecord {
  return {
    id,
    feedId,
    guid: id,
    title: id,
    link: null,
    author: null,
    publishedAt,
    excerpt: '',
    fetchedAt,
  };
}

function ids(items: IndexedItem[]): string[] {
  return items.map((item) => item.record.id);
}

describe('NewestFirstItemIndex', () => {
  const unmarked = { read: false, starred: false };

  it('orders by publication, then fetch time, and places undated items by fetch time', () => {
    const index = new NewestFirstItemIndex();
    index.add([
      indexedItem(record('old', 'f', '2026-01-01T00:00:00.000Z'), unmarked),
      indexedItem(record('new', 'f', '2026-03-01T00:00:00.000Z'), unmarked),
      indexedItem(
        record('same-later-fetch', 'f', '2026-02-01T00:00:00.000Z', '2026-02-03T00:00:00.000Z'),
        unmarked,
      ),
      indexedItem(
        record('same-early-fetch', 'f', '2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z'),
        unmarked,
      ),
      indexedItem(record('undated', 'f', null, '2026-02-15T00:00:00.000Z'), unmarked),
    ]);
    expect(ids(index.query({ filter: 'all', offset: 0, limit: 10 }).items)).toEqual([
      'new',
      'undated',
      'same-later-fetch',
      'same-early-fetch',
      'old',
    ]);
  });

  it('merges later additions into the order and pages without overlap', () => {
    const index = new NewestFirstItemIndex();
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString();
    index.add([0, 2, 4, 6].map((n) => indexedItem(record(`d${n}`, 'f', day(n)), unmarked)));
    index.add([1, 3, 5].map((n) => indexedItem(record(`d${n}`, 'g', day(n)), unmarked)));
    const first = index.query({ filter: 'all', offset: 0, limit: 4 });
    const second = index.query({ filter: 'all', offset: 4, limit: 4 });
    expect(ids(first.items)).toEqual(['d6', 'd5', 'd4', 'd3']);
    expect(ids(second.items)).toEqual(['d2', 'd1', 'd0']);
    expect(first.total).toBe(7);
    expect(ids(index.query({ feedId: 'g', filter: 'all', offset: 1, limit: 5 }).items)).toEqual([
      'd3',
      'd1',
    ]);
  });

  it('filters unread and starred with totals that follow mark changes', () => {
    const index = new NewestFirstItemIndex();
    const items = [1, 2, 3, 4].map((n) =>
      indexedItem(
        record(`i${n}`, n % 2 === 0 ? 'even' : 'odd', `2026-01-0${n}T00:00:00.000Z`),
        unmarked,
      ),
    );
    index.add(items);
    const [i1, i2, , i4] = items as [IndexedItem, IndexedItem, IndexedItem, IndexedItem];
    for (const item of [i2, i4]) {
      item.read = true;
      index.marksChanged(item, unmarked);
    }
    i1.starred = true;
    index.marksChanged(i1, unmarked);

    expect(ids(index.query({ filter: 'unread', offset: 0, limit: 10 }).items)).toEqual([
      'i3',
      'i1',
    ]);
    expect(index.query({ filter: 'unread', offset: 1, limit: 10 })).toMatchObject({ total: 2 });
    expect(ids(index.query({ filter: 'unread', offset: 1, limit: 10 }).items)).toEqual(['i1']);
    expect(ids(index.query({ filter: 'starred', offset: 0, limit: 10 }).items)).toEqual(['i1']);
    expect(index.query({ feedId: 'even', filter: 'unread', offset: 0, limit: 10 })).toEqual({
      items: [],
      total: 0,
    });
    expect(index.countsOf('odd')).toEqual({ total: 2, unread: 2 });
    expect(index.countsOf('even')).toEqual({ total: 2, unread: 0 });
  });

  it('forgets a removed feed entirely', () => {
    const index = new NewestFirstItemIndex();
    index.add([
      indexedItem(record('a', 'f', null), unmarked),
      indexedItem(record('b', 'g', null), unmarked),
    ]);
    expect(ids(index.removeFeed('f'))).toEqual(['a']);
    expect(index.countsOf('f')).toEqual({ total: 0, unread: 0 });
    expect(index.query({ filter: 'unread', offset: 0, limit: 10 }).total).toBe(1);
  });
});
