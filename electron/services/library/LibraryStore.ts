import type { ItemFilter, RuleSet, StorageNotice } from '@shared/contract';
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
  filter: ItemFilter;
  /** Words and "quoted phrases" every item must contain (see compileSearchQuery). */
  query?: string | undefined;
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
  /** One item with content, state, the paper's other copies, its discussions and versions. */
  getItem(id: string): ItemDetailRow | undefined;
  queryItems(query: ItemQuery): { rows: ItemRow[]; total: number };
  /** Item and unread counts of one feed, muted items left out. */
  countItems(feedId: string): { total: number; unread: number };
  /**
   * How many rows the overall list has for each filter (a paper once, muted items left out);
   * kept as items change, so asking costs nothing however large the library.
   */
  countOverall(): { all: number; unread: number; starred: number };
  /**
   * Changes an item's state, and that of every other feed's copy of the same paper: a paper read
   * once is read everywhere. Resolves false when there is no such item.
   */
  setItemState(id: string, patch: Partial<ItemState>): Promise<boolean>;

  /** The user's mute rules and saved searches. */
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
}
