import type { FeedError, MuteRule, SavedSearch, StorageNotice } from '@shared/contract';
import type { PaperIds } from '../feeds/paperIdentity';

/**
 * Layout version written into every library document. Loading accepts any version: documents
 * without one (early builds) have the same fields, and newer ones are read field by field.
 */
export const LIBRARY_SCHEMA_VERSION = 1;

/** A subscription as kept in `feeds.json`; the same fields as the storage port's `StoredFeed`. */
export interface FeedRecord {
  id: string;
  url: string;
  /** The feed's own title, refreshed from every successful fetch. */
  title: string;
  /**
   * The user's own name for the feed (a rename, or the name an OPML file carried). Refreshes never
   * touch it; see feedDisplayTitle.
   */
  customTitle: string | null;
  siteUrl: string | null;
  /** ISO 8601 UTC. */
  addedAt: string;
  lastFetchedAt: string | null;
  lastError: FeedError | null;
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  /** Folder path segments from the sources pane or an OPML outline; empty at the top level. */
  folder: string[];
  /** The user's tags on this feed. */
  tags: string[];
  /** How often the background refresh fetches this feed. */
  refreshIntervalMinutes: number;
  /** Failed refreshes in a row: drives the exponential back-off. 0 after a success. */
  consecutiveFailures: number;
  /**
   * ISO 8601 UTC before which the background refresh leaves this feed alone: set by back-off
   * and by a server's Retry-After. Null means "due whenever its interval says so".
   */
  retryNotBefore: string | null;
}

/** Default background refresh interval of a feed. */
export const DEFAULT_REFRESH_INTERVAL_MINUTES = 60;

/** `feeds.json`: every subscription. */
export interface FeedsDocument {
  schemaVersion: number;
  feeds: FeedRecord[];
}

/**
 * An item's fetched metadata without its HTML: what lists need. The HTML lives in a separate
 * content shard so that opening the library does not read every article's text.
 */
export interface ItemRecord {
  id: string;
  feedId: string;
  guid: string;
  title: string;
  link: string | null;
  author: string | null;
  /** ISO 8601 UTC, or null when the feed gave no usable date. */
  publishedAt: string | null;
  excerpt: string;
  /** ISO 8601 UTC. */
  fetchedAt: string;
  /** Every author the feed names, in its order; `author` is what the list shows. */
  authors: string[];
  /** The journal that published the item (`prism:publicationName`), or null. */
  journal: string | null;
  /** The paper this item is; all null for posts and news. Items sharing a key are one paper. */
  paperIds: PaperIds;
  /** The DOI of the paper's other version (preprint or published) when the publisher names it. */
  relatedDoi: string | null;
  /**
   * For an item that is not itself a paper: the papers and article pages it cites
   * (`doi:…`, `pmid:…`, `arxiv:…`, `link:…` keys), which make it a discussion of those papers.
   */
  citations: string[];
  /** What the feed attached (`media:content`, `media:thumbnail`): addresses, never fetched here. */
  media: ItemMedia[];
}

/** One `media:content` or `media:thumbnail` of an item. */
export interface ItemMedia {
  /** http(s) address. */
  url: string;
  /** MIME type, or null. */
  type: string | null;
  /** `image`, `video`, `audio`… or `thumbnail`; null when the feed does not say. */
  medium: string | null;
}

/** One item-index shard: the records of the items whose feed hashes to this shard. */
export interface ItemShardDocument {
  schemaVersion: number;
  items: ItemRecord[];
}

/** One content shard: sanitised HTML by item id, for the same items as the index shard. */
export interface ContentShardDocument {
  schemaVersion: number;
  html: Record<string, string>;
}

/** The user's own marks on one item. */
export interface ItemStateRecord {
  read: boolean;
  starred: boolean;
}

/**
 * One state shard: the marks of the items whose id hashes to this shard. Only items with a mark
 * are listed; an item that is absent is unread and not starred.
 */
export interface StateShardDocument {
  schemaVersion: number;
  states: Record<string, ItemStateRecord>;
}

/** `notices.json`: storage notices the user has not dismissed yet. */
export interface NoticesDocument {
  schemaVersion: number;
  notices: StorageNotice[];
}

/** `rules.json`: the user's mute rules and saved searches. */
export interface RulesDocument {
  schemaVersion: number;
  muteRules: MuteRule[];
  savedSearches: SavedSearch[];
}

/** What a repair made of a parsed file. */
export interface Repaired<T> {
  /** Always usable: current schema version, every record complete. */
  document: T;
  /** Records that were unusable (no id, wrong type, duplicate) and left out. */
  dropped: number;
  /**
   * False when the value did not look like this kind of document at all (not an object, or its
   * collection missing): the caller should treat the file as damaged rather than as empty.
   */
  recognized: boolean;
}
