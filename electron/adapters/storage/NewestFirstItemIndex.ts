import type { ItemFilter } from '@shared/contract';
import type { ItemRecord, ItemStateRecord } from '@shared/domain/library/libraryDocuments';

/** An item as held in memory: its record (shared with its index shard) and the user's marks. */
export interface IndexedItem {
  record: ItemRecord;
  read: boolean;
  starred: boolean;
  /** Publication time in ms, or the fetch time when the feed gave no date. */
  newestKey: number;
  fetchedKey: number;
}

interface MarkCounts {
  unread: number;
  starred: number;
}

function timeOf(iso: string | null): number {
  const time = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isFinite(time) ? time : 0;
}

/** Builds the in-memory form of an item. */
export function indexedItem(record: ItemRecord, state: ItemStateRecord): IndexedItem {
  const fetchedKey = timeOf(record.fetchedAt);
  return {
    record,
    read: state.read,
    starred: state.starred,
    // An undated item sorts by when Rounds first saw it, so it appears among that day's news
    // instead of sinking below years of dated items.
    newestKey: record.publishedAt === null ? fetchedKey : timeOf(record.publishedAt),
    fetchedKey,
  };
}

/** Newest first by publication, then by fetch time; the id makes the order total so pages never overlap. */
function newestFirst(a: IndexedItem, b: IndexedItem): number {
  return (
    b.newestKey - a.newestKey ||
    b.fetchedKey - a.fetchedKey ||
    (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0)
  );
}

function mergeSorted(existing: IndexedItem[], added: IndexedItem[]): IndexedItem[] {
  if (added.length === 0) return existing;
  if (existing.length === 0) return added;
  const merged = new Array<IndexedItem>(existing.length + added.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < existing.length && j < added.length) {
    const left = existing[i] as IndexedItem;
    const right = added[j] as IndexedItem;
    if (newestFirst(left, right) <= 0) {
      merged[k++] = left;
      i += 1;
    } else {
      merged[k++] = right;
      j += 1;
    }
  }
  while (i < existing.length) merged[k++] = existing[i++] as IndexedItem;
  while (j < added.length) merged[k++] = added[j++] as IndexedItem;
  return merged;
}

/**
 * Every item of the library kept sorted newest first, overall and per feed, with unread and
 * starred counts, so a page of any list is a slice (or a short scan) rather than a sort of the
 * whole library. Items are changed in place by the store; call {@link remove} before changing
 * an item's dates or feed and {@link add} after, and {@link marksChanged} after changing its marks.
 */
export class NewestFirstItemIndex {
  private all: IndexedItem[] = [];
  private readonly byFeed = new Map<string, IndexedItem[]>();
  private readonly feedCounts = new Map<string, MarkCounts>();
  private readonly totals: MarkCounts = { unread: 0, starred: 0 };

  /** Adds items that are not in the index yet. */
  add(items: readonly IndexedItem[]): void {
    if (items.length === 0) return;
    const sorted = [...items].sort(newestFirst);
    this.all = mergeSorted(this.all, sorted);
    const perFeed = new Map<string, IndexedItem[]>();
    for (const item of sorted) {
      const feedId = item.record.feedId;
      let list = perFeed.get(feedId);
      if (!list) perFeed.set(feedId, (list = []));
      list.push(item);
      this.count(item, 1);
    }
    for (const [feedId, list] of perFeed) {
      this.byFeed.set(feedId, mergeSorted(this.byFeed.get(feedId) ?? [], list));
    }
  }

  /** Removes items (matched by identity) that are in the index. */
  remove(items: readonly IndexedItem[]): void {
    if (items.length === 0) return;
    const removed = new Set(items);
    this.all = this.all.filter((item) => !removed.has(item));
    const feeds = new Set(items.map((item) => item.record.feedId));
    for (const item of items) this.count(item, -1);
    for (const feedId of feeds) {
      const remaining = (this.byFeed.get(feedId) ?? []).filter((item) => !removed.has(item));
      if (remaining.length > 0) {
        this.byFeed.set(feedId, remaining);
      } else {
        this.byFeed.delete(feedId);
        this.feedCounts.delete(feedId);
      }
    }
  }

  /** Removes every item of a feed and returns them. */
  removeFeed(feedId: string): IndexedItem[] {
    const items = this.byFeed.get(feedId) ?? [];
    this.remove(items);
    return items;
  }

  /** Updates the counts after an item's marks changed from `before` to its current marks. */
  marksChanged(item: IndexedItem, before: ItemStateRecord): void {
    this.count({ ...item, read: before.read, starred: before.starred }, -1);
    this.count(item, 1);
  }

  /** One page of a list, and how many items the whole list has. */
  query(query: {
    feedId?: string | undefined;
    filter: ItemFilter;
    offset: number;
    limit: number;
  }): { items: IndexedItem[]; total: number } {
    const { feedId, filter } = query;
    const offset = Math.max(0, query.offset);
    const limit = Math.max(0, query.limit);
    const source = feedId === undefined ? this.all : (this.byFeed.get(feedId) ?? []);
    if (filter === 'all')
      return { items: source.slice(offset, offset + limit), total: source.length };
    const counts = feedId === undefined ? this.totals : this.feedCounts.get(feedId);
    const total = filter === 'unread' ? (counts?.unread ?? 0) : (counts?.starred ?? 0);
    const items: IndexedItem[] = [];
    let skipped = 0;
    for (const item of source) {
      if (items.length >= limit) break;
      if (filter === 'unread' ? item.read : !item.starred) continue;
      if (skipped < offset) skipped += 1;
      else items.push(item);
    }
    return { items, total };
  }

  /** Item and unread counts of one feed. */
  countsOf(feedId: string): { total: number; unread: number } {
    return {
      total: this.byFeed.get(feedId)?.length ?? 0,
      unread: this.feedCounts.get(feedId)?.unread ?? 0,
    };
  }

  private count(item: IndexedItem, sign: 1 | -1): void {
    const feedId = item.record.feedId;
    let counts = this.feedCounts.get(feedId);
    if (!counts) this.feedCounts.set(feedId, (counts = { unread: 0, starred: 0 }));
    const unread = item.read ? 0 : sign;
    const starred = item.starred ? sign : 0;
    counts.unread += unread;
    counts.starred += starred;
    this.totals.unread += unread;
    this.totals.starred += starred;
  }
}
