import type { ItemFilter } from '@shared/contract';
import {
  articleLinkKey,
  paperKeyOf,
  paperKeysOf,
  type PaperIds,
} from '@shared/domain/feeds/paperIdentity';
import type { ItemRecord, ItemStateRecord } from '@shared/domain/library/libraryDocuments';

/** An item as held in memory: its record (shared with its index shard) and the user's marks. */
export interface IndexedItem {
  record: ItemRecord;
  read: boolean;
  starred: boolean;
  /** Publication time in ms, or the fetch time when the feed gave no date. */
  newestKey: number;
  fetchedKey: number;
  /** The paper this item is a copy of (`doi:…`, `pmid:…`, `arxiv:…`), or null. */
  paperKey: string | null;
  /** A mute rule hides it: kept in the index, left out of every list and count. */
  muted: boolean;
}

interface MarkCounts {
  unread: number;
  starred: number;
  /** Muted items, which the other counts leave out. */
  muted: number;
}

function timeOf(iso: string | null): number {
  const time = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isFinite(time) ? time : 0;
}

/** Builds the in-memory form of an item. */
export function indexedItem(
  record: ItemRecord,
  state: ItemStateRecord,
  muted = false,
): IndexedItem {
  const fetchedKey = timeOf(record.fetchedAt);
  return {
    record,
    read: state.read,
    starred: state.starred,
    // An undated item sorts by when Rounds first saw it, so it appears among that day's news
    // instead of sinking below years of dated items.
    newestKey: record.publishedAt === null ? fetchedKey : timeOf(record.publishedAt),
    fetchedKey,
    // Records built by hand (tests, older callers) may lack paper fields: they are not papers.
    paperKey: record.paperIds ? paperKeyOf(record.paperIds) : null,
    muted,
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

/** The one of two copies of a paper that stands for it in the library: the first published. */
function standsForPaper(a: IndexedItem, b: IndexedItem): IndexedItem {
  return newestFirst(a, b) > 0 ? a : b;
}

/**
 * Every item of the library kept sorted newest first, overall and per feed, with unread and
 * starred counts, so a page of any list is a slice (or a short scan) rather than a sort of the
 * whole library. Items are changed in place by the store; call {@link remove} before changing
 * an item's dates, feed or identity and {@link add} after, and {@link marksChanged} after
 * changing its marks.
 *
 * One paper, one row: items sharing a paper key (the same DOI from a journal feed, a PubMed
 * search and a second journal) are listed once overall, as the copy published first; each feed's
 * own list keeps its copy. Posts that cite a paper are indexed by what they cite, so a paper's
 * discussions are found without scanning the library.
 */
export class NewestFirstItemIndex {
  /** One row per paper, and every item that is not a paper. */
  private all: IndexedItem[] = [];
  private readonly byFeed = new Map<string, IndexedItem[]>();
  private readonly feedCounts = new Map<string, MarkCounts>();
  /** Counts of the overall list's rows: a paper read in three feeds is one unread row less. */
  private readonly totals: MarkCounts = { unread: 0, starred: 0, muted: 0 };
  private readonly copies = new Map<string, IndexedItem[]>();
  private readonly rows = new Map<string, IndexedItem>();
  private readonly citedBy = new Map<string, Set<IndexedItem>>();
  private readonly preprintsOf = new Map<string, Set<IndexedItem>>();

  /** Adds items that are not in the index yet. */
  add(items: readonly IndexedItem[]): void {
    if (items.length === 0) return;
    const sorted = [...items].sort(newestFirst);
    const perFeed = new Map<string, IndexedItem[]>();
    const rowsIn = new Set<IndexedItem>();
    const rowsOut = new Set<IndexedItem>();
    for (const item of sorted) {
      const feedId = item.record.feedId;
      let list = perFeed.get(feedId);
      if (!list) perFeed.set(feedId, (list = []));
      list.push(item);
      this.countInFeed(item, 1);
      this.indexReferences(item, 1);

      const key = item.paperKey;
      if (key === null) {
        rowsIn.add(item);
        continue;
      }
      const copies = this.copies.get(key);
      const row = this.rows.get(key);
      if (!copies || !row) {
        this.copies.set(key, [item]);
        this.rows.set(key, item);
        rowsIn.add(item);
        continue;
      }
      copies.push(item);
      if (standsForPaper(item, row) === item) {
        this.rows.set(key, item);
        if (!rowsIn.delete(row)) rowsOut.add(row);
        rowsIn.add(item);
      }
    }
    for (const [feedId, list] of perFeed) {
      this.byFeed.set(feedId, mergeSorted(this.byFeed.get(feedId) ?? [], list));
    }
    this.replaceRows(rowsOut, [...rowsIn]);
  }

  /** Removes items (matched by identity) that are in the index. */
  remove(items: readonly IndexedItem[]): void {
    if (items.length === 0) return;
    const removed = new Set(items);
    const rowsOut = new Set<IndexedItem>();
    const rowsIn: IndexedItem[] = [];
    const papers = new Set<string>();
    for (const item of items) {
      this.countInFeed(item, -1);
      this.indexReferences(item, -1);
      if (item.paperKey === null) rowsOut.add(item);
      else papers.add(item.paperKey);
    }
    for (const key of papers) {
      const row = this.rows.get(key);
      const remaining = (this.copies.get(key) ?? []).filter((copy) => !removed.has(copy));
      if (row && removed.has(row)) rowsOut.add(row);
      if (remaining.length === 0) {
        this.copies.delete(key);
        this.rows.delete(key);
        continue;
      }
      this.copies.set(key, remaining);
      const next = remaining.reduce(standsForPaper);
      if (next !== row) {
        this.rows.set(key, next);
        rowsIn.push(next);
      }
    }
    this.replaceRows(rowsOut, rowsIn);

    const feeds = new Set(items.map((item) => item.record.feedId));
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
    const previous = { ...item, read: before.read, starred: before.starred };
    this.countInFeed(previous, -1);
    this.countInFeed(item, 1);
    if (this.isRow(item)) {
      this.countRow(previous, -1);
      this.countRow(item, 1);
    }
  }

  /**
   * One page of a list, and how many items the whole list has. Muted items are never listed;
   * `matches`, when given, keeps only the items it accepts (a search: the whole list is scanned
   * to count them).
   */
  query(query: {
    feedId?: string | undefined;
    filter: ItemFilter;
    offset: number;
    limit: number;
    matches?: ((item: IndexedItem) => boolean) | undefined;
    /** Oldest first instead of newest first. */
    oldestFirst?: boolean | undefined;
  }): { items: IndexedItem[]; total: number } {
    const { feedId, filter, matches, oldestFirst = false } = query;
    const offset = Math.max(0, query.offset);
    const limit = Math.max(0, query.limit);
    const source = feedId === undefined ? this.all : (this.byFeed.get(feedId) ?? []);
    const counts = feedId === undefined ? this.totals : this.feedCounts.get(feedId);
    const muted = counts?.muted ?? 0;
    if (filter === 'all' && muted === 0 && !matches) {
      const page = oldestFirst
        ? source
            .slice(Math.max(0, source.length - offset - limit), source.length - offset)
            .reverse()
        : source.slice(offset, offset + limit);
      return { items: page, total: source.length };
    }
    const items: IndexedItem[] = [];
    let seen = 0;
    for (const item of oldestFirst ? reversed(source) : source) {
      // Without a search the total is known from the counts, so the scan stops at the page's end.
      if (!matches && items.length >= limit) break;
      if (item.muted) continue;
      if (filter === 'unread' ? item.read : filter === 'starred' && !item.starred) continue;
      if (matches && !matches(item)) continue;
      if (seen >= offset && items.length < limit) items.push(item);
      seen += 1;
    }
    if (matches) return { items, total: seen };
    const total =
      filter === 'all'
        ? source.length - muted
        : filter === 'unread'
          ? (counts?.unread ?? 0)
          : (counts?.starred ?? 0);
    return { items, total };
  }

  /**
   * The unread items a list shows (the overall list's rows, or one feed's items), muted ones left
   * out, that `keep` accepts: what "mark all as read" marks. Copies of each paper follow through
   * PaperMarks, so a paper standing once in the overall list is marked in every feed.
   */
  unreadIn(feedId: string | undefined, keep: (item: IndexedItem) => boolean): IndexedItem[] {
    const source = feedId === undefined ? this.all : (this.byFeed.get(feedId) ?? []);
    return source.filter((item) => !item.read && !item.muted && keep(item));
  }

  /** How many items a mute rule hides from one feed's list, or from the overall list's rows. */
  mutedIn(feedId: string | undefined): number {
    return (feedId === undefined ? this.totals : this.feedCounts.get(feedId))?.muted ?? 0;
  }

  /** Item and unread counts of one feed, muted items left out. */
  countsOf(feedId: string): { total: number; unread: number } {
    const counts = this.feedCounts.get(feedId);
    return {
      total: (this.byFeed.get(feedId)?.length ?? 0) - (counts?.muted ?? 0),
      unread: counts?.unread ?? 0,
    };
  }

  /** Every feed that has items in the index. */
  feedIds(): string[] {
    return [...this.byFeed.keys()];
  }

  /**
   * How many rows the overall list has for each filter, muted items left out: the counts a query
   * with no feed and no search totals, read from the running counts instead of a scan.
   */
  overallCounts(): { all: number; unread: number; starred: number } {
    return {
      all: this.all.length - this.totals.muted,
      unread: this.totals.unread,
      starred: this.totals.starred,
    };
  }

  /** Mutes or unmutes an item, keeping the counts right. */
  setMuted(item: IndexedItem, muted: boolean): void {
    if (item.muted === muted) return;
    const isRow = this.isRow(item);
    this.countInFeed(item, -1);
    if (isRow) this.countRow(item, -1);
    item.muted = muted;
    this.countInFeed(item, 1);
    if (isRow) this.countRow(item, 1);
  }

  /**
   * Every copy of the paper an item is, in the order they were published (so the one standing
   * for it comes first); just the item when it is not a paper.
   */
  copiesOf(item: IndexedItem): IndexedItem[] {
    const key = item.paperKey;
    const copies = key === null ? undefined : this.copies.get(key);
    if (!copies || key === null) return [item];
    const row = this.rows.get(key) ?? item;
    return [row, ...copies.filter((copy) => copy !== row).sort((a, b) => newestFirst(b, a))];
  }

  /** Paper keys shared by more than one item: the papers whose copies share marks. */
  *papersWithSeveralCopies(): Generator<IndexedItem[]> {
    for (const copies of this.copies.values()) if (copies.length > 1) yield copies;
  }

  /**
   * The posts that cite an item's paper (by any of its copies' identifiers or addresses), newest
   * first. Empty for an item that is itself a post citing something.
   */
  discussionsOf(item: IndexedItem): IndexedItem[] {
    if (item.record.citations?.length) return [];
    const copies = this.copiesOf(item);
    const found = new Set<IndexedItem>();
    for (const copy of copies) {
      for (const key of citableKeysOf(copy.record)) {
        for (const post of this.citedBy.get(key) ?? []) found.add(post);
      }
    }
    for (const copy of copies) found.delete(copy);
    return [...found].sort(newestFirst);
  }

  /**
   * How many colleagues discuss an item's paper: posts counted once per feed and author, so one
   * person posting twice is one colleague.
   */
  colleaguesDiscussing(item: IndexedItem): number {
    const colleagues = new Set<string>();
    for (const post of this.discussionsOf(item)) {
      colleagues.add(`${post.record.feedId}\n${post.record.author ?? ''}`);
    }
    return colleagues.size;
  }

  /** The row standing for the paper with this DOI, if the library has it. */
  paperWithDoi(doi: string): IndexedItem | undefined {
    return this.rows.get(`doi:${doi}`);
  }

  /** Preprints whose publisher says this DOI is their published version. */
  preprintsPublishedAs(doi: string): IndexedItem[] {
    return [...(this.preprintsOf.get(doi) ?? [])].sort(newestFirst);
  }

  private isRow(item: IndexedItem): boolean {
    return item.paperKey === null || this.rows.get(item.paperKey) === item;
  }

  private replaceRows(rowsOut: ReadonlySet<IndexedItem>, rowsIn: readonly IndexedItem[]): void {
    if (rowsOut.size > 0) {
      this.all = this.all.filter((item) => !rowsOut.has(item));
      for (const row of rowsOut) this.countRow(row, -1);
    }
    for (const row of rowsIn) this.countRow(row, 1);
    this.all = mergeSorted(this.all, [...rowsIn].sort(newestFirst));
  }

  private indexReferences(item: IndexedItem, sign: 1 | -1): void {
    const { citations, relatedDoi } = item.record;
    const entries: [Map<string, Set<IndexedItem>>, string][] = (citations ?? []).map((key) => [
      this.citedBy,
      key,
    ]);
    if (relatedDoi) entries.push([this.preprintsOf, relatedDoi]);
    for (const [map, key] of entries) {
      let set = map.get(key);
      if (sign === 1) {
        if (!set) map.set(key, (set = new Set()));
        set.add(item);
      } else if (set?.delete(item) && set.size === 0) {
        map.delete(key);
      }
    }
  }

  private countInFeed(item: IndexedItem, sign: 1 | -1): void {
    const feedId = item.record.feedId;
    let counts = this.feedCounts.get(feedId);
    if (!counts) this.feedCounts.set(feedId, (counts = { unread: 0, starred: 0, muted: 0 }));
    addToCounts(counts, item, sign);
  }

  private countRow(item: IndexedItem, sign: 1 | -1): void {
    addToCounts(this.totals, item, sign);
  }
}

function addToCounts(counts: MarkCounts, item: IndexedItem, sign: 1 | -1): void {
  if (item.muted) {
    counts.muted += sign;
    return;
  }
  counts.unread += item.read ? 0 : sign;
  counts.starred += item.starred ? sign : 0;
}

/** The keys a post may cite an item by: its identifiers and its address. */
function citableKeysOf(record: ItemRecord): string[] {
  const keys = record.paperIds ? paperKeysOf(record.paperIds as PaperIds) : [];
  const linkKey = record.link === null ? null : articleLinkKey(record.link);
  if (linkKey !== null) keys.push(linkKey);
  return keys;
}

/** The items of a list from its end, without copying it. */
function* reversed<T>(list: readonly T[]): Generator<T> {
  for (let index = list.length - 1; index >= 0; index -= 1) yield list[index] as T;
}
