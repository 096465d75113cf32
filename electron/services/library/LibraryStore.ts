import type { ItemFilter, RuleSet, StorageNotice } from '@shared/contract';
import type {
  FeedRecord,
  ItemRecord,
  ItemStateRecord,
} from '@shared/domain/library/libraryDocuments';
import type { RetentionCandidate, RetentionFacts } from '@shared/domain/retention/retentionRules';
import type { SearchHit } from './SearchIndex';

/**
 * A subscription as stored, with the validators that make the next fetch conditional. The record
 * shapes are the documents' own (shared/domain/library), so the port and the files cannot drift.
 */
export type StoredFeed = FeedRecord;

/** What says an item is a paper, or a post about one: left out, the item is neither. */
type PaperFields = 'authors' | 'journal' | 'paperIds' | 'relatedDoi' | 'citations' | 'media';

/** Fetched content of one item: replaced by a later fetch, never edited by the user. */
export interface StoredItem
  extends Omit<ItemRecord, PaperFields>, Partial<Pick<ItemRecord, PaperFields>> {
  /** Sanitised HTML. */
  contentHtml: string;
}

/** The user's own state for one item: kept apart from fetched content. */
export type ItemState = ItemStateRecord;

/** One feed's copy of a paper. */
export interface PaperCopy {
  itemId: string;
  feedId: string;
  link: string | null;
}

/** An item without its content, with the user's state: what lists need. */
export type ItemRow = ItemRecord &
  ItemState & {
    /** Every feed's copy of the same paper in order of publication; just this item otherwise. */
    copies: PaperCopy[];
    /** Colleagues whose posts cite this paper (one per feed and author). */
    discussedBy: number;
  };

/** The other version of a paper, as its publisher names it. */
export interface LinkedVersion {
  /** `published-version` when this item is the preprint, `preprint` when it is the journal's. */
  relation: 'published-version' | 'preprint';
  /** The other version's DOI; null for an arXiv preprint known only by its arXiv id. */
  doi: string | null;
  /** The other version in the library, when it is there. */
  row: ItemRow | null;
}

/** One item with everything the reader shows. */
export type ItemDetailRow = ItemRow & {
  /** Sanitised HTML. */
  contentHtml: string;
  /** Posts citing this paper, newest first. */
  discussions: ItemRow[];
  linkedVersion: LinkedVersion | null;
};

/**
 * Which items to list: newest first (publishedAt, then fetchedAt); a paper once overall; muted
 * items never.
 */
export interface ItemQuery {
  feedId?: string | undefined;
  /**
   * The items of these feeds (a folder's, a tag's), a paper once as its first published copy
   * among them, with every copy as its sources; muted copies never stand for it. Not with `feedId`.
   */
  feedIds?: readonly string[] | undefined;
  filter: ItemFilter;
  /** Words and "quoted phrases" every item must contain (see compileSearchQuery). */
  query?: string | undefined;
  /** Oldest first instead of newest first. */
  oldestFirst?: boolean | undefined;
  offset: number;
  limit: number;
}

/**
 * The library's persistence port. Subscriptions, rules, notices and counts are read synchronously
 * from memory. Items are read asynchronously: at start-up the store may still be loading them (a
 * first page of the overall list is answered at once; other reads wait for the items they need).
 * Every write resolves only once the change is durably on disk.
 */
/** Which unread items "mark all as read" reaches. */
export interface UnreadScope {
  /** These feeds' items; the overall list's rows when absent. */
  feedIds?: readonly string[] | undefined;
  /** `starred` reaches only starred items; `all` and `unread` every unread one. */
  filter: ItemFilter;
  /** Only these items (a search's matches). */
  among?: readonly string[] | undefined;
  /** Only items published (or, undated, stored) before this time, in ms since the epoch. */
  olderThanMs?: number | undefined;
}

export interface LibraryStore {
  listFeeds(): StoredFeed[];
  getFeed(id: string): StoredFeed | undefined;
  findFeedByUrl(url: string): StoredFeed | undefined;
  /** Inserts or replaces a feed. */
  saveFeed(feed: StoredFeed): Promise<void>;
  /** Deletes a feed, its items and their state. Resolves false when there was no such feed. */
  removeFeed(id: string): Promise<boolean>;

  // What the retention policy needs (see services/retention).

  /**
   * The read items dated (published, or stored when undated) before their feed's cut-off in ms,
   * with what the policy's rules need; a feed whose cut-off is null is skipped. Walks the
   * library one feed at a time, awaiting `pause` in between so other calls are answered.
   */
  retentionCandidates(
    cutoffOf: (feedId: string) => number | null,
    pause?: () => Promise<void>,
  ): Promise<RetentionCandidate[]>;
  /**
   * Removes items with their content, marks and search documents, as unsubscribing does for a
   * feed's items. `stillExpires`, when given, is asked about each item as the library has it at
   * that moment (a star given meanwhile keeps it). Resolves with the ids removed, once on disk.
   */
  removeItems(
    ids: readonly string[],
    stillExpires?: (facts: RetentionFacts) => boolean,
  ): Promise<string[]>;

  /**
   * Inserts new items and refreshes the content of known ones (same id); the user's state of
   * known items is kept. Resolves with the number of items that were new.
   */
  putItems(items: StoredItem[]): Promise<number>;
  /** One item with content, state, the paper's other copies, its discussions and versions. */
  getItem(id: string): Promise<ItemDetailRow | undefined>;
  queryItems(query: ItemQuery): Promise<{ rows: ItemRow[]; total: number }>;
  /** Item and unread counts of one feed, muted items left out. */
  countItems(feedId: string): { total: number; unread: number };
  /**
   * How many rows the overall list has for each filter (a paper once, muted items left out);
   * kept as items change, so asking costs nothing however large the library.
   */
  countOverall(): { all: number; unread: number; starred: number };
  /** How many items mute rules hide from one feed's list, or from the overall list. */
  mutedCount(feedId?: string): number;
  /**
   * Changes an item's state, and that of every other feed's copy of the same paper: a paper read
   * once is read everywhere. Resolves false when there is no such item.
   */
  setItemState(id: string, patch: Partial<ItemState>): Promise<boolean>;

  /** The user's mute rules and saved searches. */
  /** Ids of the unread items a list shows (muted ones left out): what "mark all as read" marks. */
  unreadItemIds(scope: UnreadScope): Promise<string[]>;
  /**
   * Marks items read or unread, with every copy of their papers; resolves once on disk with the
   * ids (copies included) whose mark changed. Ids no longer in the library are skipped.
   */
  setReadOfItems(ids: readonly string[], read: boolean): Promise<string[]>;

  rules(): RuleSet;
  /**
   * Replaces the rules and re-applies the mute rules to every item at once (items arriving
   * later are checked as they are stored). Muted items stay stored, hidden from lists and
   * counts. Resolves once the rules are on disk.
   */
  saveRules(rules: RuleSet): Promise<void>;

  /** Notices about damaged files found at load time, not yet dismissed. */
  notices(): StorageNotice[];
  dismissNotice(id: string): Promise<boolean>;

  /** Waits for pending writes and releases the files. */
  close(): Promise<void>;

  // What the search index needs (see services/library/SearchIndexFeeder.ts); the store knows
  // nothing of search beyond these.

  /** The id of every stored item (for checking the search index against the library). */
  itemIds(): Promise<string[]>;
  /** These items with their HTML, in any order; ids no longer stored are left out. */
  searchableItems(ids: readonly string[]): Promise<SearchableItem[]>;
  /**
   * Calls `listener` after each change to stored items is on disk: items added or whose record
   * changed (a refresh), items removed (an unsubscribe). Returns the way to stop listening.
   */
  onItemsChanged(listener: (change: ItemsChange) => void): () => void;
  /** An item's record (no HTML), or undefined when it is not stored. */
  recordOf(id: string): Promise<ItemRecord | undefined>;
  /**
   * The item a paper URI names, as annotations name papers (see paperSource): a DOI address
   * (`https://doi.org/…`), the paper's own address, or `urn:rounds:item:<id>`.
   */
  itemIdForSource(source: string): Promise<string | undefined>;

  /**
   * Of these hits (best first), the rows a list shows, in the same order: muted items and those
   * the filter leaves out are dropped; with a feed, only its items; without one, a paper is one
   * row at the place of its first hit. Once the library has loaded, that row is the copy that
   * stands for the paper, with all its copies and discussions. Before, it is answered from the
   * hits, the marks and the pieces holding the rows shown, without waiting for the load; such an
   * answer is `provisional` (each paper as its best hit's copy, without copies or discussions,
   * and at most a screenful of rows) unless mute rules exist, which make it wait.
   */
  searchRows(
    hits: readonly SearchHit[],
    scope: {
      feedId?: string | undefined;
      /** Only these feeds' items, a paper once, as `ItemQuery.feedIds` lists them. */
      feedIds?: readonly string[] | undefined;
      filter: ItemFilter;
      offset: number;
      limit: number;
    },
  ): Promise<{ rows: ItemRow[]; total: number; provisional: boolean }>;
}

/** An item's record and its HTML: what the search index reads. */
export interface SearchableItem {
  record: ItemRecord;
  /** Sanitised HTML; empty when the item has none. */
  contentHtml: string;
  /** Where the store keeps it, for the index to hand back with hits (see SearchDocument.place). */
  place: number | null;
}

/** Stored items that changed, as told by {@link LibraryStore.onItemsChanged}. */
export interface ItemsChange {
  /** Items added, or whose fetched record changed. */
  upserted: readonly SearchableItem[];
  /** Ids of items removed. */
  removed: readonly string[];
}
