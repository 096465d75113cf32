import type { FeedError, StorageNotice } from '@shared/contract';

/**
 * Layout version written into every library document. Loading accepts any version: documents
 * without one (early builds) have the same fields, and newer ones are read field by field.
 */
export const LIBRARY_SCHEMA_VERSION = 1;

/** A subscription as kept in `feeds.json`; the same fields as the storage port's `StoredFeed`. */
export interface FeedRecord {
  id: string;
  url: string;
  title: string;
  siteUrl: string | null;
  /** ISO 8601 UTC. */
  addedAt: string;
  lastFetchedAt: string | null;
  lastError: FeedError | null;
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
}

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
