import type { ItemFilter, StorageNotice } from '@shared/contract';
import type {
  FeedRecord,
  ItemRecord,
  ItemStateRecord,
} from '@shared/domain/library/libraryDocuments';

/**
 * A subscription as stored, with the validators that make the next fetch conditional. The record
 * shapes are the documents' own (shared/domain/library), so the port and the files cannot drift.
 */
export type StoredFeed = FeedRecord;

/** Fetched content of one item: replaced by a later fetch, never edited by the user. */
export interface StoredItem extends ItemRecord {
  /** Sanitised HTML. */
  contentHtml: string;
}

/** The user's own state for one item: kept apart from fetched content. */
export type ItemState = ItemStateRecord;

/** An item without its content, with the user's state: what lists need. */
export type ItemRow = Omit<StoredItem, 'contentHtml'> & ItemState;

/** Which items to list: newest first (publishedAt, then fetchedAt). */
export interface ItemQuery {
  feedId?: string | undefined;
  filter: ItemFilter;
  offset: number;
  limit: number;
}

/**
 * The library's persistence port. Reads are synchronous from memory; every write resolves only
 * once the change is durably on disk.
 */
export interface LibraryStore {
  listFeeds(): StoredFeed[];
  getFeed(id: string): StoredFeed | undefined;
  findFeedByUrl(url: string): StoredFeed | undefined;
  /** Inserts or replaces a feed. */
  saveFeed(feed: StoredFeed): Promise<void>;
  /** Deletes a feed, its items and their state. Resolves false when there was no such feed. */
  removeFeed(id: string): Promise<boolean>;

  /**
   * Inserts new items and refreshes the content of known ones (same id); the user's state of
   * known items is kept. Resolves with the number of items that were new.
   */
  putItems(items: StoredItem[]): Promise<number>;
  /** One item with content and state. */
  getItem(id: string): (StoredItem & ItemState) | undefined;
  queryItems(query: ItemQuery): { rows: ItemRow[]; total: number };
  /** Item and unread counts of one feed. */
  countItems(feedId: string): { total: number; unread: number };
  /** Changes an item's state. Resolves false when there is no such item. */
  setItemState(id: string, patch: Partial<ItemState>): Promise<boolean>;

  /** Notices about damaged files found at load time, not yet dismissed. */
  notices(): StorageNotice[];
  dismissNotice(id: string): Promise<boolean>;

  /** Waits for pending writes and releases the files. */
  close(): Promise<void>;
}
