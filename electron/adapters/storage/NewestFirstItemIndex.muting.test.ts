import { describe, expect, it } from 'vitest';
import { indexedItem, NewestFirstItemIndex, type IndexedItem } from './NewestFirstItemIndex';
import { idsOf, itemRecord, januaryDay } from './testing/indexedRecords';

describe('NewestFirstItemIndex muting', () => {
  const unread = { read: false, starred: false };

  function library() {
    const index = new NewestFirstItemIndex();
    const items = [1, 2, 3, 4, 5].map((day) =>
      indexedItem(itemRecord(`d${day}`, 'f', januaryDay(day)), unread),
    );
    index.add(items);
    return { index, byId: new Map(items.map((item) => [item.record.id, item])) };
  }

  it('leaves muted items out of pages, totals and counts', () => {
    const { index, byId } = library();
    index.setMuted(byId.get('d4') as IndexedItem, true);
    index.setMuted(byId.get('d2') as IndexedItem, true);

    const page = index.query({ filter: 'all', offset: 1, limit: 2 });
    expect(idsOf(page.items)).toEqual(['d3', 'd1']);
    expect(page.total).toBe(3);
    expect(index.query({ feedId: 'f', filter: 'unread', offset: 0, limit: 10 }).total).toBe(3);
    expect(index.countsOf('f')).toEqual({ total: 3, unread: 3 });
  });

  it('restores counts when unmuted, and ignores repeated calls', () => {
    const { index, byId } = library();
    const item = byId.get('d5') as IndexedItem;
    index.setMuted(item, true);
    index.setMuted(item, true);
    index.setMuted(item, false);
    index.setMuted(item, false);
    expect(index.countsOf('f')).toEqual({ total: 5, unread: 5 });
    expect(idsOf(index.query({ filter: 'all', offset: 0, limit: 1 }).items)).toEqual(['d5']);
  });

  it('keeps counts right when a muted item is removed', () => {
    const { index, byId } = library();
    const item = byId.get('d3') as IndexedItem;
    index.setMuted(item, true);
    index.remove([item]);
    expect(index.countsOf('f')).toEqual({ total: 4, unread: 4 });
  });

  it('counts only matching items when a search predicate is given', () => {
    const { index, byId } = library();
    index.setMuted(byId.get('d1') as IndexedItem, true);
    const odd = (item: IndexedItem) => Number(item.record.id.slice(1)) % 2 === 1;
    const page = index.query({ filter: 'all', offset: 0, limit: 1, matches: odd });
    expect(idsOf(page.items)).toEqual(['d5']);
    expect(page.total).toBe(2);
  });
});
