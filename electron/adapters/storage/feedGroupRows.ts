import type { ItemFilter } from '@shared/contract';
import type { SearchHit } from '../../services/library/SearchIndex';
import type { IndexedItem, NewestFirstItemIndex } from './NewestFirstItemIndex';

// A feed group is the feeds of a folder (with its sub-folders) or of a tag. Its list works like
// the overall list narrowed to those feeds: a paper carried by two of them is one row, standing
// at the place of its first published copy among them. It is worked out when asked rather than
// kept up to date, since folders and tags change far less often than they are read, and a
// group's items are a slice of the library.

/**
 * The copy that stands for an item's paper within a group: its first published copy among the
 * group's feeds (the item itself when it is not a paper).
 */
export function standInWithin(
  list: NewestFirstItemIndex,
  item: IndexedItem,
  group: ReadonlySet<string>,
): IndexedItem {
  if (item.paperKey === null) return item;
  // Copies come first published first, so the first one in the group stands for the paper there.
  return list.copiesOf(item).find((copy) => group.has(copy.record.feedId)) ?? item;
}

/**
 * The rows of a group's list, newest first, before any filter: one per paper and per other item.
 * Muted items are left out, and a paper whose standing copy is muted too, as overall.
 */
export function feedGroupRows(
  list: NewestFirstItemIndex,
  feedIds: readonly string[],
): IndexedItem[] {
  const group = new Set(feedIds);
  const rows: IndexedItem[] = [];
  for (const feedId of group) {
    const { items } = list.query({
      feedId,
      filter: 'all',
      offset: 0,
      limit: Number.MAX_SAFE_INTEGER,
    });
    for (const item of items) if (standInWithin(list, item, group) === item) rows.push(item);
  }
  return rows.sort(newestFirst);
}

/**
 * Of these search hits (best first), the group's rows in the same order: each paper once, at its
 * best hit among the group's copies; muted rows and those the filter leaves out dropped.
 */
export function feedGroupSearchRows(
  list: NewestFirstItemIndex,
  itemOf: (id: string) => IndexedItem | undefined,
  hits: readonly SearchHit[],
  scope: { feedIds: readonly string[]; filter: ItemFilter },
): IndexedItem[] {
  const group = new Set(scope.feedIds);
  const seen = new Set<IndexedItem>();
  const rows: IndexedItem[] = [];
  for (const hit of hits) {
    const item = itemOf(hit.id);
    if (!item || !group.has(item.record.feedId)) continue;
    const row = standInWithin(list, item, group);
    if (seen.has(row) || row.muted) continue;
    seen.add(row);
    if (passesFilter(row, scope.filter)) rows.push(row);
  }
  return rows;
}

/** Whether a row belongs in a list with this filter. */
export function passesFilter(item: IndexedItem, filter: ItemFilter): boolean {
  return filter === 'unread' ? !item.read : filter === 'starred' ? item.starred : true;
}

/** The index's own order (see NewestFirstItemIndex): publication, then fetch time, then id. */
function newestFirst(a: IndexedItem, b: IndexedItem): number {
  return (
    b.newestKey - a.newestKey ||
    b.fetchedKey - a.fetchedKey ||
    (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0)
  );
}
